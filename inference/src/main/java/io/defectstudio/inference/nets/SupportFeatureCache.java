package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The features of support views already encoded, by the views' content, least recently used dropped first beyond a
 * byte budget. A benchmark's 5-shot list draws each episode's shots from one class's few hundred images, so each
 * image comes back in many episodes; the features of its crop are the same every time. Lookups are exact (SHA-256 of
 * the view's values), so a cached encoding gives the same result as a fresh one.
 */
public final class SupportFeatureCache implements AutoCloseable {

    private final NDManager manager;
    private final long capacityBytes;
    private final LinkedHashMap<String, NDArray> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    /** A cache holding its features in a sub-manager of {@code parent}, at most {@code capacityBytes} of them. */
    public SupportFeatureCache(NDManager parent, long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacity must be > 0 bytes, got " + capacityBytes);
        }
        this.manager = parent.newSubManager();
        this.capacityBytes = capacityBytes;
    }

    /** The key of one view: a digest of its shape and values. */
    public static String key(NDArray view) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(view.getShape().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(view.toByteArray());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A copy of the features stored under {@code key}, in the cache's manager (attach it), or null. */
    public synchronized NDArray get(String key) {
        NDArray stored = entries.get(key);
        if (stored == null) {
            misses++;
            return null;
        }
        hits++;
        return stored.duplicate();
    }

    /** Keeps a copy of {@code features} under {@code key}, dropping the least recently used beyond the budget. */
    public synchronized void put(String key, NDArray features) {
        long size = sizeOf(features);
        if (size > capacityBytes || entries.containsKey(key)) {
            return;
        }
        NDArray copy = features.duplicate();
        copy.attach(manager);
        entries.put(key, copy);
        bytes += size;
        Iterator<Map.Entry<String, NDArray>> eldest = entries.entrySet().iterator();
        while (bytes > capacityBytes) {
            NDArray dropped = eldest.next().getValue();
            eldest.remove();
            bytes -= sizeOf(dropped);
            dropped.close();
        }
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public synchronized long bytes() {
        return bytes;
    }

    private static long sizeOf(NDArray a) {
        return a.size() * a.getDataType().getNumOfBytes();
    }

    @Override
    public synchronized void close() {
        entries.clear();
        bytes = 0;
        manager.close();
    }
}
