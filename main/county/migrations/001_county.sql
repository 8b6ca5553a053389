-- The county (city) bureau's supervision platform (县（市）局督察平台): every enrolled station's
-- record as the station sent it, verified link by link as it arrived, the county's alarms about
-- those records, and the read models its dashboard reads. Times are UTC ms.

-- An enrolled station. The enrolment token is kept only as its SHA-256: it is a random 256-bit
-- secret, so a hash is enough, and a copy of this table cannot push in the station's name.
CREATE TABLE stations (
  id            text PRIMARY KEY,
  token_hash    text NOT NULL UNIQUE,
  enrolled_at   bigint NOT NULL,
  seq           bigint NOT NULL DEFAULT 0,          -- the last event held (0: none)
  head          text NOT NULL DEFAULT repeat('0', 64),-- its hash (the chain's genesis while none)
  verified      boolean NOT NULL DEFAULT true,      -- false from the first chain alarm on
  last_seen_at  bigint,                             -- the station's last request
  reported_seq  bigint,                             -- the station's own head when it last said
  reported_hash text,
  reported_at   bigint,
  time_zone     text NOT NULL DEFAULT 'Asia/Shanghai',
  area_id       text,
  area_name     text,
  projection_error text                             -- why the read models stopped following, if they did
);

-- The station's events, exactly as recorded there (payload: its canonical JSON text, so that every
-- hash can be computed again). Never changed or deleted.
CREATE TABLE events (
  station     text   NOT NULL REFERENCES stations(id),
  seq         bigint NOT NULL,
  at          bigint NOT NULL,
  type        text   NOT NULL,
  actor       text   NOT NULL,
  payload     text   NOT NULL,
  prev_hash   text   NOT NULL,
  hash        text   NOT NULL,
  received_at bigint NOT NULL,
  PRIMARY KEY (station, seq)
);
CREATE INDEX events_station_type_at ON events (station, type, at);

CREATE FUNCTION county_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION county_refuse_change();

-- Which persons, rooms, sessions and devices each event concerns (as the station's own index).
CREATE TABLE event_subjects (
  station text   NOT NULL,
  subject text   NOT NULL,
  seq     bigint NOT NULL,
  PRIMARY KEY (station, subject, seq)
);

-- What the county found wrong with a station's record: a gap, a fork (记录分叉: an event the
-- county holds that the station now says differently, or a record that no longer extends what
-- the county holds), a broken hash, a record shortened behind what the county holds. Kept for good.
CREATE TABLE chain_alarms (
  id            bigserial PRIMARY KEY,
  station       text   NOT NULL REFERENCES stations(id),
  kind          text   NOT NULL CHECK (kind IN ('gap', 'fork', 'broken', 'shortened')),
  seq           bigint NOT NULL,
  held_hash     text,
  received_hash text   NOT NULL DEFAULT '',
  detail        text   NOT NULL,
  at            bigint NOT NULL,
  UNIQUE (station, kind, seq, received_hash)
);
CREATE INDEX chain_alarms_at ON chain_alarms (at DESC);
CREATE TRIGGER chain_alarms_append_only BEFORE UPDATE OR DELETE ON chain_alarms FOR EACH ROW EXECUTE FUNCTION county_refuse_change();

-- Read models, rebuilt from the events by the station's own projections (see ingest/replica.ts).
-- The area now: the station's overview document and the figures the county's list shows.
CREATE TABLE area_now (
  station         text PRIMARY KEY REFERENCES stations(id),
  overview        jsonb   NOT NULL,
  persons_in      integer NOT NULL,
  sessions_active integer NOT NULL,
  critical_active integer NOT NULL,
  unrecorded_rooms integer NOT NULL,
  seq             bigint  NOT NULL,
  updated_at      bigint  NOT NULL
);

-- Every person the station registered: searchable columns, and the station's own views of them.
CREATE TABLE persons (
  station    text   NOT NULL REFERENCES stations(id),
  person_id  text   NOT NULL,
  name       text   NOT NULL,
  id_number  text,
  case_no    text,
  status     text   NOT NULL,
  entered_at bigint NOT NULL,
  exited_at  bigint,
  summary    jsonb  NOT NULL,
  detail     jsonb  NOT NULL,
  PRIMARY KEY (station, person_id)
);
CREATE INDEX persons_station_entered ON persons (station, entered_at DESC);
CREATE INDEX persons_entered ON persons (entered_at);
CREATE INDEX persons_exited ON persons (exited_at) WHERE exited_at IS NOT NULL;
CREATE INDEX persons_station_exited ON persons (station, exited_at) WHERE exited_at IS NOT NULL;
CREATE INDEX persons_present ON persons (station) WHERE status <> 'exited';

CREATE TABLE alarms (
  station     text   NOT NULL REFERENCES stations(id),
  id          text   NOT NULL,
  rule        text   NOT NULL,
  subject     text   NOT NULL,
  severity    text   NOT NULL,
  room        text,
  raised_at   bigint NOT NULL,
  resolved_at bigint,
  acked_at    bigint,
  acked_by    text,
  ack_note    text,
  PRIMARY KEY (station, id)
);
CREATE INDEX alarms_station_raised ON alarms (station, raised_at DESC);
CREATE INDEX alarms_raised ON alarms (raised_at);
CREATE INDEX alarms_station_subject ON alarms (station, subject);
CREATE INDEX alarms_open ON alarms (station, severity) WHERE resolved_at IS NULL;

-- County accounts (supervisor, admin), their sign-in sessions (token hashes only), and the log of
-- who read which personal data.
CREATE TABLE accounts (
  account       text PRIMARY KEY,
  name          text    NOT NULL,
  roles         text[]  NOT NULL,
  password_hash text    NOT NULL,
  failed_count  integer NOT NULL DEFAULT 0,
  locked_until  bigint,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    bigint  NOT NULL,
  updated_at    bigint  NOT NULL
);

CREATE TABLE auth_sessions (
  token_hash text PRIMARY KEY,
  account    text   NOT NULL REFERENCES accounts(account),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);

CREATE TABLE access_log (
  id      bigserial PRIMARY KEY,
  at      bigint NOT NULL,
  account text   NOT NULL,
  action  text   NOT NULL,
  station text,
  target  text,
  address text
);
CREATE INDEX access_log_at ON access_log (at DESC);
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION county_refuse_change();
