package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.defectstudio.inference.nets.inception.InceptionV3Backbone;
import io.defectstudio.inference.nets.mobilenet.MobileNetV2Backbone;
import java.util.Set;

/**
 * Two ImageNet-derived backbones side by side, named {@code first+second}: stage i is
 * {@code [l2(first_i), l2(second_i resized to first_i)] / sqrt(2)}, so a cosine between two such vectors is the mean of
 * the two backbones' cosines. Its input is RGB in [0, 1]; each member gets the scaling its weights were trained with.
 */
public final class BackbonePair extends Backbone {

    /** The members a pair takes: the ImageNet-derived backbones, whose features are generic enough to average. */
    private static final Set<String> MEMBERS = Set.of(MobileNetV2Backbone.NAME, InceptionV3Backbone.NAME);

    /** The pair the product offers: the shipped MobileNetV2 and InceptionV3. */
    public static final String MOBILENET_INCEPTION = MobileNetV2Backbone.NAME + "+" + InceptionV3Backbone.NAME;

    private final Backbone first;
    private final Backbone second;

    public BackbonePair(Backbone first, Backbone second) {
        for (Backbone member : new Backbone[] {first, second}) {
            if (!MEMBERS.contains(member.name())) {
                throw new IllegalArgumentException("a backbone pair takes " + MEMBERS + ", not "
                        + member.name());
            }
        }
        this.first = addChildBlock("first", first);
        this.second = addChildBlock("second", second);
    }

    /** Whether a manifest backbone name names a pair. */
    public static boolean isPair(String name) {
        return name.contains("+");
    }

    public Backbone first() {
        return first;
    }

    public Backbone second() {
        return second;
    }

    @Override
    public int[] stageChannels() {
        int[] a = first.stageChannels();
        int[] b = second.stageChannels();
        int[] sum = new int[4];
        for (int i = 0; i < 4; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    @Override
    public NDList stages(ParameterStore ps, NDArray images, boolean training, int count) {
        NDList a = first.stages(ps, memberInput(first, images), training, count);
        NDList b = second.stages(ps, memberInput(second, images), training, count);
        NDList out = new NDList(count);
        for (int i = 0; i < count; i++) {
            NDArray x = a.get(i);
            out.add(FeatureOps.l2Normalize(x, 1)
                    .concat(FeatureOps.l2Normalize(FeatureOps.resizeLike(b.get(i), x), 1), 1)
                    .div((float) Math.sqrt(2)));
        }
        return out;
    }

    private static NDArray memberInput(Backbone member, NDArray unit) {
        Normalisation n = Normalisation.forBackbone(member.name());
        if (n.equals(Normalisation.unit())) {
            return unit;
        }
        NDManager manager = unit.getManager();
        Shape perChannel = new Shape(1, 3, 1, 1);
        return unit.sub(manager.create(n.mean(), perChannel)).div(manager.create(n.std(), perChannel));
    }

    /** Both members' stage {@code number}, as one block to freeze. */
    @Override
    public Block stage(int number) {
        checkStageNumber(number);
        return new StageOfBoth(first.stage(number), second.stage(number));
    }

    @Override
    public String name() {
        return first.name() + "+" + second.name();
    }

    @Override
    public MatchFusion matchFusion() {
        return MatchFusion.MULTI_SCALE;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        first.initialize(manager, dataType, inputShapes);
        second.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = first.getOutputShapes(inputShapes);
        int[] channels = stageChannels();
        Shape[] out = new Shape[4];
        for (int i = 0; i < 4; i++) {
            Shape s = shapes[i];
            out[i] = new Shape(s.get(0), channels[i], s.get(2), s.get(3));
        }
        return out;
    }

    /** Two members' stages grouped, so that freezing or counting covers both; never run or saved itself. */
    private static final class StageOfBoth extends AbstractBlock {

        StageOfBoth(Block a, Block b) {
            addChildBlock("first", a);
            addChildBlock("second", b);
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            throw new UnsupportedOperationException("a stage pair only groups parameters");
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            throw new UnsupportedOperationException("a stage pair only groups parameters");
        }
    }
}
