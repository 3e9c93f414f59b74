-- Version 2: who made a review decision: the inspector working the queue or a line supervisor reviewing it.
ALTER TABLE review ADD COLUMN role TEXT NOT NULL DEFAULT 'INSPECTOR' CHECK (role IN ('INSPECTOR', 'SUPERVISOR'));
CREATE INDEX review_by_class ON review (class_id, image_id, id);
