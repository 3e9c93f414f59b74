package io.defectstudio.inference.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Library;
import com.sun.jna.Native;
import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceException;
import io.defectstudio.inference.InferenceOptions;
import org.junit.jupiter.api.Test;

class EngineSetupTest {

    interface LibC extends Library {
        String getenv(String name);
    }

    @Test
    void deviceChoiceFollowsWhatTheEngineSees() {
        EngineSetup.prepare();
        boolean gpu = Engine.getEngine("PyTorch").getGpuCount() > 0;
        assertEquals(Device.cpu(), EngineSetup.device(DeviceChoice.CPU));
        assertEquals(gpu ? Device.gpu(0) : Device.cpu(), EngineSetup.device(DeviceChoice.AUTO));
        if (!gpu) {
            InferenceException e = assertThrows(InferenceException.class, () -> EngineSetup.device(DeviceChoice.GPU));
            assertTrue(e.getMessage().contains("GPU was requested"), e.getMessage());
        }
    }

    @Test
    void passiveOpenMpWaitingIsInTheNativeEnvironmentAndThreadsAreConfigurable() {
        int before = JniUtils.getNumThreads();
        try {
            EngineSetup.prepare(InferenceOptions.of(DeviceChoice.CPU).withThreads(1, 0));
            assertEquals("PASSIVE", Native.load("c", LibC.class).getenv("OMP_WAIT_POLICY"));
            assertEquals(1, JniUtils.getNumThreads());
        } finally {
            JniUtils.setNumThreads(before);
        }
    }
}
