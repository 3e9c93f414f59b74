package io.defectstudio.training.eval;

import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.training.episodes.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes each distinct support set once and keeps the most recent ones, so that episodes sharing a support set
 * (and the defect-free queries, which reuse a few support sets) do not pay for the support pass again.
 * Evicted and remaining encodings are closed, releasing their native memory.
 */
final class SupportCache implements AutoCloseable {

    private final Segmenter segmenter;
    private final int capacity;
    private final LinkedHashMap<List<String>, PreparedSupport> entries = new LinkedHashMap<>(16, 0.75f, true);
    private int encodings;

    SupportCache(Segmenter segmenter, int capacity) {
        this.segmenter = segmenter;
        this.capacity = capacity;
    }

    PreparedSupport get(List<Sample> supports) {
        List<String> key = supports.stream().map(Sample::id).toList();
        PreparedSupport cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        PreparedSupport prepared = segmenter.prepare(Sample.supportSet(supports));
        encodings++;
        entries.put(key, prepared);
        if (entries.size() > capacity) {
            Map.Entry<List<String>, PreparedSupport> eldest = entries.entrySet().iterator().next();
            eldest.getValue().close();
            entries.remove(eldest.getKey());
        }
        return prepared;
    }

    int encodings() {
        return encodings;
    }

    @Override
    public void close() {
        entries.values().forEach(PreparedSupport::close);
        entries.clear();
    }
}
