// The engine reads what changed since it last looked. A station looks after every command, but
// nothing in the engine may depend on that: a change marked twice, or a room whose guard and
// persons both changed, must come to what a look at everything comes to. Here the recorded events
// of a run reach two states in batches of one to four, and the engine and the full evaluator look
// once after each batch (and at each deadline before it): they must decide the same transitions,
// in the same order, and wait for the same next deadline.
import type { RecordedEvent } from '../../common/events.js';
import { SYSTEM_ACTOR } from '../../common/events.js';
import { ScratchStation } from '../../main/core/station.js';
import { emptyState, type AreaState } from '../../main/core/state/model.js';
import { applyEvent } from '../../main/core/state/reducer.js';
import { RuleEngine } from '../../main/rules/engine.js';
import { FullEvaluator } from '../../main/rules/oracle.js';
import { transitionEvent, type Evaluator, type Transition } from '../../main/rules/transitions.js';
import { seededRandom } from '../../hardware/rfid/sim/random.js';
import { lineCommands, take } from './differential.js';

export interface Batched { readonly batches: number; readonly transitions: number; readonly divergence: string | null }

/** The events a station records for `lines`, without its alarms (which depend on when it looked). */
function commandEvents(lines: Iterable<string>): RecordedEvent[] {
  const clock = { t: 0 };
  const station = new ScratchStation({ now: () => clock.t });
  const events: RecordedEvent[] = [];
  station.on('events', (evs: readonly RecordedEvent[]) => {
    // An acknowledgement names an alarm of that station's; the batched states have their own.
    for (const e of evs) if (!e.type.startsWith('alarm.')) events.push(e);
  });
  for (const c of lineCommands(lines)) {
    clock.t = c.options.at;
    take(station, c);
  }
  return events;
}

/** One side: a state, its evaluator, and the alarms it records as a station would. */
class Side {
  readonly state: AreaState = emptyState();
  private seq = 0;
  constructor(readonly evaluator: Evaluator) {}

  apply(ev: RecordedEvent): void {
    applyEvent(this.state, { ...ev, seq: ++this.seq });
  }

  look(at: number): readonly Transition[] {
    const transitions = this.evaluator.evaluate(this.state, at);
    for (const t of transitions) this.apply({ ...transitionEvent(t, this.state.nextAlarmNo), seq: 0, at, actor: SYSTEM_ACTOR });
    return transitions;
  }
}

export function batchedSideBySide(lines: Iterable<string>, seed: number): Batched {
  const events = commandEvents(lines);
  const rand = seededRandom(seed);
  const engine = new Side(new RuleEngine());
  const oracle = new Side(new FullEvaluator());
  let batches = 0;
  let transitions = 0;
  const compare = (at: number, where: string): string | null => {
    const a = JSON.stringify(engine.look(at));
    const b = JSON.stringify(oracle.look(at));
    if (a !== b) return `${where} at ${at}: engine ${a}, oracle ${b}`;
    if (engine.evaluator.nextDeadline !== oracle.evaluator.nextDeadline) {
      return `${where}: next deadline engine ${String(engine.evaluator.nextDeadline)}, oracle ${String(oracle.evaluator.nextDeadline)}`;
    }
    transitions += (a.match(/"kind":/g) ?? []).length;
    return null;
  };
  for (let i = 0; i < events.length;) {
    const size = 1 + Math.floor(rand() * 4);
    const batch = events.slice(i, i + size);
    i += batch.length;
    batches += 1;
    const first = batch[0]?.at ?? 0;
    // Deadlines before the batch, as a station fires them; bounded by the events' count.
    for (let n = 0; n < events.length; n++) {
      const due = engine.evaluator.nextDeadline;
      if (due === null || due > first) break;
      const diverged = compare(due, `deadline before event ${i - batch.length + 1}`);
      if (diverged) return { batches, transitions, divergence: diverged };
    }
    for (const ev of batch) {
      engine.apply(ev);
      oracle.apply(ev);
    }
    const diverged = compare(batch[batch.length - 1]?.at ?? first, `batch ending with event ${i} (${batch.map((e) => e.type).join(', ')})`);
    if (diverged) return { batches, transitions, divergence: diverged };
  }
  return { batches, transitions, divergence: null };
}
