-- Recordings for people: who watched what (观看记录), and the evidence exports of sessions.

-- Every live view and playback: the account, the camera (and its room), the session or person it
-- was opened for, the recorded span played (playback), and from when to when it was watched.
-- Like the access log, it lives beside the chained record: it is about the station's users.
CREATE TABLE viewing_log (
  id          INTEGER PRIMARY KEY,
  account     TEXT NOT NULL,
  officer_id  TEXT,
  kind        TEXT NOT NULL,               -- live / playback
  camera_id   TEXT NOT NULL,
  room_id     TEXT,
  session_id  TEXT,
  person_id   TEXT,
  media_from  INTEGER,                     -- playback: the recorded span sent (UTC ms)
  media_to    INTEGER,
  started_at  INTEGER NOT NULL,            -- when the viewing began and ended (UTC ms)
  ended_at    INTEGER,
  address     TEXT
);
CREATE INDEX viewing_log_started ON viewing_log(started_at);

-- 证据导出, projected from evidence.export events. Their segments are linked as export:ID in
-- segment_links, which retention never deletes.
CREATE TABLE evidence_exports (
  seq              INTEGER PRIMARY KEY REFERENCES events(seq),
  export_id        TEXT NOT NULL UNIQUE,
  session_id       TEXT NOT NULL,
  at               INTEGER NOT NULL,
  actor            TEXT NOT NULL,
  manifest_sha256  TEXT NOT NULL,
  files            TEXT NOT NULL,            -- JSON: [{name, bytes, sha256}]
  via              TEXT NOT NULL,            -- desk / cli
  dir              TEXT                      -- where on the station's disk it was written
);
CREATE INDEX evidence_exports_session ON evidence_exports(session_id);
