package io.defectstudio.storage.faults;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** N station processes saving corrections and decisions into one shared project at once, and what they saw. */
final class StationLoad {
    /** What the stations acknowledged: ids of saved rows, save latencies, failures and the wall time. */
    record Result(List<Long> annotations, List<Long> reviews, List<Long> latencyMicros, List<String> failures,
                  Duration elapsed, int killed) {
        /** Saves per second over the period every station was saving. */
        double savesPerSecond(Duration period) {
            return (annotations.size() + reviews.size()) / (period.toMillis() / 1000.0);
        }

        double p95Millis() {
            List<Long> sorted = new ArrayList<>(latencyMicros);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1) / 1000.0;
        }
    }

    private StationLoad() {
    }

    /**
     * Runs {@code stations} processes for {@code duration}; {@code midLoad} runs once every station is saving (a
     * fault to inject), and gets the processes so that it may kill one.
     */
    static Result run(Path folder, long classId, long firstImage, int images, int maskSize, int stations,
                      Duration duration, MidLoad midLoad) throws Exception {
        List<Long> annotations = Collections.synchronizedList(new ArrayList<>());
        List<Long> reviews = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Process> processes = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(stations);
        CountDownLatch saving = new CountDownLatch(stations);
        List<Thread> readers = new ArrayList<>();
        for (int s = 0; s < stations; s++) {
            Process process = ChildJvm.start(StationChild.class, folder.toString(), "station-" + s,
                    String.valueOf(classId), String.valueOf(firstImage), String.valueOf(images),
                    String.valueOf(duration.toMillis()), String.valueOf(maskSize));
            processes.put(s, process);
            Thread reader = new Thread(() -> read(process, ready, saving, annotations, reviews, latencies, failures));
            reader.start();
            readers.add(reader);
        }
        assertTrue(ready.await(120, TimeUnit.SECONDS), "the stations did not start");
        long start = System.nanoTime();
        for (Process process : processes.values()) {
            process.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }
        assertTrue(saving.await(60, TimeUnit.SECONDS), "not every station saved");
        int killed = midLoad.inject(List.copyOf(processes.values()), () -> annotations.size() + reviews.size());
        for (Process process : processes.values()) {
            assertTrue(process.waitFor(duration.toMillis() + 120_000, TimeUnit.MILLISECONDS), "a station hung");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        for (Thread reader : readers) {
            reader.join(10_000);
        }
        return new Result(List.copyOf(annotations), List.copyOf(reviews), List.copyOf(latencies),
                List.copyOf(failures), elapsed, killed);
    }

    /** A fault injected while the stations save; returns how many stations it killed. */
    @FunctionalInterface
    interface MidLoad {
        int inject(List<Process> stations, IntSupplier acknowledged) throws Exception;
    }

    private static void read(Process process, CountDownLatch ready, CountDownLatch saving, List<Long> annotations,
                             List<Long> reviews, List<Long> latencies, List<String> failures) {
        boolean saved = false;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ", 4);
                if (line.equals("ready")) {
                    ready.countDown();
                } else if (parts[0].equals("ack") && parts.length == 4) {
                    (parts[1].equals("annotation") ? annotations : reviews).add(Long.parseLong(parts[2]));
                    latencies.add(Long.parseLong(parts[3]));
                    if (!saved) {
                        saved = true;
                        saving.countDown();
                    }
                } else if (parts[0].equals("fail")) {
                    failures.add(line.substring(5));
                }
            }
        } catch (IOException e) {
            failures.add("lost the station's output: " + e.getMessage());
        }
    }

    /** Every acknowledged row is there, and every image's versions run 1..n without a gap or a double. */
    static void assertNothingLost(Project project, long classId, long firstImage, int images, Result result) {
        for (long id : result.annotations()) {
            assertEquals(id, project.annotations().get(id).id());
        }
        long total = 0;
        for (long image = firstImage; image < firstImage + images; image++) {
            List<Integer> versions = project.annotations().history(image, classId).stream()
                    .map(Annotation::version).toList();
            assertEquals(IntStream.rangeClosed(1, versions.size()).boxed().toList(), versions,
                    "versions of image " + image + " are contiguous");
            total += versions.size();
        }
        // A save whose commit reached the server just as it went away may be stored without its acknowledgement.
        assertTrue(total >= result.annotations().size(), total + " stored < " + result.annotations().size()
                + " acknowledged");
        long reviewsStored = project.reviews().list().size();
        assertTrue(reviewsStored >= result.reviews().size());
        List<Long> storedReviews = project.reviews().list().stream().map(r -> r.id()).toList();
        assertTrue(storedReviews.containsAll(result.reviews()), "every acknowledged decision is stored");
    }
}
