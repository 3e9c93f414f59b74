package io.defectstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    /** Seen on a fresh machine: without GTK 3 (or a display) the window failed with a JavaFX stack trace. */
    @Test
    void withoutADisplayTheWorkstationSaysWhatItNeeds(@TempDir Path data) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.equals("DISPLAY") || k.equals("WAYLAND_DISPLAY"));
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("DEFECT_STUDIO_DATA_DIR", data.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("cannot open the workstation's window"), out);
        assertTrue(out.contains("libgtk-3-0"), out);
        assertFalse(out.contains("\tat com.sun.glass"), "no stack trace: " + out);
    }
}
