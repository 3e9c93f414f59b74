package io.defectstudio.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8RelaunchTest {

    @Test
    void argumentsTravelAsTheirOriginalBytes(@TempDir Path dir) throws Exception {
        byte[] raw = "java\0-cp\0x\0segment\0--project\0/data/prüfung\0".getBytes(StandardCharsets.UTF_8);
        List<byte[]> words = Utf8Relaunch.split(raw);
        assertEquals(6, words.size());
        assertArrayEquals(raw, Utf8Relaunch.join(words));
        Path file = dir.resolve("args");
        Files.write(file, Utf8Relaunch.join(words.subList(3, 6)));
        assertArrayEquals(new String[] {"segment", "--project", "/data/prüfung"},
                Utf8Relaunch.arguments(new String[] {Utf8Relaunch.ARGS_FILE, file.toString()}));
        assertArrayEquals(new String[] {"--version"}, Utf8Relaunch.arguments(new String[] {"--version"}));
    }

    @Test
    void underLangCAUnicodePathReachesTheCommandIntact(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("prüfung");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "segment", "--project",
                project.toString()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().put("LANG", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertTrue(out.contains("prüfung"), "the name arrives whole, not as pr??fung: " + out);
        assertEquals(3, p.exitValue(), "a missing project is bad input, not a refused argument: " + out);
    }
}
