package io.defectstudio.app.review;

import java.awt.image.BufferedImage;
import java.util.List;

/** What the review mode needs from a project. All methods do I/O: call them off the JavaFX thread. */
public interface ReviewStore {
    List<ClassRef> classes();

    /** Every inspected part: each (image, class) with a prediction, a mask or an inspector's flag. */
    List<ReviewItem> items();

    /** Stores a supervisor's verdict with who and when, and returns the item as it now stands. */
    ReviewItem decide(ReviewItem item, Verdict verdict, String supervisor, String comment);

    /** The item's events, oldest first. */
    List<HistoryEntry> history(ReviewItem.Key key);

    /** The part's image and the mask being judged: the inspector's if any, else the model's (empty if neither). */
    Preview preview(ReviewItem.Key key);

    /** What the supervisor looks at. */
    record Preview(ReviewItem.Key key, BufferedImage image, BufferedImage mask) {
    }
}
