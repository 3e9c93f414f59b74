package io.defectstudio.app.gui;

import io.defectstudio.app.workspace.SegmentationPort;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Passes everything to the real port and counts query loads and results that happened on the FX thread. */
final class ThreadCheckingPort implements SegmentationPort {
    final AtomicInteger onFxThread = new AtomicInteger();
    final AtomicInteger results = new AtomicInteger();
    private final SegmentationPort real;

    ThreadCheckingPort(SegmentationPort real) {
        this.real = real;
    }

    @Override
    public String modelName() {
        return real.modelName();
    }

    @Override
    public boolean fitsToSupport() {
        return real.fitsToSupport();
    }

    @Override
    public String deviceName() {
        return real.deviceName();
    }

    @Override
    public long setSupport(List<Support> support) {
        return real.setSupport(support);
    }

    @Override
    public void submit(long imageId, Supplier<BufferedImage> image) {
        real.submit(imageId, () -> {
            check();
            return image.get();
        });
    }

    @Override
    public void prioritise(long imageId) {
        real.prioritise(imageId);
    }

    @Override
    public double threshold() {
        return real.threshold();
    }

    @Override
    public void cancelAll() {
        real.cancelAll();
    }

    @Override
    public void setListener(Listener listener) {
        real.setListener(new Listener() {
            @Override
            public void segmented(long imageId, long generation, Result result) {
                check();
                results.incrementAndGet();
                listener.segmented(imageId, generation, result);
            }

            @Override
            public void failed(long imageId, long generation, Throwable error) {
                check();
                listener.failed(imageId, generation, error);
            }
        });
    }

    private void check() {
        if (Platform.isFxApplicationThread()) {
            onFxThread.incrementAndGet();
        }
    }

    @Override
    public void close() {
        real.close();
    }
}
