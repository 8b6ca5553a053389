-- Each backup of the record: where it went, what it held, and whether it verified.
CREATE TABLE backups (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  path      TEXT NOT NULL,
  events    INTEGER NOT NULL,
  head_hash TEXT NOT NULL,
  verified  INTEGER NOT NULL,
  error     TEXT
);
