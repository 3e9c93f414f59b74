package io.defectstudio.storage.faults;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.TestImages;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;

import java.nio.file.Path;

/**
 * Child process for the crash test: saves annotations in an endless loop and prints one acknowledgement line per save
 * that returned. The parent kills it with SIGKILL at an arbitrary point.
 */
public final class AnnotationWriterChild {
    private AnnotationWriterChild() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        long imageId = Long.parseLong(args[1]);
        long classId = Long.parseLong(args[2]);
        int width = Integer.parseInt(args[3]);
        int height = Integer.parseInt(args[4]);
        String round = args[5];
        try (Project project = Project.open(folder)) {
            for (int i = 0; ; i++) {
                Annotation saved = project.annotations().save(imageId, classId, AnnotationKind.CORRECTION,
                        round + "-" + i, TestImages.mask(width, height, i));
                System.out.println("ack " + saved.id() + " " + i + " end");
                System.out.flush();
            }
        }
    }
}
