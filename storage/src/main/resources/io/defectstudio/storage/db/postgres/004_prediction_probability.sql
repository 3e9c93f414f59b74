-- Version 4: a prediction keeps its probability map (8-bit grey PNG at the size the network worked at) and its highest
-- probability, so that a new threshold re-cuts the mask and says whether it paints at all without running the model
-- again. Predictions saved before keep NULL: they can only be shown as they were.
ALTER TABLE prediction ADD COLUMN probability_png BYTEA;
ALTER TABLE prediction ADD COLUMN peak DOUBLE PRECISION CHECK (peak IS NULL OR (peak >= 0 AND peak <= 1));
