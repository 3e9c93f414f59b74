CREATE TABLE half_done (id INTEGER PRIMARY KEY);
INSERT INTO tile (label) VALUES ('inserted by the failing step');
INSERT INTO no_such_table (id) VALUES (1);
