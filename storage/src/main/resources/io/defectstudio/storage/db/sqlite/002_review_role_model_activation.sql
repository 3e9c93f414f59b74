-- Version 2: who made a review decision (the inspector working the queue or a line supervisor reviewing it),
-- and the log of model activations.
ALTER TABLE review ADD COLUMN role TEXT NOT NULL DEFAULT 'INSPECTOR' CHECK (role IN ('INSPECTOR', 'SUPERVISOR'));
CREATE INDEX review_by_class ON review (class_id, image_id, id);

-- Every activation of a model, so the user can roll back to the version that was active before.
CREATE TABLE model_activation (
    id           INTEGER PRIMARY KEY,
    model_id     INTEGER NOT NULL REFERENCES model (id),
    activated_at BIGINT  NOT NULL
);
