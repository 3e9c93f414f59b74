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

    private static String noWindow(UnsupportedOperationException e) {
        return "defect-studio: cannot open the workstation's window (" + e.getMessage() + ").\n"
                + "On Linux it needs a display and GTK 3: sudo apt-get install libgtk-3-0 libxtst6 fonts-dejavu-core;"
                + " on a machine without a display, run it under xvfb-run -a.\n"
                + "The command line needs no window: defect-studio --help";
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
            try {
                Application.launch(DefectStudioApp.class, args);
            } catch (UnsupportedOperationException e) {
                // JavaFX's way of saying there is no display, or no GTK 3 to draw on it.
                System.err.println(noWindow(e));
                System.exit(DefectStudioCli.FAILED);
            }
        } else {
            System.exit(DefectStudioCli.run(args));
        }
    }
}
