package io.defectstudio.training.checkpoint;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.defectstudio.inference.bundle.NamedTensor;
import io.defectstudio.inference.bundle.Safetensors;
import io.defectstudio.inference.bundle.SafetensorsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads a run's checkpoints in one directory, as safetensors (the product's one weights format):
 * {@code last.safetensors} (parameters and optimizer state, with the run state in its metadata) every N steps, and
 * {@code best.safetensors} (parameters of the best validation score). Every file is written to a temporary name and
 * moved into place atomically, so a run killed at any moment leaves the previous checkpoint whole.
 */
public final class CheckpointStore {

    private static final String FORMAT = "defect-studio-checkpoint";
    private static final String VERSION = "3";
    private static final String LAST = "last.safetensors";
    private static final String BEST = "best.safetensors";
    // A skipped step records a NaN loss: written and read back as the token NaN.
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private final Path directory;

    public CheckpointStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public Path lastFile() {
        return directory.resolve(LAST);
    }

    public Path bestFile() {
        return directory.resolve(BEST);
    }

    /** Saves the run state, the block's parameters and the optimizer state as the last checkpoint. */
    public void save(RunState state, Block block, NDList optimizerState) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("version", VERSION);
        meta.put("fingerprint", state.fingerprint());
        meta.put("nextStep", Long.toString(state.nextStep()));
        meta.put("bestScore", Double.toString(state.bestScore()));
        meta.put("bestStep", Long.toString(state.bestStep()));
        meta.put("losses", GSON.toJson(state.losses()));
        meta.put("validationScores", GSON.toJson(state.validationScores()));
        List<Safetensors.Entry> entries = new ArrayList<>(TensorCodec.parameters(block));
        entries.addAll(TensorCodec.list(optimizerState));
        write(lastFile(), entries, meta);
    }

    /** Saves the block's parameters as the best so far. */
    public void saveBest(Block block) {
        write(bestFile(), TensorCodec.parameters(block), Map.of("format", FORMAT, "version", VERSION));
    }

    /** Loads the best parameters into the block; false when no best checkpoint exists. */
    public boolean loadBest(Block block, NDManager manager) {
        if (!Files.isRegularFile(bestFile())) {
            return false;
        }
        TensorCodec.readParameters(read(bestFile()).floats(), block, bestFile().toString());
        return true;
    }

    /**
     * Restores the last checkpoint into the block and returns the run state and the optimizer state (attached to the
     * manager), or empty when there is none.
     *
     * @throws CheckpointException when the file is corrupt or belongs to a run with other settings
     */
    public Optional<Restored> restore(String fingerprint, Block block, NDManager manager) {
        if (!Files.isRegularFile(lastFile())) {
            return Optional.empty();
        }
        Safetensors.Contents contents = read(lastFile());
        Map<String, String> meta = contents.metadata();
        String stored = meta.get("fingerprint");
        if (!fingerprint.equals(stored)) {
            throw new CheckpointException("The checkpoint in " + directory + " belongs to a run with other "
                    + "settings:\n  checkpoint: " + stored + "\n  this run:   " + fingerprint
                    + "\nUse another checkpoint directory or delete it to start afresh.");
        }
        try {
            Map<String, NamedTensor> tensors = contents.floats();
            TensorCodec.readParameters(tensors, block, lastFile().toString());
            NDList optimizerState = TensorCodec.readList(tensors, manager);
            RunState state = new RunState(fingerprint, Long.parseLong(meta.get("nextStep")),
                    Arrays.asList(GSON.fromJson(meta.get("losses"), Float[].class)),
                    Arrays.asList(GSON.fromJson(meta.get("validationScores"), Double[].class)),
                    Double.parseDouble(meta.get("bestScore")), Long.parseLong(meta.get("bestStep")));
            return Optional.of(new Restored(state, optimizerState));
        } catch (NumberFormatException | JsonParseException | NullPointerException e) {
            throw new CheckpointException("Cannot resume from " + lastFile() + ": its run state is damaged ("
                    + e.getClass().getSimpleName() + "). Delete it to start afresh.", e);
        }
    }

    /** A checkpoint of this build, whole, or a clear refusal that says what is wrong with it. */
    private Safetensors.Contents read(Path file) {
        Safetensors.Contents contents;
        try {
            contents = Safetensors.readFile(file);
        } catch (SafetensorsException e) {
            throw new CheckpointException("Cannot resume from " + file + ": the file is truncated or damaged ("
                    + size(file) + " bytes; " + e.getMessage() + "). Delete it to start afresh, or restore it from a"
                    + " backup.", e);
        }
        if (!FORMAT.equals(contents.metadata().get("format"))
                || !VERSION.equals(contents.metadata().get("version"))) {
            throw new CheckpointException(file + " is not a checkpoint of this build (format "
                    + contents.metadata().get("format") + ", version " + contents.metadata().get("version") + ")");
        }
        return contents;
    }

    private static String size(Path file) {
        try {
            return Long.toString(Files.size(file));
        } catch (IOException e) {
            return "unknown size";
        }
    }

    private void write(Path target, List<Safetensors.Entry> entries, Map<String, String> metadata) {
        try {
            Files.createDirectories(directory);
            Safetensors.write(target, entries, metadata);
        } catch (IOException | SafetensorsException e) {
            throw new CheckpointException("Cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** A restored run: its state and its optimizer state. */
    public record Restored(RunState state, NDList optimizerState) {
    }
}
