package io.defectstudio.storage;

import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.images.ImageRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Copies a whole project into a new, empty one, on either backend (SQLite to PostgreSQL and back): every row with its
 * id, every image file and the model bundles trained into the project folder, then proves the copy by counting and
 * checksumming both sides table by table. The rows are written in one transaction, so a failed copy leaves the target
 * without them.
 */
public final class ProjectCopy {
    /** Tables in an order that respects their foreign keys; claims are transient and not copied. */
    static final List<Table> TABLES = List.of(
            new Table("defect_class", "id"), new Table("image", "id"), new Table("annotation", "id"),
            new Table("model", "id"), new Table("model_activation", "id"), new Table("prediction", "id"),
            new Table("review", "id"), new Table("training_run", "id"), new Table("training_epoch", "run_id, epoch"),
            new Table("episode", "id"), new Table("episode_image", "episode_id, role, position"));

    record Table(String name, String order) {
        boolean hasId() {
            return order.equals("id");
        }
    }

    /** What was copied: rows per table (and the project's name and description), image files, and the checksums. */
    public record Report(Map<String, Long> rows, int imageFiles, Map<String, String> checksums) {
    }

    private static final String MODELS = "models";

    private ProjectCopy() {
    }

    /** How many tables a copy goes through, for progress. */
    public static int tableCount() {
        return TABLES.size();
    }

    /**
     * Copies {@code source} into {@code target}, a project just created and still empty, and checks the result.
     *
     * @param progress told how many tables are done, out of {@link #TABLES}' size
     * @throws StorageException if the target holds data or the copy does not match the source
     */
    public static Report copy(Project source, Project target, IntConsumer progress) {
        if (source.schemaVersion() != target.schemaVersion()) {
            throw new StorageException("cannot copy: the schema versions differ (" + source.schemaVersion() + " and "
                    + target.schemaVersion() + "); open both with this version of Defect Studio first");
        }
        requireEmpty(target);
        int files = copyImageFiles(source, target);
        copyModels(source, target);
        Database from = source.database();
        Database to = target.database();
        to.write("copy the project", out -> {
            from.read("read the project to copy", in -> {
                copyProjectRecord(in, out);
                int done = 0;
                for (Table table : TABLES) {
                    copyRows(in, out, table);
                    if (table.hasId()) {
                        to.dialect().afterExplicitIds(out, table.name());
                    }
                    progress.accept(++done);
                }
                return null;
            });
            return null;
        });
        Map<String, Long> rows = counts(source);
        Map<String, String> sums = checksums(source);
        if (!rows.equals(counts(target)) || !sums.equals(checksums(target))) {
            throw new StorageException("the copy in " + target.databaseDescription() + " does not match "
                    + source.databaseDescription() + ": counts " + rows + " against " + counts(target));
        }
        return new Report(rows, files, sums);
    }

    private static void requireEmpty(Project target) {
        for (Map.Entry<String, Long> count : counts(target).entrySet()) {
            if (!count.getKey().equals("project") && count.getValue() > 0) {
                throw new StorageException(target.databaseDescription() + ": cannot copy into a project that holds"
                        + " data (" + count.getValue() + " rows in " + count.getKey() + ")");
            }
        }
    }

    private static void copyProjectRecord(Connection in, Connection out) throws SQLException {
        try (PreparedStatement read = in.prepareStatement(
                "SELECT name, description, created_at FROM project WHERE id = 1");
             ResultSet rs = read.executeQuery()) {
            if (rs.next()) {
                Jdbc.update(out, "UPDATE project SET name = ?, description = ?, created_at = ? WHERE id = 1",
                        rs.getString(1), rs.getString(2), rs.getLong(3));
            }
        }
    }

    private static void copyRows(Connection in, Connection out, Table table) throws SQLException {
        try (PreparedStatement read = in.prepareStatement("SELECT * FROM " + table.name() + " ORDER BY "
                + table.order());
             ResultSet rs = read.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            String insert = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement write = out.prepareStatement(insert)) {
                int batched = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = rs.getObject(i);
                        if (value == null) {
                            write.setNull(i, Types.NULL);
                        } else if (value instanceof byte[] bytes) {
                            write.setBytes(i, bytes);
                        } else {
                            write.setObject(i, value);
                        }
                    }
                    write.addBatch();
                    if (++batched % 200 == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
        }
    }

    private static int copyImageFiles(Project source, Project target) {
        int copied = 0;
        for (ImageRecord image : source.images().list()) {
            Path from = source.images().file(image.id());
            Path to = target.folder().resolve(image.storePath());
            try {
                Files.createDirectories(to.getParent());
                if (!Files.exists(to)) {
                    Path part = to.resolveSibling(to.getFileName() + ".part");
                    Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, to, StandardCopyOption.ATOMIC_MOVE);
                }
                if (!sha256(to).equals(image.sha256())) {
                    throw new StorageException(to + ": the copied image does not match its checksum");
                }
            } catch (IOException e) {
                throw new StorageIoException(to + ": cannot copy the image: " + e.getMessage(), e);
            }
            copied++;
        }
        return copied;
    }

    /** The model bundles trained into the project folder, which the model rows point to relatively. */
    private static void copyModels(Project source, Project target) {
        Path from = source.folder().resolve(MODELS);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.folder().resolve(MODELS).resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (!Files.exists(to)) {
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new StorageIoException(from + ": cannot copy the model bundles: " + e.getMessage(), e);
        }
    }

    /** Rows per table, the project record included. */
    public static Map<String, Long> counts(Project project) {
        return project.database().read("count the project's rows", c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("project", Jdbc.count(c, "SELECT COUNT(*) FROM project"));
            for (Table table : TABLES) {
                counts.put(table.name(), Jdbc.count(c, "SELECT COUNT(*) FROM " + table.name()));
            }
            return counts;
        });
    }

    /**
     * A SHA-256 per table over every value of every row in key order, written in one backend-neutral form (numbers
     * as integers or decimals, bytes as hex), so the same data gives the same sums on SQLite and PostgreSQL.
     */
    public static Map<String, String> checksums(Project project) {
        return project.database().read("checksum the project", c -> {
            Map<String, String> sums = new LinkedHashMap<>();
            sums.put("project", checksum(c, "SELECT name, description, created_at FROM project"));
            for (Table table : TABLES) {
                sums.put(table.name(), checksum(c, "SELECT * FROM " + table.name() + " ORDER BY " + table.order()));
            }
            return sums;
        });
    }

    private static String checksum(Connection c, String sql) throws SQLException {
        MessageDigest digest = sha256();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            // Column order may differ between backends (ALTER TABLE ADD COLUMN); hash by sorted name.
            List<String> sorted = columns.stream().sorted().toList();
            while (rs.next()) {
                for (String column : sorted) {
                    digest.update((column + "=" + neutral(rs.getObject(columns.indexOf(column) + 1)) + ";")
                            .getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) '\n');
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String neutral(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Long.toString(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
        }
        return value.toString();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
