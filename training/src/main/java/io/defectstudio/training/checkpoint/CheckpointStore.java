package io.defectstudio.training.checkpoint;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes and reads a run's checkpoints in one directory: {@code last.ckpt} (run state, parameters, optimizer state)
 * every N steps, and {@code best.params} (parameters of the best validation score). Every file is written to a
 * temporary name and moved into place atomically, so a run killed at any moment leaves the previous checkpoint whole.
 */
public final class CheckpointStore {

    private static final int MAGIC = 0x44534350; // "DSCP"
    private static final int VERSION = 2;
    private static final String LAST = "last.ckpt";
    private static final String BEST = "best.params";

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
        writeAtomically(lastFile(), out -> {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(state.fingerprint());
            out.writeLong(state.nextStep());
            out.writeDouble(state.bestScore());
            out.writeLong(state.bestStep());
            out.writeInt(state.losses().size());
            for (float loss : state.losses()) {
                out.writeFloat(loss);
            }
            out.writeInt(state.validationScores().size());
            for (double score : state.validationScores()) {
                out.writeDouble(score);
            }
            TensorCodec.writeParameters(out, block);
            TensorCodec.writeList(out, optimizerState);
        });
    }

    /** Saves the block's parameters as the best so far. */
    public void saveBest(Block block) {
        writeAtomically(bestFile(), out -> TensorCodec.writeParameters(out, block));
    }

    /** Loads the best parameters into the block; false when no best checkpoint exists. */
    public boolean loadBest(Block block, NDManager manager) {
        if (!Files.isRegularFile(bestFile())) {
            return false;
        }
        try (DataInputStream in = open(bestFile())) {
            TensorCodec.readParameters(in, block, bestFile().toString());
            return true;
        } catch (IOException e) {
            throw new CheckpointException("Cannot read " + bestFile() + ": " + e.getMessage(), e);
        }
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
        try (DataInputStream in = open(lastFile())) {
            if (in.readInt() != MAGIC) {
                throw new CheckpointException(lastFile() + " is not a Defect Studio checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new CheckpointException(lastFile() + " has checkpoint version " + version + ", this build reads "
                        + VERSION);
            }
            String stored = in.readUTF();
            if (!stored.equals(fingerprint)) {
                throw new CheckpointException("The checkpoint in " + directory + " belongs to a run with other "
                        + "settings:\n  checkpoint: " + stored + "\n  this run:   " + fingerprint
                        + "\nUse another checkpoint directory or delete it to start afresh.");
            }
            long nextStep = in.readLong();
            double bestScore = in.readDouble();
            long bestStep = in.readLong();
            List<Float> losses = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                losses.add(in.readFloat());
            }
            List<Double> scores = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                scores.add(in.readDouble());
            }
            TensorCodec.readParameters(in, block, lastFile().toString());
            NDList optimizerState = TensorCodec.readList(in, manager);
            RunState state = new RunState(fingerprint, nextStep, losses, scores, bestScore, bestStep);
            return Optional.of(new Restored(state, optimizerState));
        } catch (EOFException e) {
            throw new CheckpointException("Cannot resume from " + lastFile() + ": the file is truncated (" + size()
                    + " bytes; it ends before the checkpoint does). Delete it to start afresh, or restore it from a"
                    + " backup.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CheckpointException c) {
                throw c;
            }
            throw new CheckpointException("Cannot resume from " + lastFile() + ": " + (e.getMessage() != null
                    ? e.getMessage() : "the file is damaged (" + e.getClass().getSimpleName() + ")"), e);
        }
    }

    private String size() {
        try {
            return Long.toString(Files.size(lastFile()));
        } catch (IOException e) {
            return "unknown size";
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
    }

    private void writeAtomically(Path target, Writer writer) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(directory);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                writer.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CheckpointException("Cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** A restored run: its state and its optimizer state. */
    public record Restored(RunState state, NDList optimizerState) {
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }
}
