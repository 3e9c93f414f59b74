package io.defectstudio.inference.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Library;
import com.sun.jna.Native;
import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceException;
import io.defectstudio.inference.InferenceOptions;

/** Process-wide engine settings that must be in place before PyTorch loads, and device selection. */
public final class EngineSetup {

    private static final String ENGINE = "PyTorch";
    private static boolean environmentPrepared;

    private EngineSetup() {}

    /** The part of libc we call: environment variables that the native OpenMP runtime reads at load time. */
    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * Prepares the process for the engine: no downloads, no telemetry, passive OpenMP waiting (spin-waiting threads
     * otherwise starve the UI and other workers on a small CPU) and the requested thread counts. Values the user set
     * explicitly (environment or system property) win. Call before the first NDManager; later calls only adjust the
     * intra-op thread count.
     */
    public static synchronized void prepare(InferenceOptions options) {
        if (!environmentPrepared) {
            setPropertyIfAbsent("ai.djl.offline", "true");
            setPropertyIfAbsent("OPT_OUT_TRACKING", "true");
            setenvIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
            if (options.intraOpThreads() > 0) {
                setPropertyIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(options.intraOpThreads()));
            }
            if (options.interOpThreads() > 0) {
                setPropertyIfAbsent("ai.djl.pytorch.num_interop_threads", Integer.toString(options.interOpThreads()));
            }
            environmentPrepared = true;
        }
        engine();
        if (options.intraOpThreads() > 0 && JniUtils.getNumThreads() != options.intraOpThreads()) {
            JniUtils.setNumThreads(options.intraOpThreads());
        }
    }

    /** Prepares with default options. */
    public static void prepare() {
        prepare(InferenceOptions.defaults());
    }

    /** The device a choice resolves to on this machine. */
    public static Device device(DeviceChoice choice) {
        int gpus = engine().getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu(0) : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new InferenceException("a GPU was requested but the engine sees none (CPU-only PyTorch"
                            + " natives, or no CUDA driver); use DeviceChoice.CPU or AUTO");
                }
                yield Device.gpu(0);
            }
        };
    }

    /** Turns off autograd recording on the calling thread (a per-thread PyTorch flag); returns the old value. */
    public static boolean disableGrad() {
        boolean previous = JniUtils.isGradMode();
        if (previous) {
            JniUtils.setGradMode(false);
        }
        return previous;
    }

    /** Restores what {@link #disableGrad()} returned. */
    public static void restoreGrad(boolean previous) {
        if (previous) {
            JniUtils.setGradMode(true);
        }
    }

    private static Engine engine() {
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException e) {
            throw new InferenceException("the PyTorch engine failed to start: " + e.getMessage(), e);
        }
    }

    private static void setPropertyIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void setenvIfAbsent(String name, String value) {
        if (System.getenv(name) == null) {
            Native.load("c", LibC.class).setenv(name, value, 0);
        }
    }
}
