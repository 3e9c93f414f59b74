package io.defectstudio.training.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

/** Writes an export's files under one folder and remembers each file's size and SHA-256 for the manifest. */
public final class ExportSink {
    private final Path root;
    private final SortedMap<String, FileRecord> files = new TreeMap<>();

    public ExportSink(Path root) {
        this.root = root;
    }

    public record FileRecord(long bytes, String sha256) {
    }

    public void write(String relativePath, byte[] data) throws IOException {
        Path target = target(relativePath);
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(data);
        }
        files.put(relativePath, new FileRecord(data.length, Sha256.of(data)));
    }

    /** Copies a file unchanged, hashing it on the way. */
    public void copy(String relativePath, Path source) throws IOException {
        Path target = target(relativePath);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), md);
             OutputStream out = Files.newOutputStream(target)) {
            size = in.transferTo(out);
        }
        files.put(relativePath, new FileRecord(size, HexFormat.of().formatHex(md.digest())));
    }

    /** Every file written so far, by path relative to the export folder ('/' separated), in sorted order. */
    public SortedMap<String, FileRecord> files() {
        return Collections.unmodifiableSortedMap(files);
    }

    private Path target(String relativePath) throws IOException {
        if (relativePath.startsWith("/") || relativePath.contains("\\")
                || Arrays.asList(relativePath.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a safe relative path: " + relativePath);
        }
        if (files.containsKey(relativePath)) {
            throw new IllegalStateException("export would write " + relativePath + " twice");
        }
        Path target = root.resolve(relativePath);
        Files.createDirectories(target.getParent());
        return target;
    }
}
