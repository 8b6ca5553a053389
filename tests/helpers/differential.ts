// Runs scenario lines through two stations side by side, one on the station's rule engine and
// one on the full evaluator (the oracle), and stops at the first line after which they differ:
// in the events recorded (alarm transitions included, in order), a refusal, or the next deadline.
// Each line is read and validated once and the command handed to both.
import type { RecordedEvent } from '../../common/events.js';
import { parseCommand } from '../../main/core/commands/parse.js';
import { ScratchStation } from '../../main/core/station.js';
import type { StationCore, SubmitResult } from '../../main/core/stationCore.js';
import { readLine } from '../../main/replay/lines.js';
import { FullEvaluator } from '../../main/rules/oracle.js';

export interface Divergence { readonly line: number; readonly text: string; readonly what: string; readonly engine: string; readonly oracle: string }
export interface SideBySide {
  readonly lines: number; readonly events: number; readonly transitions: number; readonly rejected: number;
  /** How many commands of each type were accepted and recorded. */
  readonly accepted: ReadonlyMap<string, number>;
  readonly divergence: Divergence | null;
}

/**
 * What a line did, as text to compare: every event's place, time and type, and every alarm
 * transition in full. Both stations apply the same command to the same state, so their other
 * events can only differ if an alarm already did.
 */
function outcome(fired: readonly RecordedEvent[], r: SubmitResult | null): string {
  let text = '';
  for (const e of r?.ok ? [...fired, ...r.events] : fired) {
    text += e.type === 'alarm.raised' || e.type === 'alarm.resolved' ? `${e.seq} ${e.at} ${e.type} ${JSON.stringify(e.payload)}\n` : `${e.seq} ${e.at} ${e.type}\n`;
  }
  return r === null || r.ok ? text : `${text}rejected: ${r.rejection.reason}`;
}

/** A line's command, read and validated once, and when a station takes it (never before the line before). */
export interface LineCommand {
  /** The line's number, blank and comment lines counted. */
  readonly n: number;
  readonly text: string;
  readonly type: string;
  readonly parsed: ReturnType<typeof parseCommand>;
  readonly options: { readonly actor: string; readonly at: number; readonly offsetMinutes: number };
}

export function* lineCommands(lines: Iterable<string>): Generator<LineCommand> {
  let n = 0;
  let t = 0;
  for (const text of lines) {
    n += 1;
    const line = readLine(text);
    if (line.kind === 'skip') continue;
    if (line.kind === 'format-error') throw new Error(`line ${n}: ${line.message}`);
    t = Math.max(t, line.at.ms);
    yield { n, text, type: line.type, parsed: parseCommand(line.body), options: { actor: line.actor, at: t, offsetMinutes: line.at.offsetMinutes } };
  }
}

/** Fires `station`'s deadlines up to the command's instant, then executes it (null: it did not validate). */
export function take(station: StationCore, c: LineCommand): { fired: readonly RecordedEvent[]; result: SubmitResult | null } {
  const fired = station.advanceTo(c.options.at);
  return { fired, result: c.parsed.ok ? station.execute(c.parsed.command, c.options.at, c.options) : null };
}

export function sideBySide(lines: Iterable<string>): SideBySide {
  const clock = { t: 0 };
  const engine: StationCore = new ScratchStation({ now: () => clock.t });
  const oracle: StationCore = new ScratchStation({ now: () => clock.t, evaluator: new FullEvaluator() });
  let n = 0;
  let events = 0;
  let transitions = 0;
  let rejected = 0;
  const accepted = new Map<string, number>();
  for (const c of lineCommands(lines)) {
    const { text, parsed } = c;
    n = c.n;
    clock.t = c.options.at;
    const run = (s: StationCore): string => {
      const { fired, result } = take(s, c);
      return outcome(fired, result);
    };
    const a = run(engine);
    const b = run(oracle);
    if (a !== b) return { lines: n, events, transitions, rejected, accepted, divergence: { line: n, text, what: 'events', engine: a, oracle: b } };
    if (engine.nextDeadline !== oracle.nextDeadline) {
      return { lines: n, events, transitions, rejected, accepted, divergence: { line: n, text, what: 'next deadline', engine: String(engine.nextDeadline), oracle: String(oracle.nextDeadline) } };
    }
    if (!parsed.ok || a.includes('rejected: ')) rejected += 1;
    else if (a.includes(` ${c.type}\n`)) accepted.set(c.type, (accepted.get(c.type) ?? 0) + 1);
    for (let i = a.indexOf('\n'); i >= 0; i = a.indexOf('\n', i + 1)) events += 1;
    for (let i = a.indexOf(' alarm.r'); i >= 0; i = a.indexOf(' alarm.r', i + 1)) transitions += 1;
  }
  return { lines: n, events, transitions, rejected, accepted, divergence: null };
}
