package io.defectstudio.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {
    @Test
    void dataDirPrefersPropertyThenEnvThenXdg() {
        Properties p = new Properties();
        p.setProperty("user.home", "/home/u");
        assertEquals(Path.of("/home/u/.local/share/defect-studio"), AppSettings.resolveDataDir(p, Map.of()));
        assertEquals(Path.of("/x/defect-studio"), AppSettings.resolveDataDir(p, Map.of("XDG_DATA_HOME", "/x")));
        assertEquals(Path.of("/e"), AppSettings.resolveDataDir(p,
                Map.of("XDG_DATA_HOME", "/x", AppSettings.DIR_ENV, "/e")));
        p.setProperty(AppSettings.DIR_PROPERTY, "/p");
        assertEquals(Path.of("/p"), AppSettings.resolveDataDir(p, Map.of(AppSettings.DIR_ENV, "/e")));
    }

    @Test
    void remembersTheLastProject(@TempDir Path dir) throws Exception {
        AppSettings s = new AppSettings(dir.resolve("data"));
        assertTrue(s.lastProject().isEmpty());
        Path project = Files.createDirectories(dir.resolve("proj"));
        s.rememberProject(project);
        assertEquals(project.toAbsolutePath(), new AppSettings(dir.resolve("data")).lastProject().orElseThrow());
    }

    @Test
    void remembersTheDetailAndRefusesAnImpossibleOne(@TempDir Path dir) throws Exception {
        AppSettings s = new AppSettings(dir.resolve("data"));
        assertEquals(0, s.detail(), "the model's default until chosen");
        Path project = Files.createDirectories(dir.resolve("proj"));
        s.rememberProject(project);
        s.setDetail(960);
        AppSettings again = new AppSettings(dir.resolve("data"));
        assertEquals(960, again.detail());
        assertEquals(project.toAbsolutePath(), again.lastProject().orElseThrow(), "one setting keeps the others");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.setDetail(5000));
        assertEquals(960, s.detail());
        Files.writeString(dir.resolve("data/settings.properties"), "detail=huge\n");
        assertEquals(0, new AppSettings(dir.resolve("data")).detail(), "a damaged value falls back to the default");
    }
}
