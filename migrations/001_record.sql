-- The custody record: an append-only, hash-chained event log, and the projection tables the desk
-- and the dashboard read. Projections are rebuilt from events; events are never changed.

CREATE TABLE events (
  seq       INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,            -- UTC ms
  type      TEXT    NOT NULL,
  actor     TEXT    NOT NULL,            -- officer id, 'system', 'device:ID' or 'replay'
  payload   TEXT    NOT NULL,            -- canonical JSON
  prev_hash TEXT    NOT NULL,
  hash      TEXT    NOT NULL UNIQUE      -- sha256(prev_hash || canonical event)
);
CREATE INDEX events_type_at ON events(type, at);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Which persons, rooms, sessions and devices an event concerns (derived from the payload).
CREATE TABLE event_subjects (
  subject TEXT    NOT NULL,              -- person:ID, room:ID, session:ID, device:ID, tag:TAG
  seq     INTEGER NOT NULL REFERENCES events(seq),
  PRIMARY KEY (subject, seq)
) WITHOUT ROWID;

CREATE TABLE area (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  settings      TEXT NOT NULL,           -- JSON: the effective rule settings
  configured_at INTEGER NOT NULL
);

CREATE TABLE rooms (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  kind               TEXT NOT NULL,
  capacity           INTEGER,
  recording_required INTEGER NOT NULL,
  guard_required     INTEGER NOT NULL
);

CREATE TABLE readers (
  id        TEXT PRIMARY KEY,
  room_id   TEXT REFERENCES rooms(id),
  role      TEXT NOT NULL,
  online    INTEGER,                     -- null: no report yet
  status_at INTEGER
);

CREATE TABLE cameras (
  id        TEXT PRIMARY KEY,
  room_id   TEXT NOT NULL REFERENCES rooms(id),
  online    INTEGER,
  recording INTEGER,
  status_at INTEGER
);

CREATE TABLE officers (
  id     TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  gender TEXT NOT NULL,
  tag    TEXT
);

CREATE TABLE custody_records (
  person_id   TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  gender      TEXT NOT NULL,
  birth_date  TEXT NOT NULL,
  id_number   TEXT,
  role        TEXT NOT NULL,
  case_no     TEXT,
  basis       TEXT,
  tag         TEXT,
  officers    TEXT NOT NULL,             -- JSON array of officer ids
  details     TEXT NOT NULL,             -- JSON: form fields beyond the spec
  entered_at  INTEGER NOT NULL,
  entry_date  TEXT NOT NULL,             -- local calendar date of entry
  minor       INTEGER NOT NULL,
  limit_hours INTEGER,
  deadline_at INTEGER,
  status      TEXT NOT NULL,             -- 'in', 'temp_exit', 'exited'
  last_meal_at INTEGER,
  exited_at   INTEGER,
  destination TEXT
);
CREATE INDEX custody_records_entered ON custody_records(entered_at);
CREATE INDEX custody_records_status ON custody_records(status);

CREATE TABLE security_checks (
  seq       INTEGER PRIMARY KEY REFERENCES events(seq),
  person_id TEXT NOT NULL REFERENCES custody_records(person_id),
  at        INTEGER NOT NULL,
  checkers  TEXT NOT NULL,               -- JSON array of officer ids
  doctor    INTEGER NOT NULL,
  findings  TEXT NOT NULL                -- JSON
);
CREATE INDEX security_checks_person ON security_checks(person_id);

CREATE TABLE belongings_items (
  id          TEXT PRIMARY KEY,
  person_id   TEXT NOT NULL REFERENCES custody_records(person_id),
  name        TEXT NOT NULL,
  quantity    INTEGER NOT NULL,
  features    TEXT,
  case_related INTEGER NOT NULL,
  locker      TEXT,
  stored_at   INTEGER NOT NULL,
  disposition TEXT,                      -- returned / transferred / retained, set at exit
  disposed_at INTEGER,
  note        TEXT
);
CREATE INDEX belongings_person ON belongings_items(person_id);

CREATE TABLE info_collections (
  seq       INTEGER NOT NULL REFERENCES events(seq),
  person_id TEXT NOT NULL REFERENCES custody_records(person_id),
  item      TEXT NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (seq, item)
);
CREATE INDEX info_person ON info_collections(person_id);

CREATE TABLE sessions (
  id         TEXT PRIMARY KEY,
  room_id    TEXT NOT NULL REFERENCES rooms(id),
  person_id  TEXT NOT NULL REFERENCES custody_records(person_id),
  kind       TEXT NOT NULL,
  officers   TEXT NOT NULL,              -- JSON: officers now in the session
  appropriate_adults TEXT NOT NULL,      -- JSON array of names
  started_at INTEGER NOT NULL,
  ended_at   INTEGER
);
CREATE INDEX sessions_person ON sessions(person_id);

CREATE TABLE care_events (
  seq       INTEGER PRIMARY KEY REFERENCES events(seq),
  person_id TEXT NOT NULL REFERENCES custody_records(person_id),
  kind      TEXT NOT NULL,
  at        INTEGER NOT NULL,
  note      TEXT
);
CREATE INDEX care_person ON care_events(person_id);

-- Where every person and officer is now (absent: not known).
CREATE TABLE presence (
  who     TEXT PRIMARY KEY,
  kind    TEXT NOT NULL,                 -- 'person' or 'officer'
  room_id TEXT REFERENCES rooms(id),     -- null with outside = 1
  outside INTEGER NOT NULL,
  since   INTEGER NOT NULL
);

-- The activity trail: every change of where someone is.
CREATE TABLE movements (
  seq       INTEGER PRIMARY KEY REFERENCES events(seq),
  who       TEXT NOT NULL,
  at        INTEGER NOT NULL,
  from_room TEXT,
  to_room   TEXT,                        -- null: outside or not known (see to_outside)
  to_outside INTEGER NOT NULL,
  source    TEXT NOT NULL                -- 'rfid', 'manual', 'temp_exit', 'return', 'exit'
);
CREATE INDEX movements_who ON movements(who, at);

CREATE TABLE temp_exits (
  seq          INTEGER PRIMARY KEY REFERENCES events(seq),
  person_id    TEXT NOT NULL REFERENCES custody_records(person_id),
  left_at      INTEGER NOT NULL,
  reason       TEXT NOT NULL,
  approved_by  TEXT NOT NULL,
  expected_return_at INTEGER NOT NULL,
  returned_at  INTEGER
);
CREATE INDEX temp_exits_person ON temp_exits(person_id);

CREATE TABLE extensions (
  seq         INTEGER PRIMARY KEY REFERENCES events(seq),
  person_id   TEXT NOT NULL REFERENCES custody_records(person_id),
  at          INTEGER NOT NULL,
  limit_hours INTEGER NOT NULL,
  approved_by TEXT NOT NULL
);

CREATE TABLE exits (
  person_id   TEXT PRIMARY KEY REFERENCES custody_records(person_id),
  seq         INTEGER NOT NULL REFERENCES events(seq),
  at          INTEGER NOT NULL,
  destination TEXT NOT NULL,
  belongings_returned INTEGER,
  approved_by TEXT,
  actor       TEXT NOT NULL,
  note        TEXT
);

CREATE TABLE alarms (
  id          TEXT PRIMARY KEY,
  rule        TEXT NOT NULL,
  subject     TEXT NOT NULL,
  severity    TEXT NOT NULL,
  room_id     TEXT,                      -- the room concerned when it can be told at raise
  raised_at   INTEGER NOT NULL,
  resolved_at INTEGER,
  acked_at    INTEGER,
  acked_by    TEXT,
  ack_note    TEXT
);
CREATE INDEX alarms_active ON alarms(resolved_at);
CREATE INDEX alarms_subject ON alarms(subject);
CREATE INDEX alarms_raised ON alarms(raised_at);
CREATE INDEX alarms_room ON alarms(room_id);
