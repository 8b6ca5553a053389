-- State snapshots: the area state and the rule engine's memory as they stood after event `seq`
-- (whose hash was `hash`), so that a start applies only the events after it. A snapshot is a
-- cache of the record, never a part of it: it is checked against the chain before it is used,
-- replaced as the record grows, and not looked at by the audit of the record.
CREATE TABLE state_snapshots (
  seq      INTEGER PRIMARY KEY,
  hash     TEXT    NOT NULL,           -- the hash of event `seq`
  format   INTEGER NOT NULL,           -- the shape of `body` (main/core/state/stateCodec.ts)
  taken_at INTEGER NOT NULL,           -- UTC ms, station time
  body     TEXT    NOT NULL,           -- JSON: {"state": …, "engine": …}
  sha256   TEXT    NOT NULL            -- of `body`
);
