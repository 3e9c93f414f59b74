-- Version 1: the whole product. Timestamps are epoch milliseconds (UTC); JSON is stored as text.

CREATE TABLE project (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT    NOT NULL CHECK (length(name) > 0),
    description TEXT    NOT NULL DEFAULT '',
    created_at  BIGINT  NOT NULL
);

CREATE TABLE defect_class (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(name) > 0),
    colour      TEXT    NOT NULL CHECK (length(colour) = 7),
    description TEXT    NOT NULL DEFAULT '',
    created_at  BIGINT  NOT NULL
);

-- Originals live in the content-addressed store; sha256 makes a re-import recognisable.
CREATE TABLE image (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64),
    store_path    TEXT    NOT NULL,
    format        TEXT    NOT NULL CHECK (format IN ('PNG', 'JPEG', 'BMP', 'TIFF')),
    width         INTEGER NOT NULL CHECK (width > 0),
    height        INTEGER NOT NULL CHECK (height > 0),
    bit_depth     INTEGER NOT NULL CHECK (bit_depth IN (8, 16)),
    channels      INTEGER NOT NULL CHECK (channels IN (1, 3)),
    byte_size     BIGINT  NOT NULL,
    original_name TEXT    NOT NULL,
    imported_at   BIGINT  NOT NULL
);

-- Append-only: every save is a new version; restore copies an old version forward.
CREATE TABLE annotation (
    id            INTEGER PRIMARY KEY,
    image_id      INTEGER NOT NULL REFERENCES image (id),
    class_id      INTEGER NOT NULL REFERENCES defect_class (id),
    version       INTEGER NOT NULL CHECK (version > 0),
    kind          TEXT    NOT NULL CHECK (kind IN ('SUPPORT', 'CORRECTION', 'IMPORTED')),
    author        TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    restored_from INTEGER REFERENCES annotation (id),
    defect_pixels BIGINT  NOT NULL,
    mask_png      BLOB    NOT NULL,
    UNIQUE (image_id, class_id, version)
);
CREATE INDEX annotation_by_class ON annotation (class_id, image_id, version);

CREATE TABLE model (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    bundle_path   TEXT    NOT NULL,
    architecture  TEXT    NOT NULL,
    metrics_json  TEXT    NOT NULL DEFAULT '{}',
    created_at    BIGINT  NOT NULL,
    active        INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX model_single_active ON model (active) WHERE active = 1;

CREATE TABLE prediction (
    id            INTEGER PRIMARY KEY,
    image_id      INTEGER NOT NULL REFERENCES image (id),
    class_id      INTEGER NOT NULL REFERENCES defect_class (id),
    model_version TEXT    NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    latency_ms    BIGINT  NOT NULL CHECK (latency_ms >= 0),
    defect_pixels BIGINT  NOT NULL,
    mask_png      BLOB    NOT NULL,
    created_at    BIGINT  NOT NULL
);
CREATE INDEX prediction_by_image ON prediction (image_id, class_id, id);

CREATE TABLE review (
    id         INTEGER PRIMARY KEY,
    image_id   INTEGER NOT NULL REFERENCES image (id),
    class_id   INTEGER NOT NULL REFERENCES defect_class (id),
    decision   TEXT    NOT NULL CHECK (decision IN ('APPROVE', 'REJECT', 'RELABEL')),
    reviewer   TEXT    NOT NULL,
    comment    TEXT    NOT NULL DEFAULT '',
    created_at BIGINT  NOT NULL
);
CREATE INDEX review_by_image ON review (image_id, id);

CREATE TABLE training_run (
    id              INTEGER PRIMARY KEY,
    config_json     TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    progress        DOUBLE PRECISION NOT NULL CHECK (progress >= 0 AND progress <= 1),
    checkpoint_path TEXT,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL
);

CREATE TABLE training_epoch (
    run_id       INTEGER NOT NULL REFERENCES training_run (id),
    epoch        INTEGER NOT NULL CHECK (epoch >= 0),
    metrics_json TEXT    NOT NULL,
    recorded_at  BIGINT  NOT NULL,
    PRIMARY KEY (run_id, epoch)
);

-- An inspector's session: support images (with the annotation version that was used) and queries, in order.
CREATE TABLE episode (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    class_id   INTEGER NOT NULL REFERENCES defect_class (id),
    created_at BIGINT  NOT NULL
);

CREATE TABLE episode_image (
    episode_id    INTEGER NOT NULL REFERENCES episode (id),
    role          TEXT    NOT NULL CHECK (role IN ('SUPPORT', 'QUERY')),
    position      INTEGER NOT NULL,
    image_id      INTEGER NOT NULL REFERENCES image (id),
    annotation_id INTEGER REFERENCES annotation (id),
    PRIMARY KEY (episode_id, role, position)
);
