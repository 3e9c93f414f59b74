package io.defectstudio.app.gui.tour;

import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.workspace.StorageProjectStore;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javax.imageio.ImageIO;

/**
 * Frame time of a brush stroke on a large image in the real window: one drag event per rendered frame, timing both
 * the event handling (paint + dirty-rect overlay update) and the interval between frames.
 */
public final class BrushBenchmark {
    /** Medians and tails in milliseconds. */
    public record Result(int size, double brushRadius, double scale, int frames, double handlerMedian,
                         double handlerP95, double handlerMax, double frameMedian, double frameP95, double frameMax) {
    }

    private BrushBenchmark() {
    }

    public static Result run(Path workDir, int size, double radius, boolean oneToOne, int steps, PrintWriter out)
            throws Exception {
        Path data = workDir.resolve("data");
        Path project = workDir.resolve("project");
        Path image = workDir.resolve("large-" + size + ".png");
        writeNoise(image, size);
        try (StorageProjectStore store = StorageProjectStore.create(project, "Brush benchmark")) {
            store.importImage(image);
            store.createClass("Scratch", "#E74C3C");
        }
        AppSettings settings = new AppSettings(data);
        settings.rememberProject(project);
        try (FxSession s = FxSession.start(settings, (p, detail, problem) -> Optional.empty(), 1400, 900)) {
            if (!FxSession.await(120, () -> s.workstation().viewModel().canvas().imageProperty().get() != null
                    && s.workstation().viewModel().canvas().imageProperty().get().width() == size)) {
                throw new IllegalStateException("the image did not load");
            }
            Thread.sleep(500);
            var canvasView = s.workstation().window().canvasView();
            double scale = FxSession.onFx(() -> {
                s.workstation().viewModel().canvas().brushRadiusProperty().set(radius);
                if (oneToOne) {
                    canvasView.zoomOneToOne();
                } else {
                    canvasView.zoomFit();
                }
                return canvasView.viewport().scale();
            });
            StrokeDriver driver = new StrokeDriver(canvasView);
            // the stroke crosses the visible part of the image
            double visible = Math.min(size, canvasView.getWidth() / scale) * 0.8;
            double x0 = size / 2.0 - visible / 2;
            double y0 = size / 2.0 - visible / 4;
            long[] handler = new long[steps];
            long[] frame = new long[steps];
            CompletableFuture<Void> done = new CompletableFuture<>();
            FxSession.onFx(() -> {
                driver.press(x0, y0);
                new AnimationTimer() {
                    private int i;
                    private long last;

                    @Override
                    public void handle(long now) {
                        if (i > 0) {
                            frame[i - 1] = now - last;
                        }
                        last = now;
                        if (i == steps) {
                            driver.release(x0 + visible, y0 + visible / 2);
                            stop();
                            done.complete(null);
                            return;
                        }
                        double t = (i + 1.0) / steps;
                        long t0 = System.nanoTime();
                        driver.drag(x0 + visible * t, y0 + visible / 2 * t + Math.sin(t * 12) * visible / 20);
                        handler[i] = System.nanoTime() - t0;
                        i++;
                    }
                }.start();
                return null;
            });
            done.get(300, TimeUnit.SECONDS);
            // wait for the stroke to be persisted before closing
            FxSession.await(60, () -> s.workstation().viewModel().session().savedVersionsProperty().get() >= 1);
            Result r = new Result(size, radius, scale, steps, ms(handler, 0.5), ms(handler, 0.95), ms(handler, 1),
                    ms(frame, 0.5), ms(frame, 0.95), ms(frame, 1));
            out.printf("image %dx%d, brush radius %.0f px, view scale %.3f, %d frames%n", size, size, radius, scale,
                    steps);
            out.printf("event handling (paint + overlay update): median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                    r.handlerMedian(), r.handlerP95(), r.handlerMax());
            out.printf("frame interval: median %.2f ms, p95 %.2f ms, max %.2f ms%n", r.frameMedian(), r.frameP95(),
                    r.frameMax());
            out.flush();
            return r;
        }
    }

    private static double ms(long[] values, double q) {
        long[] v = values.clone();
        Arrays.sort(v);
        int idx = (int) Math.min(v.length - 1, Math.round(q * (v.length - 1)));
        return v[idx] / 1e6;
    }

    private static void writeNoise(Path file, int size) throws Exception {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        java.util.Random r = new java.util.Random(7);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                px[y * size + x] = (byte) (96 + ((x / 64 + y / 64) % 2) * 48 + r.nextInt(24));
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageIO.write(img, "png", out);
        }
    }

}
