package io.defectstudio.app;

import io.defectstudio.app.cli.DefectStudioCli;
import io.defectstudio.app.gui.DefectStudioApp;
import io.defectstudio.app.settings.AppSettings;
import javafx.application.Application;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The one entry point: no arguments opens the workstation; arguments run the {@code defect-studio} command line.
 * A plain class, because a main class extending Application fails with JavaFX on the class path.
 */
public final class Launcher {
    /** The folder logback.xml writes the log file to. */
    public static final String LOG_DIR_PROPERTY = "ds.log.dir";

    private Launcher() {
    }

    public static void main(String[] given) throws Exception {
        // before the first logger exists, which reads the configuration
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, AppSettings.fromEnvironment().logDir().toString());
        }
        Optional<Integer> relaunched = Utf8Relaunch.ifNeeded(given);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        String[] args = Utf8Relaunch.arguments(given);
        // PNG encoding to streams would otherwise spill cache files into /tmp, outside the app's own folders.
        ImageIO.setUseCache(false);
        if (args.length == 0) {
            Application.launch(DefectStudioApp.class, args);
        } else {
            System.exit(DefectStudioCli.run(args));
        }
    }
}
