package io.defectstudio.app.settings;

import io.defectstudio.app.queue.QueueOrder;
import io.defectstudio.inference.InferenceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The user data directory and a small settings file remembering the last opened project. The directory comes from
 * the system property {@value #DIR_PROPERTY}, else the environment variable {@value #DIR_ENV}, else
 * {@code $XDG_DATA_HOME/defect-studio}, else {@code ~/.local/share/defect-studio}.
 */
public final class AppSettings {
    public static final String DIR_PROPERTY = "defectstudio.data.dir";
    public static final String DIR_ENV = "DEFECT_STUDIO_DATA_DIR";
    private static final String LAST_PROJECT = "lastProject";
    private static final String DETAIL = "detail";
    private static final String BRUSH_RADIUS = "brushRadius";
    private static final String QUEUE_ORDER = "queueOrder";
    private static final String PERSON = "person";

    private final Path dataDir;

    public AppSettings(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static AppSettings fromEnvironment() {
        return new AppSettings(resolveDataDir(System.getProperties(), System.getenv()));
    }

    static Path resolveDataDir(Properties props, Map<String, String> env) {
        String prop = props.getProperty(DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String fromEnv = env.get(DIR_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "defect-studio");
        }
        return Path.of(props.getProperty("user.home"), ".local", "share", "defect-studio");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The rolling log file's folder (logback.xml), which an inspector can send with a report. */
    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path demoProjectDir() {
        return dataDir.resolve("demo");
    }

    public Optional<Path> lastProject() {
        String v = load().getProperty(LAST_PROJECT);
        return v == null ? Optional.empty() : Optional.of(Path.of(v)).filter(Files::isDirectory);
    }

    public void rememberProject(Path project) throws IOException {
        store(LAST_PROJECT, project.toAbsolutePath().toString());
    }

    /** The working scale segmentation runs at, in pixels; 0 (also for an unreadable value) = the model's default. */
    public int detail() {
        try {
            int d = Integer.parseInt(load().getProperty(DETAIL, "0").strip());
            InferenceOptions.checkDetail(d);
            return d;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** Remembers the working scale; refuses one {@link InferenceOptions#checkDetail} refuses. */
    public void setDetail(int detail) throws IOException {
        InferenceOptions.checkDetail(detail);
        store(DETAIL, Integer.toString(detail));
    }

    /** The person recorded with every mask and decision: the name set, else the login name. */
    public String person() {
        String set = load().getProperty(PERSON, "").strip();
        return set.isEmpty() ? System.getProperty("user.name", "inspector") : set;
    }

    public void setPerson(String name) throws IOException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a name must not be empty");
        }
        store(PERSON, name.strip());
    }

    /** The brush radius last used, in image pixels; empty when none was saved or the value is unreadable. */
    public Optional<Double> brushRadius() {
        try {
            return Optional.ofNullable(load().getProperty(BRUSH_RADIUS)).map(Double::parseDouble)
                    .filter(r -> r > 0 && Double.isFinite(r));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void setBrushRadius(double radius) throws IOException {
        store(BRUSH_RADIUS, Double.toString(radius));
    }

    /** The queue order last chosen; empty when none was saved or the name is not an order any more. */
    public Optional<QueueOrder> queueOrder() {
        try {
            return Optional.ofNullable(load().getProperty(QUEUE_ORDER)).map(QueueOrder::valueOf);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void setQueueOrder(QueueOrder order) throws IOException {
        store(QUEUE_ORDER, order.name());
    }

    private synchronized void store(String key, String value) throws IOException {
        Properties p = load();
        p.setProperty(key, value);
        Files.createDirectories(dataDir);
        // Write then rename, so a kill mid-write never leaves a truncated settings file.
        Path tmp = dataDir.resolve("settings.properties.tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Defect Studio settings");
        }
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file())) {
            try (InputStream in = Files.newInputStream(file())) {
                p.load(in);
            } catch (IOException e) {
                return new Properties();
            }
        }
        return p;
    }

    private Path file() {
        return dataDir.resolve("settings.properties");
    }
}
