package io.defectstudio.inference.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.inference.engine.DjlSegmenter;
import io.defectstudio.inference.engine.EngineSetup;
import io.defectstudio.inference.engine.ModelBundleWriter;
import io.defectstudio.inference.engine.NetworkFactory;
import io.defectstudio.inference.engine.NetworkLoader;
import io.defectstudio.inference.engine.ParameterCodec;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.inference.testing.TestBundles;
import io.defectstudio.inference.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    private static final int SIZE = 64;
    private static final InferenceOptions CPU = InferenceOptions.of(DeviceChoice.CPU);
    private static final NetworkFactory STANDARD = NetworkFactory.standard();

    @TempDir
    Path dir;

    /**
     * Bundles are written as safetensors with the network named in its metadata, and a bundle in the older DSWEIGHT
     * layout still loads, tensor for tensor.
     */
    @Test
    void weightsAreSafetensorsAndTheOlderLayoutStillLoads() throws IOException {
        ByteBuffer values = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).flip();
        WeightsFile weights = new WeightsFile("matcher", "compact", Manifest.Precision.FLOAT32,
                List.of(new WeightsFile.Tensor("01backbone_w", new long[] {2}, values)));
        byte[] written = weights.toBytes();
        Safetensors.Contents contents = Safetensors.decode(written, "written");
        assertEquals("matcher", contents.metadata().get("architecture"));
        assertArrayEquals(new float[] {1.5f, -2f}, contents.floats().get("01backbone_w").values());

        java.io.ByteArrayOutputStream legacy = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(legacy)) {
            out.write("DSWEIGHT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeInt(1);
            out.writeUTF("matcher");
            out.writeUTF("compact");
            out.writeByte(Manifest.Precision.FLOAT32.ordinal());
            out.writeInt(1);
            out.writeUTF("01backbone_w");
            out.writeByte(1);
            out.writeLong(2);
            out.write(values.duplicate().array());
        }
        for (byte[] bytes : List.of(written, legacy.toByteArray())) {
            WeightsFile read = WeightsFile.parse(bytes, "weights");
            assertEquals("compact", read.backbone());
            assertEquals(Manifest.Precision.FLOAT32, read.precision());
            assertEquals(1.5f, read.tensors().get(0).data().duplicate().order(ByteOrder.LITTLE_ENDIAN).getFloat());
        }
        assertThrows(ModelBundleException.class, () -> WeightsFile.parse(Safetensors.encode(List.of(), Map.of()),
                "bare"), "a safetensors file without the bundle's metadata is not a bundle's weights");
    }

    @Test
    void roundTripGivesIdenticalOutputs() throws IOException {
        EngineSetup.prepare();
        BufferedImage query = TestImages.grey(90, 70, 3, 20, 30, 60, 36);
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet original = Architectures.create("lerenet", "compact");
            NetworkLoader.initialize(original, manager, SIZE, SIZE);
            Manifest written = ModelBundleWriter.write(dir.resolve("bundle"), TestBundles.manifest("lerenet", SIZE),
                    original, Manifest.Precision.FLOAT32);
            ModelBundle loaded = ModelBundle.load(dir.resolve("bundle"));
            assertEquals(written, loaded.manifest().withWeights(written.weights()));
            assertEquals(written.weights().sha256(), loaded.manifest().weights().sha256());
            try (DjlSegmenter before = DjlSegmenter.wrap(original, TestBundles.manifest("lerenet", SIZE), Device.cpu());
                    DjlSegmenter after = DjlSegmenter.open(loaded, CPU, STANDARD)) {
                float[] a = segment(before, query).probability();
                float[] b = segment(after, query).probability();
                assertArrayEquals(a, b);
            }
        }
    }

    @Test
    void float16ZipBundleIsHalfTheSizeAndGivesCloseOutputs() throws IOException {
        Path f32 = dir.resolve("m32");
        Path f16 = dir.resolve("m16.dsmodel");
        EngineSetup.prepare();
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = Architectures.create("lerenet", "compact");
            NetworkLoader.initialize(net, manager, SIZE, SIZE);
            ModelBundleWriter.write(f32, TestBundles.manifest("lerenet", SIZE), net, Manifest.Precision.FLOAT32);
            ModelBundleWriter.write(f16, TestBundles.manifest("lerenet", SIZE), net, Manifest.Precision.FLOAT16);
        }
        ModelBundle full = ModelBundle.load(f32);
        ModelBundle half = ModelBundle.load(f16);
        assertTrue(Files.isRegularFile(f16));
        assertEquals(Manifest.Precision.FLOAT16, half.manifest().weights().precision());
        double ratio = (double) half.manifest().weights().bytes() / full.manifest().weights().bytes();
        assertTrue(ratio > 0.45 && ratio < 0.55, "float16 weights should be half the size, ratio " + ratio);
        BufferedImage query = TestImages.grey(80, 80, 5, 10, 10, 30, 60);
        try (DjlSegmenter a = DjlSegmenter.open(full, CPU, STANDARD);
                DjlSegmenter b = DjlSegmenter.open(half, CPU, STANDARD)) {
            float[] pa = segment(a, query).probability();
            float[] pb = segment(b, query).probability();
            double sumDiff = 0;
            int sameLabel = 0;
            for (int i = 0; i < pa.length; i++) {
                sumDiff += Math.abs(pa[i] - pb[i]);
                sameLabel += (pa[i] >= 0.5) == (pb[i] >= 0.5) ? 1 : 0;
            }
            // Untrained weights give near-zero logits everywhere, so compare on average, not per pixel.
            assertTrue(sumDiff / pa.length < 0.01, "float16 storage moved probabilities by " + sumDiff / pa.length);
            assertTrue(sameLabel > 0.98 * pa.length, "float16 storage flipped " + (pa.length - sameLabel) + " pixels");
        }
    }

    @Test
    void missingBundleFolderOrFileIsNamed() throws IOException {
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(dir.resolve("no")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

        Path bundle = writeBundle();
        Files.delete(bundle.resolve(ModelBundle.DEFAULT_WEIGHTS_FILE));
        e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("has no " + ModelBundle.DEFAULT_WEIGHTS_FILE), e.getMessage());

        Files.delete(bundle.resolve(ModelBundle.MANIFEST_FILE));
        e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("has no model.json"), e.getMessage());
    }

    @Test
    void truncatedWeightsAreReportedAsTruncated() throws IOException {
        Path bundle = writeBundle();
        Path weights = bundle.resolve(ModelBundle.DEFAULT_WEIGHTS_FILE);
        byte[] data = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(data, data.length / 2));
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void flippedByteIsAChecksumMismatch() throws IOException {
        Path bundle = writeBundle();
        Path weights = bundle.resolve(ModelBundle.DEFAULT_WEIGHTS_FILE);
        byte[] data = Files.readAllBytes(weights);
        data[data.length - 10] ^= 0x40;
        Files.write(weights, data);
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void weightsChangedAfterLoadingAreCaughtBeforeTheEngineSeesThem() throws IOException {
        Path bundle = writeBundle();
        ModelBundle loaded = ModelBundle.load(bundle);
        Path weights = bundle.resolve(ModelBundle.DEFAULT_WEIGHTS_FILE);
        byte[] data = Files.readAllBytes(weights);
        data[100] ^= 0x01;
        Files.write(weights, data);
        ModelBundleException e = assertThrows(ModelBundleException.class,
                () -> DjlSegmenter.open(loaded, CPU, STANDARD));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void aBackboneIsOneNameOrAPairOfNames() throws IOException {
        Manifest manifest = ModelBundle.load(writeBundle()).manifest();
        String json = ManifestCodec.toJson(manifest).replace("\"backbone\": \"" + manifest.backbone() + "\"",
                "\"backbone\": \"mobilenet_v2_mid+inception_v3\"");
        assertEquals("mobilenet_v2_mid+inception_v3", ManifestCodec.parse(json, "pair").backbone());
        ModelBundleException e = assertThrows(ModelBundleException.class,
                () -> ManifestCodec.parse(json.replace("mobilenet_v2_mid+inception_v3", "a+b+c"), "triple"));
        assertTrue(e.getMessage().contains("backbone 'a+b+c' is not a valid name"), e.getMessage());
    }

    @Test
    void unknownFormatVersionIsRefused() throws IOException {
        Path bundle = writeBundle();
        editManifest(bundle, "\"formatVersion\": 1", "\"formatVersion\": 99");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("format version 99 is not supported"), e.getMessage());
    }

    @Test
    void manifestArchitectureThatDiffersFromTheWeightsIsAMismatch() throws IOException {
        Path bundle = writeBundle();
        editManifest(bundle, "\"architecture\": \"lerenet\"", "\"architecture\": \"eamnet\"");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("architecture mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains("lerenet/compact") && e.getMessage().contains("eamnet/compact"),
                e.getMessage());
    }

    @Test
    void aReplacementInterruptedByAKillIsFinishedOrUndoneOnLoad() throws IOException {
        Path bundle = writeBundle();
        String original = ModelBundle.load(bundle).manifest().weights().sha256();
        Path old = bundle.resolveSibling(bundle.getFileName() + ".old");
        Path writing = bundle.resolveSibling(bundle.getFileName() + ".writing");

        // killed between the two renames: the old bundle is the backup, the new one is complete beside it
        Files.move(bundle, old);
        TestBundles.write(writing, "lerenet", SIZE, Manifest.Precision.FLOAT16);
        assertEquals(original, ModelBundle.load(bundle).manifest().weights().sha256(), "the backup comes back");
        assertTrue(Files.notExists(old) && Files.notExists(writing), "leftovers are cleaned up");

        // killed while writing: a half-written bundle beside the one in place is ignored and removed
        Files.createDirectories(writing);
        Files.writeString(writing.resolve(ModelBundle.MANIFEST_FILE), "{\"formatVersion\": 1,");
        assertEquals(original, ModelBundle.load(bundle).manifest().weights().sha256());
        assertTrue(Files.notExists(writing));

        // a first write killed after it completed: the complete new bundle takes the name
        Path fresh = dir.resolve("fresh");
        TestBundles.write(fresh.resolveSibling("fresh.writing"), "lerenet", SIZE, Manifest.Precision.FLOAT32);
        assertEquals("lerenet", ModelBundle.load(fresh).manifest().architecture());

        // an ordinary replacement keeps no backup
        Manifest second = TestBundles.write(bundle, "lerenet", SIZE, Manifest.Precision.FLOAT16);
        assertEquals(second.weights().sha256(), ModelBundle.load(bundle).manifest().weights().sha256());
        assertTrue(Files.notExists(old));
    }

    @Test
    void nanOrInfiniteWeightsAreRefusedAtLoad() throws IOException {
        EngineSetup.prepare();
        float[] poison = {Float.NaN, Float.POSITIVE_INFINITY};
        Manifest.Precision[] precisions = {Manifest.Precision.FLOAT32, Manifest.Precision.FLOAT16};
        for (int i = 0; i < poison.length; i++) {
            Path bundle = dir.resolve("poisoned" + i);
            try (NDManager manager = NDManager.newBaseManager()) {
                FewShotNet net = Architectures.create("lerenet", "compact");
                NetworkLoader.initialize(net, manager, SIZE, SIZE);
                NDArray weight = net.getParameters().get(3).getValue().getArray();
                float[] values = weight.toFloatArray();
                values[values.length / 2] = poison[i];
                weight.set(values);
                ModelBundleWriter.write(bundle, TestBundles.manifest("lerenet", SIZE), net, precisions[i]);
            }
            ModelBundle loaded = ModelBundle.load(bundle);
            ModelBundleException e = assertThrows(ModelBundleException.class,
                    () -> DjlSegmenter.open(loaded, CPU, STANDARD).close());
            assertTrue(e.getMessage().contains("NaN or infinite"), e.getMessage());
        }
    }

    @Test
    void weightsThatDoNotFitTheNetworkNameTheParameter() throws IOException {
        Path bundle = writeBundle();
        WeightsFile weights = ModelBundle.load(bundle).readWeights();
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet wider = Architectures.create("lerenet", "resnet18");
            NetworkLoader.initialize(wider, manager, SIZE, SIZE);
            ModelBundleException e = assertThrows(ModelBundleException.class,
                    () -> ParameterCodec.load(weights, wider, "w"));
            assertTrue(e.getMessage().contains("does not fit the lerenet/compact network"), e.getMessage());
            assertTrue(e.getMessage().contains("parameter '"), e.getMessage());
        }
    }

    @Test
    void unknownArchitectureIsReportedByName() throws IOException {
        Manifest m = Manifest.builder().setArchitecture("unet").setBackbone("compact").build();
        ModelBundle.write(dir.resolve("unet"), m, new WeightsFile("unet", "compact", Manifest.Precision.FLOAT32,
                java.util.List.of()));
        ModelBundle loaded = ModelBundle.load(dir.resolve("unet"));
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> DjlSegmenter.open(loaded, CPU));
        assertTrue(e.getMessage().contains("unknown architecture 'unet'"), e.getMessage());
    }

    @Test
    void garbageManifestIsReportedAsInvalidJson() throws IOException {
        Path bundle = writeBundle();
        Files.writeString(bundle.resolve(ModelBundle.MANIFEST_FILE), "{\"formatVersion\": 1, \u0000garbage ]]");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("model.json is not valid JSON"), e.getMessage());

        Files.writeString(bundle.resolve(ModelBundle.MANIFEST_FILE), "[1, 2, 3]");
        e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("is not a JSON object"), e.getMessage());
    }

    @Test
    void missingOrMistypedFieldsAreNamed() throws IOException {
        Path bundle = writeBundle();
        String json = Files.readString(bundle.resolve(ModelBundle.MANIFEST_FILE));
        Files.writeString(bundle.resolve(ModelBundle.MANIFEST_FILE),
                json.replace("\"backbone\": \"compact\",", ""));
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("field 'backbone' is missing"), e.getMessage());

        Files.writeString(bundle.resolve(ModelBundle.MANIFEST_FILE),
                json.replace("\"width\": " + SIZE, "\"width\": \"wide\""));
        e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("field 'width' must be a number"), e.getMessage());

        Files.writeString(bundle.resolve(ModelBundle.MANIFEST_FILE), json.replace("\"width\": " + SIZE,
                "\"width\": 100000"));
        e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("input size"), e.getMessage());
    }

    @Test
    void notABundleFileIsRefused() throws IOException {
        Path file = dir.resolve("model.dsmodel");
        Files.writeString(file, "this is not a zip");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().contains("neither a bundle folder nor a readable bundle zip"), e.getMessage());
    }

    @Test
    void manifestRecordsProvenanceAndMetrics() throws IOException {
        Path bundle = writeBundle();
        Manifest m = ModelBundle.load(bundle).manifest();
        assertEquals("lerenet", m.architecture());
        assertEquals("compact", m.backbone());
        assertEquals(SIZE, m.inputWidth());
        assertEquals(java.util.List.of("scratch"), m.training().classes());
        assertEquals(java.util.List.of("synthetic"), m.training().datasets());
        assertEquals(0.5, m.metrics().get("mIoU"));
        assertEquals(Manifest.FORMAT_VERSION, m.formatVersion());
        assertEquals(64, m.weights().sha256().length());
    }

    @Test
    void supportTuningIsKeptInTheManifestAndOldManifestsDoNotTune() throws IOException {
        Path bundle = writeBundle();
        Manifest plain = ModelBundle.load(bundle).manifest();
        assertEquals(Manifest.SupportTuning.NONE, plain.supportTuning());
        assertFalse(Files.readString(bundle.resolve(ModelBundle.MANIFEST_FILE)).contains("supportTuning"));

        Manifest tuned = plain.withThreshold(0.35, new Manifest.SupportTuning(12, 2e-3), "calibration", 0.4);
        ModelBundle.write(bundle, tuned, ModelBundle.load(bundle).readWeights());
        Manifest read = ModelBundle.load(bundle).manifest();
        assertEquals(new Manifest.SupportTuning(12, 2e-3), read.supportTuning());
        assertEquals(0.35, read.threshold());
        assertEquals(0.4, read.metrics().get("calibration"));
    }

    @Test
    void supportTuningOutOfRangeIsNamed() throws IOException {
        Path bundle = writeBundle();
        Manifest tuned = ModelBundle.load(bundle).manifest().withThreshold(0.5, new Manifest.SupportTuning(5, 1e-3),
                "calibration", 0.4);
        ModelBundle.write(bundle, tuned, ModelBundle.load(bundle).readWeights());
        editManifest(bundle, "\"steps\": 5", "\"steps\": -2");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("supportTuning.steps -2 is outside 0..1000"), e.getMessage());

        editManifest(bundle, "\"steps\": -2", "\"steps\": 5");
        editManifest(bundle, "\"learningRate\": 0.001", "\"learningRate\": 3");
        e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("supportTuning.learningRate 3.0 is outside (0, 1)"), e.getMessage());
    }

    @Test
    void aSupportChosenThresholdIsKeptAndOldManifestsKeepTheirOne() throws IOException {
        Path bundle = writeBundle();
        Manifest plain = ModelBundle.load(bundle).manifest();
        assertFalse(plain.supportThreshold());
        assertFalse(Files.readString(bundle.resolve(ModelBundle.MANIFEST_FILE)).contains("thresholdFromSupport"));

        ModelBundle.write(bundle, plain.withSupportThreshold(true), ModelBundle.load(bundle).readWeights());
        Manifest read = ModelBundle.load(bundle).manifest();
        assertTrue(read.supportThreshold());
        assertTrue(read.withThreshold(0.3, Manifest.SupportTuning.NONE, "calibration", 0.2).supportThreshold(),
                "a new calibration keeps the rule");

        editManifest(bundle, "\"thresholdFromSupport\": true", "\"thresholdFromSupport\": \"yes\"");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("field 'thresholdFromSupport' must be true or false"), e.getMessage());
    }

    @Test
    void supportViewsAreKeptOldManifestsHaveOneAndOutOfRangeIsNamed() throws IOException {
        Path bundle = writeBundle();
        Manifest plain = ModelBundle.load(bundle).manifest();
        assertEquals(1, plain.supportViews());
        assertFalse(Files.readString(bundle.resolve(ModelBundle.MANIFEST_FILE)).contains("supportViews"));

        ModelBundle.write(bundle, plain.withSupportViews(4), ModelBundle.load(bundle).readWeights());
        Manifest read = ModelBundle.load(bundle).manifest();
        assertEquals(4, read.supportViews());
        assertEquals(4, read.withDetail(640).withSupportThreshold(true).supportViews(), "other copies keep it");

        editManifest(bundle, "\"supportViews\": 4", "\"supportViews\": 9");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().contains("supportViews 9 is outside 1..8"), e.getMessage());
        assertThrows(ModelBundleException.class, () -> plain.withSupportViews(-1));
    }

    private Path writeBundle() throws IOException {
        Path bundle = dir.resolve("bundle");
        TestBundles.write(bundle, "lerenet", SIZE, Manifest.Precision.FLOAT32);
        return bundle;
    }

    private static void editManifest(Path bundle, String from, String to) throws IOException {
        Path file = bundle.resolve(ModelBundle.MANIFEST_FILE);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(json.contains(from), json);
        Files.writeString(file, json.replace(from, to));
    }

    private static Segmentation segment(DjlSegmenter s, BufferedImage query) {
        BufferedImage image = TestImages.grey(80, 60, 1, 10, 20, 50, 26);
        BufferedImage mask = TestImages.mask(80, 60, 10, 20, 50, 26);
        try (PreparedSupport support = s.prepare(SupportSet.of(new SupportExample(image, mask)))) {
            return s.segment(support, query);
        }
    }
}
