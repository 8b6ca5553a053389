-- The figures of the county's statistics kept per station and period as the rows come and go, so
-- that a year across fifty areas is read from a few thousand sums instead of every person and alarm
-- of the year (countyStats, store/reads.ts). A period is a fixed span (county_period_ms: ten days)
-- from the epoch: any range is its whole periods, read here, and the pieces at its two ends,
-- counted from the rows themselves. Triggers keep the sums with the rows in the same
-- transaction, whatever writes them; nothing else writes these tables.

CREATE TABLE period_persons (
  station text    NOT NULL,
  period  bigint  NOT NULL,             -- the period's first instant (UTC ms)
  entries integer NOT NULL DEFAULT 0,   -- persons who entered in it
  exits   integer NOT NULL DEFAULT 0,   -- persons who exited in it
  stay_ms bigint  NOT NULL DEFAULT 0,   -- the sum of those exits' stays (exited_at - entered_at)
  PRIMARY KEY (station, period)
);

CREATE TABLE period_alarms (
  station  text    NOT NULL,
  period   bigint  NOT NULL,
  rule     text    NOT NULL,
  severity text    NOT NULL,
  raised   integer NOT NULL DEFAULT 0,  -- alarms of this rule and severity raised in it
  PRIMARY KEY (station, period, rule, severity)
);

CREATE FUNCTION county_period_ms() RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT 864000000::bigint $$;

-- The first instant of the period `at` falls in.
CREATE FUNCTION county_period(at bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT at - ((at % county_period_ms()) + county_period_ms()) % county_period_ms()
$$;

-- A person counted in (d = 1) or out (d = -1) of the sums.
CREATE FUNCTION county_count_person(st text, entered bigint, exited bigint, d integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO period_persons AS p (station, period, entries) VALUES (st, county_period(entered), d)
    ON CONFLICT (station, period) DO UPDATE SET entries = p.entries + d;
  IF exited IS NOT NULL THEN
    INSERT INTO period_persons AS p (station, period, exits, stay_ms) VALUES (st, county_period(exited), d, d * (exited - entered))
      ON CONFLICT (station, period) DO UPDATE SET exits = p.exits + d, stay_ms = p.stay_ms + d * (exited - entered);
  END IF;
END $$;

CREATE FUNCTION county_persons_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM county_count_person(OLD.station, OLD.entered_at, OLD.exited_at, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM county_count_person(NEW.station, NEW.entered_at, NEW.exited_at, 1); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION county_count_alarm(st text, raised_at bigint, r text, sev text, d integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO period_alarms AS a (station, period, rule, severity, raised) VALUES (st, county_period(raised_at), r, sev, d)
    ON CONFLICT (station, period, rule, severity) DO UPDATE SET raised = a.raised + d;
END $$;

CREATE FUNCTION county_alarms_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM county_count_alarm(OLD.station, OLD.raised_at, OLD.rule, OLD.severity, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM county_count_alarm(NEW.station, NEW.raised_at, NEW.rule, NEW.severity, 1); END IF;
  RETURN NULL;
END $$;

-- The sums of the rows already held, then the triggers that keep them (one transaction: no row
-- is missed or counted twice).
INSERT INTO period_persons (station, period, entries)
  SELECT station, county_period(entered_at), count(*) FROM persons GROUP BY 1, 2;
INSERT INTO period_persons AS p (station, period, exits, stay_ms)
  SELECT station, county_period(exited_at), count(*), sum(exited_at - entered_at) FROM persons WHERE exited_at IS NOT NULL GROUP BY 1, 2
  ON CONFLICT (station, period) DO UPDATE SET exits = excluded.exits, stay_ms = excluded.stay_ms;
INSERT INTO period_alarms (station, period, rule, severity, raised)
  SELECT station, county_period(raised_at), rule, severity, count(*) FROM alarms GROUP BY 1, 2, 3, 4;

-- Upserts rewrite every column of a row: the sums change only when what they count does.
CREATE TRIGGER persons_figures AFTER INSERT OR DELETE ON persons FOR EACH ROW EXECUTE FUNCTION county_persons_figures();
CREATE TRIGGER persons_figures_update AFTER UPDATE ON persons FOR EACH ROW
  WHEN (OLD.station IS DISTINCT FROM NEW.station OR OLD.entered_at IS DISTINCT FROM NEW.entered_at OR OLD.exited_at IS DISTINCT FROM NEW.exited_at)
  EXECUTE FUNCTION county_persons_figures();
CREATE TRIGGER alarms_figures AFTER INSERT OR DELETE ON alarms FOR EACH ROW EXECUTE FUNCTION county_alarms_figures();
CREATE TRIGGER alarms_figures_update AFTER UPDATE ON alarms FOR EACH ROW
  WHEN (OLD.station IS DISTINCT FROM NEW.station OR OLD.raised_at IS DISTINCT FROM NEW.raised_at OR OLD.rule IS DISTINCT FROM NEW.rule
        OR OLD.severity IS DISTINCT FROM NEW.severity)
  EXECUTE FUNCTION county_alarms_figures();

-- The pieces at a range's ends are counted from the rows: indexes that hold what is counted, so
-- those counts read the index alone.
DROP INDEX persons_entered;
CREATE INDEX persons_entered ON persons (entered_at) INCLUDE (station);
DROP INDEX persons_exited;
CREATE INDEX persons_exited ON persons (exited_at) INCLUDE (station, entered_at) WHERE exited_at IS NOT NULL;
DROP INDEX alarms_raised;
CREATE INDEX alarms_raised ON alarms (raised_at) INCLUDE (station, rule, severity);
-- Unrecorded questioning is summed over time from its few alarms.
CREATE INDEX alarms_unrecorded ON alarms (raised_at) INCLUDE (station, resolved_at) WHERE rule = 'unrecorded_interrogation';
