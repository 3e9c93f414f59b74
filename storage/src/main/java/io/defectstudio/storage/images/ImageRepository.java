package io.defectstudio.storage.images;

import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.StorageIoException;
import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Imports originals into the store and reads them back at their original bit depth. */
public final class ImageRepository {
    private static final String COLUMNS = "id, sha256, store_path, format, width, height, bit_depth, channels, "
            + "byte_size, original_name, imported_at";
    private static final List<String> INSERT_COLUMNS = List.of("sha256", "store_path", "format", "width", "height",
            "bit_depth", "channels", "byte_size", "original_name", "imported_at");

    private final Database db;
    private final ImageStore store;
    private final ImageDecoder importDecoder;
    // Originals already passed the limit on import; a limit lowered later must not lock them out.
    private final ImageDecoder storedDecoder = new ImageDecoder(Long.MAX_VALUE);

    public ImageRepository(Database db, ImageStore store, long maxImagePixels) {
        this.db = db;
        this.store = store;
        this.importDecoder = new ImageDecoder(maxImagePixels);
    }

    /**
     * Copies {@code source} into the store after checking it decodes within the pixel limit. Identical bytes
     * imported before are recognised by their SHA-256 and return the existing record with {@code duplicate = true}.
     */
    public ImportResult importFile(Path source) {
        if (!Files.isRegularFile(source)) {
            throw new StorageIoException(source + ": no such file", null);
        }
        ImageStore.Staged staged = store.stage(source);
        try {
            Optional<ImageRecord> existing = findBySha256(staged.sha256());
            if (existing.isPresent() && Files.isRegularFile(store.resolve(existing.get().storePath()))) {
                return new ImportResult(existing.get(), true);
            }
            DecodedImage decoded = importDecoder.decode(staged.file(), source);
            String storePath = store.commit(staged, decoded.format());
            String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
            return db.write("import " + source, c -> insert(c, staged, storePath, decoded, name));
        } finally {
            store.discard(staged);
        }
    }

    private ImportResult insert(Connection c, ImageStore.Staged staged, String storePath, DecodedImage decoded,
                                String name) throws SQLException {
        BufferedImage image = decoded.image();
        int added = Jdbc.update(c, db.dialect().insertIgnoringConflict("image", List.of("sha256"), INSERT_COLUMNS),
                staged.sha256(), storePath, decoded.format(), image.getWidth(), image.getHeight(),
                decoded.bitDepth(), decoded.channels(), staged.size(), name, db.now());
        ImageRecord record = Jdbc.one(c, "SELECT " + COLUMNS + " FROM image WHERE sha256 = ?", ImageRepository::map,
                staged.sha256()).orElseThrow();
        return new ImportResult(record, added == 0);
    }

    public List<ImageRecord> list() {
        return db.read("list images",
                c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM image ORDER BY id", ImageRepository::map));
    }

    public ImageRecord get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("image", id));
    }

    public Optional<ImageRecord> find(long id) {
        return db.read("read image " + id,
                c -> Jdbc.one(c, "SELECT " + COLUMNS + " FROM image WHERE id = ?", ImageRepository::map, id));
    }

    public Optional<ImageRecord> findBySha256(String sha256) {
        return db.read("find image by hash", c -> Jdbc.one(c,
                "SELECT " + COLUMNS + " FROM image WHERE sha256 = ?", ImageRepository::map, sha256));
    }

    /** Absolute path of the stored original bytes. */
    public Path file(long id) {
        return store.resolve(get(id).storePath());
    }

    /** Decodes the stored original: TYPE_BYTE_GRAY, TYPE_USHORT_GRAY, TYPE_INT_RGB or 16-bit RGB, never squashed. */
    public BufferedImage read(long id) {
        Path file = file(id);
        if (!Files.isRegularFile(file)) {
            throw new StorageIoException(file + ": stored original of image " + id + " is missing", null);
        }
        return storedDecoder.decode(file, file).image();
    }

    static ImageRecord map(ResultSet rs) throws SQLException {
        return new ImageRecord(rs.getLong("id"), rs.getString("sha256"), rs.getString("store_path"),
                ImageFormat.valueOf(rs.getString("format")), rs.getInt("width"), rs.getInt("height"),
                rs.getInt("bit_depth"), rs.getInt("channels"), rs.getLong("byte_size"),
                rs.getString("original_name"), Jdbc.instant(rs, "imported_at"));
    }
}
