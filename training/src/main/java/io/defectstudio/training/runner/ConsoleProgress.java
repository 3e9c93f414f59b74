package io.defectstudio.training.runner;

import io.defectstudio.training.loop.EpochSummary;
import io.defectstudio.training.loop.StepProgress;
import io.defectstudio.training.loop.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Prints training progress as log lines (for runs in the background, where a progress bar would not render). */
public final class ConsoleProgress implements TrainingListener {

    private final PrintWriter out;
    private final long every;

    public ConsoleProgress(PrintWriter out, long every) {
        this.out = out;
        this.every = every;
    }

    @Override
    public void onStep(StepProgress p) {
        if (p.step() % every == 0 || p.step() == p.totalSteps()) {
            out.printf(Locale.ROOT, "%s step %d/%d loss %.4f lr %.2e elapsed %ds eta %ds%n", p.phase(), p.step(),
                    p.totalSteps(), p.loss(), p.learningRate(), p.elapsed().toSeconds(), p.remaining().toSeconds());
            out.flush();
        }
    }

    @Override
    public void onEpoch(EpochSummary s) {
        out.printf(Locale.ROOT, "%s epoch %d (step %d): mean loss %.4f, validation mIoU %.4f%s%n", s.phase(), s.epoch(),
                s.step(), s.meanLoss(), s.validationIou(), s.best() ? " (best)" : "");
        out.flush();
    }

    @Override
    public void onCalibration(int done, int total) {
        if (done % every == 0 || done == total) {
            out.printf(Locale.ROOT, "threshold calibration %d/%d pseudo-defect episodes%n", done, total);
            out.flush();
        }
    }

    @Override
    public void onCheckpoint(String phase, long step, Path file) {
        out.printf(Locale.ROOT, "%s checkpoint at step %d: %s%n", phase, step, file);
        out.flush();
    }

    @Override
    public void onSkippedStep(String phase, long step) {
        out.printf(Locale.ROOT, "%s step %d skipped: its loss or gradient is not finite%n", phase, step + 1);
        out.flush();
    }

    @Override
    public void onResume(String phase, long step) {
        out.printf(Locale.ROOT, "%s resumed from checkpoint at step %d%n", phase, step);
        out.flush();
    }
}
