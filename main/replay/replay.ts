// Replay: feeds a scenario through the live station core on a virtual clock and reports alarm
// transitions and rejections (the contract is spec/replay.md of the project docs).
import { isoUtc } from '../../common/dates.js';
import type { RecordedEvent } from '../../common/events.js';
import { ScratchStation, Station } from '../core/station.js';
import type { StationCore } from '../core/stationCore.js';
import type { Db } from '../core/store/db.js';
import type { Evaluator } from '../rules/transitions.js';
import { readLines, type ScenarioLine } from './lines.js';

export type ReplayOutput =
  | { at: string; alarm: string; subject: string; severity: string; state: 'raised' | 'resolved'; alarmId: string }
  | { at: string; rejected: string; line: number; reason: string; code: string; message: string; field?: string };

export class ReplayFormatError extends Error {
  constructor(readonly line: number, message: string) {
    super(line > 0 ? `line ${line}: ${message}` : message);
    this.name = 'ReplayFormatError';
  }
}

// Output lines carry their instant as an ISO-8601 UTC text: a replay of a day formats tens of
// thousands of them, nearly all in one UTC day. The day's part ("YYYY-MM-DDT", from
// toISOString) is kept and the time of day written out from the milliseconds, which is what
// toISOString would write for any instant of that day.
let dayStartMs = Number.NaN;
let dayPrefix = '';
const DAY_MS = 86_400_000;
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
const three = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

function isoOf(ms: number): string {
  // Fractions of a millisecond, and years before 0 or after 9999, are toISOString's alone.
  if (!Number.isInteger(ms)) return isoUtc(ms);
  let inDay = ms - dayStartMs;
  if (!(inDay >= 0 && inDay < DAY_MS)) {
    const iso = isoUtc(ms);
    dayStartMs = ms - (ms % DAY_MS + DAY_MS) % DAY_MS;
    dayPrefix = iso.slice(0, 11);
    inDay = ms - dayStartMs;
    if (dayPrefix.length !== 11 || dayPrefix[10] !== 'T') {
      dayStartMs = Number.NaN;
      return iso;
    }
  }
  const s = Math.floor(inDay / 1000);
  return `${dayPrefix}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}.${three(inDay % 1000)}Z`;
}

function alarmLines(events: readonly RecordedEvent[], out: (o: ReplayOutput) => void): void {
  // By index: called twice for every line, most often with no event or one, and a for…of here
  // made an iterator and its results each time — about a ninth of what a replay of the
  // move-heavy day allocated (2,000 MB a pass before, 1,780 after, sampled by the heap profiler).
  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as RecordedEvent;
    if (ev.type === 'alarm.raised' || ev.type === 'alarm.resolved') {
      const p = ev.payload;
      out({ at: isoOf(ev.at), alarm: p.rule, subject: p.subject, severity: p.severity, state: ev.type === 'alarm.raised' ? 'raised' : 'resolved', alarmId: p.alarmId });
    }
  }
}
export interface ReplayStats { lines: number; events: number; rejected: number; alarms: number }

export interface ReplayOptions {
  /** Called with the nanoseconds each event took (deadlines, decision, record, rules). */
  readonly timing?: (ns: number, recorded: boolean) => void;
  /**
   * The rule engine, when not the station's own: the bench replays with an engine of no rules to
   * tell what the rules cost from what the rest of the station does.
   */
  readonly evaluator?: Evaluator;
}

/**
 * A record is written in batches of this many events: a replay is a scratch copy, a crash in the
 * middle of one loses nothing that cannot be replayed again.
 */
export const REPLAY_BATCH = 10_000;

/**
 * Replays `lines`: into a fresh record in `db` when one is given (committed in batches, with a
 * state snapshot at the end so that a station starts on it quickly), else through a station that
 * keeps no record. The output is the same either way. Throws ReplayFormatError on a format error
 * (the output already written stands, and so does the record up to that line).
 */
export function replay(lines: Iterable<string>, db: Db | null, out: (o: ReplayOutput) => void, options: ReplayOptions = {}): ReplayStats {
  const clock = { t: Number.NEGATIVE_INFINITY };
  const stationOptions = { now: () => clock.t, ...(options.evaluator ? { evaluator: options.evaluator } : {}) };
  if (db === null) return replayInto(new ScratchStation(stationOptions), clock, lines, out, options);
  const station = new Station(db, { ...stationOptions, batch: REPLAY_BATCH });
  if (station.store.count() > 0) throw new ReplayFormatError(0, 'the database already holds a record; replay needs an empty one');
  let stats: ReplayStats;
  try {
    stats = replayInto(station, clock, lines, out, options);
  } catch (err) {
    // The record keeps the lines before a format error; any other failure leaves the open batch
    // uncommitted (closing the database rolls it back).
    if (err instanceof ReplayFormatError) station.flush();
    throw err;
  }
  station.saveSnapshot();
  return stats;
}

/**
 * Lines are read (parsed together where that is safe, lines.ts, and checked) this many at a time
 * before the station takes them: reading and the station each run on for a while, rather than
 * taking turns on every line, which made both slower (a day of tag reads replayed about an eighth
 * faster). Reading ahead changes nothing else: the lines are taken in order, and one found wrong
 * stops the replay where it stands.
 */
const READ_AHEAD = 512;

/**
 * `lines` read READ_AHEAD at a time, as the replay reads them; a batch's lists are reused once the
 * next one is asked for. The bench times this reading alone.
 */
export function* readAhead(lines: Iterable<string>): Generator<{ readonly texts: string[]; readonly read: ScenarioLine[] }> {
  const batch = { texts: [] as string[], read: [] as ScenarioLine[] };
  for (const text of lines) {
    batch.texts.push(text);
    if (batch.texts.length === READ_AHEAD) {
      readLines(batch.texts, batch.read);
      yield batch;
      batch.texts.length = 0;
    }
  }
  if (batch.texts.length > 0) {
    readLines(batch.texts, batch.read);
    yield batch;
  }
}

function replayInto(station: StationCore, clock: { t: number }, lines: Iterable<string>, out: (o: ReplayOutput) => void, options: ReplayOptions): ReplayStats {
  const timing = options.timing;
  const stats: ReplayStats = { lines: 0, events: 0, rejected: 0, alarms: 0 };
  const emit = (o: ReplayOutput): void => {
    if ('alarm' in o) stats.alarms += 1;
    out(o);
  };
  let lineNo = 0;
  let first = true;
  // One object for every line, its fields set for each: the station reads them during the call
  // and keeps none. An object made for each line was about a thirtieth of what a replay allocated.
  const submitOptions = { actor: '', at: 0, offsetMinutes: 0 };
  for (const { texts, read } of readAhead(lines)) {
    for (let i = 0; i < read.length; i++) {
      const line = read[i] as ScenarioLine;
      lineNo += 1;
      if (line.kind === 'skip') continue;
      if (line.kind === 'format-error') throw new ReplayFormatError(lineNo, line.message);
      if (line.at.ms < clock.t) throw new ReplayFormatError(lineNo, `goes back in time (${(texts[i] ?? '').slice(0, 80)})`);
      if (first && line.type !== 'area.configure') throw new ReplayFormatError(lineNo, 'the scenario must start with area.configure');
      clock.t = line.at.ms;
      stats.events += 1;
      const t0 = timing ? process.hrtime.bigint() : 0n;
      alarmLines(station.advanceTo(line.at.ms), emit);
      submitOptions.actor = line.actor;
      submitOptions.at = line.at.ms;
      submitOptions.offsetMinutes = line.at.offsetMinutes;
      const result = line.type === 'tag.read' ? station.submitTagRead(line.body, submitOptions) : station.submit(line.body, submitOptions);
      if (first && !result.ok) throw new ReplayFormatError(lineNo, `the first event must be a valid area.configure: ${result.rejection.reason}`);
      first = false;
      if (timing) timing(Number(process.hrtime.bigint() - t0), result.ok && result.events.length > 0);
      if (result.ok) alarmLines(result.events, emit);
      else {
        stats.rejected += 1;
        const r = result.rejection;
        // reason: the record's words (English); message: the desk's (zh-CN).
        out({ at: isoOf(result.at), rejected: line.type, line: lineNo, reason: r.reason, code: r.code, message: r.message, ...(r.field ? { field: r.field } : {}) });
      }
    }
  }
  stats.lines = lineNo;
  return stats;
}
