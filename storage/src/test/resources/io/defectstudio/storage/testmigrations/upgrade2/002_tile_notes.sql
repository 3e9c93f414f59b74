-- a comment; with a semicolon
ALTER TABLE tile ADD COLUMN note TEXT NOT NULL DEFAULT 'none; really';
/* block comment; also with a semicolon */
CREATE TABLE tile_log (tile_id INTEGER NOT NULL REFERENCES tile (id), message TEXT NOT NULL);
CREATE TRIGGER tile_logged AFTER INSERT ON tile
BEGIN
    INSERT INTO tile_log (tile_id, message) VALUES (new.id, 'added; logged');
END;
