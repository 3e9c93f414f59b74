package io.defectstudio.storage;

import io.defectstudio.storage.annotations.AnnotationRepository;
import io.defectstudio.storage.classes.DefectClassRepository;
import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.db.Migrator;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A project folder: {@code project.db} (SQLite, WAL) and {@code images/} (content-addressed originals). Thread-safe:
 * writes from any thread are funnelled through one connection; reads run in parallel. Close it when done.
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

    private Project(Path folder, ProjectOptions options, Database db, int schemaVersion) {
        this.folder = folder;
        this.databaseFile = folder.resolve(DATABASE_FILE);
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
        this.models = new ModelRepository(db);
        this.trainingRuns = new TrainingRunRepository(db);
        this.episodes = new EpisodeRepository(db);
    }

    public static Project create(Path folder, String name) {
        return create(folder, name, ProjectOptions.defaults());
    }

    /** Creates a project in {@code folder}, which may exist but must not hold a project yet. */
    public static Project create(Path folder, String name, ProjectOptions options) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a project needs a name");
        }
        Path absolute = folder.toAbsolutePath().normalize();
        Path dbFile = absolute.resolve(DATABASE_FILE);
        if (Files.exists(dbFile)) {
            throw new ProjectFolderException(absolute, "already holds a project (" + DATABASE_FILE + " exists)");
        }
        WritableCheck.requireWritable(absolute, "project folder");
        createFolder(absolute.resolve(ImageStore.FOLDER));
        Project project = connect(absolute, options);
        try {
            project.db.write("name the project", c -> Jdbc.update(c,
                    "INSERT INTO project (id, name, description, created_at) VALUES (1, ?, '', ?)",
                    name.strip(), Jdbc.now()));
            return project;
        } catch (RuntimeException e) {
            project.close();
            throw e;
        }
    }

    public static Project open(Path folder) {
        return open(folder, ProjectOptions.defaults());
    }

    /** Opens an existing project, upgrading an older schema; a newer schema is refused untouched. */
    public static Project open(Path folder, ProjectOptions options) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path dbFile = absolute.resolve(DATABASE_FILE);
        if (!Files.isRegularFile(dbFile)) {
            throw new ProjectFolderException(absolute, "holds no project (" + DATABASE_FILE + " is missing)");
        }
        WritableCheck.requireWritable(absolute, "project folder");
        WritableCheck.requireWritable(dbFile, "project database");
        WritableCheck.requireWritable(absolute.resolve(ImageStore.FOLDER), "image store");
        Project project = connect(absolute, options);
        try {
            project.name();
            return project;
        } catch (RuntimeException e) {
            project.close();
            throw e;
        }
    }

    private static Project connect(Path folder, ProjectOptions options) {
        Path dbFile = folder.resolve(DATABASE_FILE);
        SqlDialect dialect = new SqliteDialect(dbFile, options.busyTimeout());
        Database db = new Database(dialect);
        try {
            int version = new Migrator(dialect.migrationFolder()).migrate(db, dbFile);
            return new Project(folder, options, db, version);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ReadOnlyProjectException(dir, "cannot create the folder: " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    public Path databaseFile() {
        return databaseFile;
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

    @Override
    public void close() {
        db.close();
    }
}
