-- Closed recording segments, and who and which session each one recorded: a segment linked to a
-- person is evidence and is never deleted automatically.
CREATE TABLE segments (
  seq         INTEGER PRIMARY KEY REFERENCES events(seq),
  camera_id   TEXT NOT NULL REFERENCES cameras(id),
  room_id     TEXT NOT NULL REFERENCES rooms(id),
  path        TEXT NOT NULL,
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  bytes       INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  video       INTEGER NOT NULL,
  audio       INTEGER NOT NULL,
  deleted_at  INTEGER                    -- set when retention removed an unlinked file
);
CREATE INDEX segments_room ON segments(room_id, started_at);
CREATE INDEX segments_camera ON segments(camera_id, ended_at);

CREATE TABLE segment_links (
  seq     INTEGER NOT NULL REFERENCES segments(seq),
  subject TEXT NOT NULL,                   -- person:ID or session:ID
  PRIMARY KEY (seq, subject)
) WITHOUT ROWID;
CREATE INDEX segment_links_subject ON segment_links(subject);
