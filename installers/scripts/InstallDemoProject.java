import io.defectstudio.app.demo.DemoProject;
import java.nio.file.Path;

/**
 * Creates the shipped demo project in a folder with the app's own code, from the bundled resources jar, so that
 * check-app-image.sh can segment its queue through the installed launcher.
 */
public final class InstallDemoProject {
    private InstallDemoProject() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: InstallDemoProject <project folder>");
        }
        System.out.println("demo project in " + DemoProject.install(Path.of(args[0])));
    }
}
