-- area.update: rooms, readers and cameras taken out of the area stay in their tables, marked with
-- the time they were removed, because the history (movements, sessions, alarms, segments) names
-- them. A room's place in the area's list orders the overview.
ALTER TABLE rooms ADD COLUMN removed_at INTEGER;
ALTER TABLE rooms ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE rooms SET position = rowid - 1;
ALTER TABLE readers ADD COLUMN removed_at INTEGER;
ALTER TABLE cameras ADD COLUMN removed_at INTEGER;

-- session.start: the operator confirmed starting in a room that was not being recorded.
ALTER TABLE sessions ADD COLUMN confirmed_unrecorded INTEGER NOT NULL DEFAULT 0;

-- person.correct (更正): custody_records holds the corrected values; each corrected field is kept
-- here with the value it replaced, so that forms and ledgers can mark it and say what it was.
CREATE TABLE person_corrections (
  seq         INTEGER NOT NULL REFERENCES events(seq),
  person_id   TEXT    NOT NULL REFERENCES custody_records(person_id),
  field       TEXT    NOT NULL,          -- name, gender, birthDate, idNumber, role, caseNo, basis, tag
  old_value   TEXT,                      -- null: none was recorded
  new_value   TEXT    NOT NULL,
  reason      TEXT    NOT NULL,
  approved_by TEXT    NOT NULL,          -- officer id
  actor       TEXT    NOT NULL,
  at          INTEGER NOT NULL,
  PRIMARY KEY (seq, field)
);
CREATE INDEX person_corrections_person ON person_corrections(person_id, seq);
