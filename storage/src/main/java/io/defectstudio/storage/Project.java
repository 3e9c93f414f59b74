package io.defectstudio.storage;

import io.defectstudio.storage.annotations.AnnotationRepository;
import io.defectstudio.storage.changes.ChangeFeed;
import io.defectstudio.storage.changes.PostgresChangeFeed;
import io.defectstudio.storage.claims.ImageClaimRepository;
import io.defectstudio.storage.classes.DefectClassRepository;
import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.db.Migrator;
import io.defectstudio.storage.db.PostgresDialect;
import io.defectstudio.storage.db.SqlDialect;
import io.defectstudio.storage.db.SqliteDialect;
import io.defectstudio.storage.episodes.EpisodeRepository;
import io.defectstudio.storage.images.ImageRepository;
import io.defectstudio.storage.images.ImageStore;
import io.defectstudio.storage.models.ModelRepository;
import io.defectstudio.storage.predictions.PredictionRepository;
import io.defectstudio.storage.reviews.ReviewRepository;
import io.defectstudio.storage.training.TrainingRunRepository;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A project folder: {@code images/} (content-addressed originals) and either {@code project.db} (SQLite, WAL: one
 * station) or {@code shared-project.properties}, which names the PostgreSQL database that several stations share
 * (the folder is then mounted by all of them). Thread-safe: writes from any thread are funnelled through one
 * connection; reads run in parallel. Close it when done.
 */
public final class Project implements AutoCloseable {
    public static final String DATABASE_FILE = "project.db";

    private final Path folder;
    private final Path databaseFile;
    private final ProjectOptions options;
    private final Database db;
    private final int schemaVersion;
    private final DefectClassRepository classes;
    private final ImageRepository images;
    private final AnnotationRepository annotations;
    private final PredictionRepository predictions;
    private final ReviewRepository reviews;
    private final ModelRepository models;
    private final TrainingRunRepository trainingRuns;
    private final EpisodeRepository episodes;
    private final ImageClaimRepository claims;
    private final ChangeFeed changes;

    private Project(Path folder, Path databaseFile, ProjectOptions options, Database db, int schemaVersion) {
        this.folder = folder;
        this.databaseFile = databaseFile;
        this.options = options;
        this.db = db;
        this.schemaVersion = schemaVersion;
        ImageStore store = new ImageStore(folder);
        store.clearIncoming();
        this.classes = new DefectClassRepository(db);
        this.images = new ImageRepository(db, store, options.maxImagePixels());
        this.annotations = new AnnotationRepository(db);
        this.predictions = new PredictionRepository(db);
        this.reviews = new ReviewRepository(db);
        this.models = new ModelRepository(db, folder);
        this.trainingRuns = new TrainingRunRepository(db);
        this.episodes = new EpisodeRepository(db);
        this.claims = new ImageClaimRepository(db);
        this.changes = db.dialect() instanceof PostgresDialect shared
                ? new PostgresChangeFeed(shared::openWriter, db::writerProcessId, shared.describe())
                : ChangeFeed.none();
    }

    public static Project create(Path folder, String name) {
        return create(folder, name, ProjectOptions.defaults());
    }

    /** Creates a project in {@code folder}, which may exist but must not hold a project yet. */
    public static Project create(Path folder, String name, ProjectOptions options) {
        Path absolute = prepareNewFolder(folder, name);
        return named(connect(absolute, absolute.resolve(DATABASE_FILE), sqlite(absolute, options), options), name);
    }

    /**
     * Creates a shared project: its images in {@code folder} (a folder every station mounts) and everything else in
     * the empty PostgreSQL database at {@code jdbcUrl}. The URL must not hold the password.
     */
    public static Project createShared(Path folder, String jdbcUrl, String name, ProjectOptions options) {
        Path absolute = prepareNewFolder(folder, name);
        SharedProjectFile pointer = new SharedProjectFile(SharedProjectFile.in(absolute), jdbcUrl);
        Project project = connect(absolute, pointer.file(), postgres(pointer, options), options);
        try {
            Optional<String> existing = project.db.read("look for a project in the database", c -> Jdbc.one(c,
                    "SELECT name FROM project WHERE id = 1", rs -> rs.getString(1)));
            if (existing.isPresent()) {
                throw new ProjectFolderException(pointer.file(), "the database " + jdbcUrl + " already holds the"
                        + " project '" + existing.get() + "'; open it from a folder that names it instead");
            }
            named(project, name);
            pointer.write();
            return project;
        } catch (RuntimeException e) {
            project.close();
            throw e;
        }
    }

    private static Path prepareNewFolder(Path folder, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a project needs a name");
        }
        Path absolute = folder.toAbsolutePath().normalize();
        for (Path marker : List.of(absolute.resolve(DATABASE_FILE), SharedProjectFile.in(absolute))) {
            if (Files.exists(marker)) {
                throw new ProjectFolderException(absolute, "already holds a project (" + marker.getFileName()
                        + " exists)");
            }
        }
        WritableCheck.requireWritable(absolute, "project folder");
        createFolder(absolute.resolve(ImageStore.FOLDER));
        return absolute;
    }

    private static Project named(Project project, String name) {
        try {
            project.db.write("name the project", c -> Jdbc.update(c,
                    "INSERT INTO project (id, name, description, created_at) VALUES (1, ?, '', ?)",
                    name.strip(), project.db.now()));
            return project;
        } catch (RuntimeException e) {
            project.close();
            throw e;
        }
    }

    /** Whether {@code folder} holds a project, on one station or shared. */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(DATABASE_FILE)) || Files.isRegularFile(SharedProjectFile.in(folder));
    }

    public static Project open(Path folder) {
        return open(folder, ProjectOptions.defaults());
    }

    /**
     * Opens an existing project, upgrading an older schema; a newer schema is refused untouched. A folder with
     * {@code shared-project.properties} opens the shared database it names.
     */
    public static Project open(Path folder, ProjectOptions options) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path dbFile = absolute.resolve(DATABASE_FILE);
        Path pointerFile = SharedProjectFile.in(absolute);
        boolean shared = !Files.isRegularFile(dbFile) && Files.isRegularFile(pointerFile);
        if (!shared && !Files.isRegularFile(dbFile)) {
            throw new ProjectFolderException(absolute, "holds no project (neither " + DATABASE_FILE + " nor "
                    + SharedProjectFile.NAME + " is there)");
        }
        WritableCheck.requireWritable(absolute, "project folder");
        WritableCheck.requireWritable(absolute.resolve(ImageStore.FOLDER), "image store");
        Project project;
        if (shared) {
            SharedProjectFile pointer = SharedProjectFile.read(pointerFile);
            project = connect(absolute, pointerFile, postgres(pointer, options), options);
        } else {
            WritableCheck.requireWritable(dbFile, "project database");
            project = connect(absolute, dbFile, sqlite(absolute, options), options);
        }
        try {
            project.name();
            return project;
        } catch (RuntimeException e) {
            project.close();
            throw e;
        }
    }

    private static SqlDialect sqlite(Path folder, ProjectOptions options) {
        return new SqliteDialect(folder.resolve(DATABASE_FILE), options.busyTimeout());
    }

    private static SqlDialect postgres(SharedProjectFile pointer, ProjectOptions options) {
        Properties credentials = new Properties();
        options.user().ifPresent(user -> credentials.setProperty("user", user));
        options.typedPassword().ifPresent(password -> credentials.setProperty("password", password));
        return new PostgresDialect(pointer.jdbcUrl(), pointer.file(), options.busyTimeout(), credentials);
    }

    private static Project connect(Path folder, Path location, SqlDialect dialect, ProjectOptions options) {
        Database db = new Database(dialect, options.clock());
        try {
            int version = new Migrator(dialect.migrationFolder()).migrate(db, location);
            return new Project(folder, location, options, db, version);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new ReadOnlyProjectException(dir, "cannot create the folder", e);
        } catch (IOException e) {
            throw new StorageIoException(dir + ": cannot create the folder: " + e, e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** {@code project.db}, or for a shared project the file that names its database. */
    public Path databaseFile() {
        return databaseFile;
    }

    /** Whether the project lives on a PostgreSQL server that several stations share. */
    public boolean isShared() {
        return db.dialect() instanceof PostgresDialect;
    }

    /** Where the database is, for the user: the SQLite file or the server's URL. */
    public String databaseDescription() {
        return db.dialect().describe();
    }

    public ProjectOptions options() {
        return options;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String name() {
        return db.read("read the project name", c -> Jdbc.one(c, "SELECT name FROM project WHERE id = 1",
                rs -> rs.getString(1))).orElseThrow(() ->
                new StorageException(databaseFile + ": the database holds no project record"));
    }

    public void rename(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a project needs a name");
        }
        db.write("rename the project", c -> Jdbc.update(c, "UPDATE project SET name = ? WHERE id = 1", name.strip()));
    }

    public String description() {
        return db.read("read the project description", c -> Jdbc.one(c,
                "SELECT description FROM project WHERE id = 1", rs -> rs.getString(1))).orElse("");
    }

    public void describe(String description) {
        String text = description == null ? "" : description;
        db.write("describe the project", c -> Jdbc.update(c, "UPDATE project SET description = ? WHERE id = 1", text));
    }

    /**
     * Runs {@code work} as one write transaction: every repository write it makes on this thread joins the transaction
     * instead of committing on its own, and its reads see those uncommitted changes. If {@code work} returns, all of
     * it commits at once; if it throws, all of it is rolled back and the exception is rethrown unchanged. A repository
     * call that throws inside undoes only its own part, so work that catches such a failure and goes on still commits
     * the rest together; if the database itself dropped the transaction (disk full, I/O error), the later writes and
     * the commit fail instead. Calls nest: an inner one joins the outer transaction.
     *
     * <p>The write lock is held until {@code work} ends: writes from other threads wait for it (other processes up to
     * the busy timeout), while reads go on and see the state from before the transaction. Keep slow work such as
     * decoding or inference outside, and never wait inside for another thread that writes to this project.
     *
     * <p>Originals that {@code images().importFile} copied into the image store stay there after a rollback,
     * referenced by no record. They are harmless: content-addressed, so importing the same bytes again reuses them.
     * They are not deleted, because the copy is made before the write lock is taken and another thread or process
     * importing the same bytes may be about to record the same file.
     */
    public <T, E extends Exception> T inTransaction(Work<T, E> work) throws E {
        Objects.requireNonNull(work, "work");
        try {
            return db.write("make several changes as one", c -> {
                try {
                    return work.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure failure) {
            throw failure.<E>unwrap();
        }
    }

    /** {@link #inTransaction(Work)} for work without a result. */
    public <E extends Exception> void inTransaction(VoidWork<E> work) throws E {
        Objects.requireNonNull(work, "work");
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Work for {@link #inTransaction(Work)}; a checked exception it throws rolls back and reaches the caller. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Work without a result for {@link #inTransaction(VoidWork)}. */
    @FunctionalInterface
    public interface VoidWork<E extends Exception> {
        void run() throws E;
    }

    /** Carries a checked exception through the write funnel, which only passes unchecked ones. */
    private static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Exception cause) {
            super(cause);
        }

        @SuppressWarnings("unchecked")
        <E extends Exception> E unwrap() {
            // Only Work.run throws into CheckedFailure, and it declares nothing checked but E.
            return (E) getCause();
        }
    }

    /** The database's own consistency check (SQLite: integrity_check plus foreign_key_check); empty when sound. */
    public List<String> integrityProblems() {
        return db.read("check database integrity", c -> db.dialect().integrityProblems(c));
    }

    public DefectClassRepository classes() {
        return classes;
    }

    public ImageRepository images() {
        return images;
    }

    public AnnotationRepository annotations() {
        return annotations;
    }

    public PredictionRepository predictions() {
        return predictions;
    }

    public ReviewRepository reviews() {
        return reviews;
    }

    public ModelRepository models() {
        return models;
    }

    public TrainingRunRepository trainingRuns() {
        return trainingRuns;
    }

    public EpisodeRepository episodes() {
        return episodes;
    }

    /** The database itself, for {@link ProjectCopy}, which copies rows as they are. */
    Database database() {
        return db;
    }

    /** Which station works on which image right now (shared projects). */
    public ImageClaimRepository claims() {
        return claims;
    }

    /** What the other stations save, as they save it; a single station's project announces nothing. */
    public ChangeFeed changes() {
        return changes;
    }

    @Override
    public void close() {
        changes.close();
        db.close();
    }
}
