package io.defectstudio.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.defectstudio.app.Launcher;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The product's logback.xml (tests run with logback-test.xml), loaded into a context of its own. */
class LogFileTest {

    @TempDir
    Path data;

    @Test
    void theLogGoesToARollingFileInTheDataFolder() throws Exception {
        Path logs = new AppSettings(data).logDir();
        assertEquals(data.resolve("logs"), logs);
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty(Launcher.LOG_DIR_PROPERTY, logs.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try (InputStream config = Launcher.class.getResourceAsStream("/logback.xml")) {
            configurator.doConfigure(config);
        }
        Logger log = context.getLogger("io.defectstudio.test");
        log.info("opened project {}", "Demo");
        log.debug("not written: below INFO");
        log.warn("saving failed", new IllegalStateException("disk full"));
        context.stop();

        String text = Files.readString(logs.resolve("defect-studio.log"));
        assertTrue(text.contains("INFO  [main] io.defectstudio.test - opened project Demo"), text);
        assertTrue(text.contains("WARN  [main] io.defectstudio.test - saving failed"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: disk full"), "the stack trace is kept: " + text);
        assertTrue(!text.contains("below INFO"), text);
    }
}
