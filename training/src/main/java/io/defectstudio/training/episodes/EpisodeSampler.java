package io.defectstudio.training.episodes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one-way K-shot episodes from a fixed set of classes. Episode {@code i} depends only on the seed and {@code i},
 * so a resumed training run sees exactly the episodes an uninterrupted run would.
 */
public final class EpisodeSampler implements EpisodeStream {

    private final EpisodeSource source;
    private final List<String> classes;
    private final List<List<Sample>> samples = new ArrayList<>();
    private final int shots;
    private final long seed;

    /**
     * @param classes the classes to draw from; each needs at least {@code shots + 1} samples
     */
    public EpisodeSampler(EpisodeSource source, List<String> classes, int shots, long seed) {
        if (shots < 1) {
            throw new IllegalArgumentException("shots must be >= 1, got " + shots);
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("No classes to sample from");
        }
        this.source = source;
        this.classes = List.copyOf(classes);
        this.shots = shots;
        this.seed = seed;
        for (String name : this.classes) {
            List<Sample> list = source.samples(name);
            if (list.size() < shots + 1) {
                throw new EpisodeDataException("Class " + name + " has " + list.size() + " images; a " + shots
                        + "-shot episode needs " + (shots + 1));
            }
            samples.add(list);
        }
    }

    /** A sampler over a fold's training classes only; the fold's test classes can never appear. */
    public static EpisodeSampler forTraining(EpisodeSource source, FoldSplit split, int shots, long seed) {
        List<String> train = split.trainClassesIn(source);
        if (train.isEmpty()) {
            throw new EpisodeDataException("None of fold " + split.fold() + "'s train classes " + split.trainClasses()
                    + " is in the data set (classes: " + source.classNames() + ")");
        }
        return new EpisodeSampler(source, train, shots, seed);
    }

    /** The episode with this index: a uniformly chosen class, then K supports and a query, all distinct. */
    @Override
    public Episode episode(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int c = random.nextInt(classes.size());
        List<Sample> pool = samples.get(c);
        int[] picks = distinct(random, pool.size(), shots + 1);
        List<Sample> supports = new ArrayList<>(shots);
        for (int k = 0; k < shots; k++) {
            supports.add(pool.get(picks[k + 1]));
        }
        return new Episode(classes.get(c), supports, pool.get(picks[0]));
    }

    private static int[] distinct(SplittableRandom random, int n, int count) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] picked = new int[count];
        System.arraycopy(order, 0, picked, 0, count);
        return picked;
    }

    public List<String> classes() {
        return classes;
    }

    public int shots() {
        return shots;
    }

    public EpisodeSource source() {
        return source;
    }
}
