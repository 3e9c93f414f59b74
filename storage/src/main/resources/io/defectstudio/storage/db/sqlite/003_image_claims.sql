-- Version 3: which station is working on which image and class right now, so that the other stations' queues skip
-- it (shared projects; a single station simply never sees another's claim). A claim older than its lease is stale.
CREATE TABLE image_claim (
    image_id   INTEGER NOT NULL REFERENCES image (id),
    class_id   INTEGER NOT NULL REFERENCES defect_class (id),
    station    TEXT    NOT NULL CHECK (length(station) > 0),
    claimed_at INTEGER NOT NULL,
    PRIMARY KEY (image_id, class_id)
);
