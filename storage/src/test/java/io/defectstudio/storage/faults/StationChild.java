package io.defectstudio.storage.faults;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.TestImages;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.reviews.Review;
import io.defectstudio.storage.reviews.ReviewDecision;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/**
 * One simulated station: from the parent's go until its time is up, corrects a random image's mask and records the
 * decision, printing one line per save that returned ({@code ack annotation <id> <micros>}, {@code ack review <id>
 * <micros>}) and one per save
 * that failed ({@code fail <message>}), then goes on, as an inspector would after an error.
 */
public final class StationChild {
    private StationChild() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String station = args[1];
        long classId = Long.parseLong(args[2]);
        long firstImage = Long.parseLong(args[3]);
        int images = Integer.parseInt(args[4]);
        long duration = Long.parseLong(args[5]);
        int size = Integer.parseInt(args[6]);
        Random random = new Random(station.hashCode());
        try (Project project = Project.open(folder)) {
            System.out.println("ready");
            System.out.flush();
            // Every station starts when the parent says go, so that all of them save for the same period.
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            long until = System.currentTimeMillis() + duration;
            for (int i = 0; System.currentTimeMillis() < until; i++) {
                long image = firstImage + random.nextInt(images);
                try {
                    long start = System.nanoTime();
                    Annotation saved = project.annotations().save(image, classId, AnnotationKind.CORRECTION,
                            station, TestImages.mask(size, size, i));
                    System.out.println("ack annotation " + saved.id() + " " + (System.nanoTime() - start) / 1000);
                    start = System.nanoTime();
                    Review review = project.reviews().record(image, classId, ReviewDecision.APPROVE, station, "");
                    System.out.println("ack review " + review.id() + " " + (System.nanoTime() - start) / 1000);
                } catch (RuntimeException e) {
                    System.out.println("fail " + e.getMessage().replace('\n', ' '));
                }
                System.out.flush();
            }
        }
        System.out.println("done");
    }
}
