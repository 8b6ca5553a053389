// The engine asks a rule what an event touched only when the event made a change of a kind the
// rule names (Dependencies.kinds): a rule that read a kind it does not name would miss the events
// that changed only that. Here every rule's `touched` is handed changes that refuse to be read
// outside its kinds, on scenarios and random lines, and the bits the engine goes by are held to
// the changes they stand for.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedKinds, kindBits, noChanges, type ChangeKind, type Changes } from '../../main/core/state/changes.js';
import { ScratchStation } from '../../main/core/station.js';
import { RuleEngine } from '../../main/rules/engine.js';
import { RULES } from '../../main/rules/rules/index.js';
import type { Dependencies, Rule } from '../../main/rules/types.js';
import { lineCommands, take } from '../helpers/differential.js';
import { randomLines } from '../helpers/randomLines.js';

const KINDS = Object.keys(noChanges()).filter((k): k is ChangeKind => k !== 'all');

/** `dependsOn` whose `touched` throws when it reads a kind of change it does not name. */
function strict(dependsOn: Dependencies, rule: string): Dependencies {
  const named = new Set<string | symbol>(dependsOn.kinds);
  return {
    kinds: dependsOn.kinds,
    touched: (changes, state, mark) => {
      const guarded = new Proxy(changes, {
        get(target, key, receiver) {
          if (!named.has(key)) throw new Error(`${rule} reads changes.${String(key)}, which its kinds (${dependsOn.kinds.join(', ')}) do not name`);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      dependsOn.touched(guarded, state, mark);
    },
  };
}

function strictRules(): Rule[] {
  const wrapped = new Map<Dependencies, Dependencies>();
  return RULES.map((rule) => {
    const d = rule.dependsOn;
    if (d === undefined) return rule;
    let s = wrapped.get(d);
    if (s === undefined) wrapped.set(d, (s = strict(d, rule.rule)));
    return { ...rule, dependsOn: s };
  });
}

function run(lines: Iterable<string>): number {
  const clock = { t: 0 };
  const station = new ScratchStation({ now: () => clock.t, evaluator: new RuleEngine(strictRules()) });
  let alarms = 0;
  for (const c of lineCommands(lines)) {
    clock.t = c.options.at;
    const { fired, result } = take(station, c);
    for (const e of result?.ok ? [...fired, ...result.events] : fired) if (e.type === 'alarm.raised') alarms += 1;
  }
  return alarms;
}

describe('what the rules depend on', () => {
  it('has a bit for each kind of change, set exactly when the changes hold one', () => {
    expect(KINDS.length).toBe(12);
    const bits = KINDS.map((k) => kindBits([k]));
    expect(new Set(bits).size).toBe(KINDS.length);
    expect(changedKinds(noChanges())).toBe(0);
    for (const [i, kind] of KINDS.entries()) {
      const c: Changes = noChanges();
      if (kind === 'storage') c.storage = true;
      else (c[kind] as unknown[]).push(kind);
      expect(changedKinds(c), kind).toBe(bits[i]);
    }
    expect(kindBits(KINDS)).toBe(bits.reduce((a, b) => a | b, 0));
  });

  it('names a kind of change for every rule that asks what an event touched', () => {
    for (const rule of RULES) if (rule.dependsOn) expect(rule.dependsOn.kinds.length, rule.rule).toBeGreaterThan(0);
  });

  const scenarios = join(import.meta.dirname, '..', 'scenarios', 'files');
  const files = readdirSync(scenarios).filter((f) => f.endsWith('.jsonl') && !f.endsWith('.expected.jsonl'));
  it('reads no kind of change a rule does not name, in any scenario', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    let alarms = 0;
    for (const f of files) alarms += run(readFileSync(join(scenarios, f), 'utf8').split('\n'));
    expect(alarms).toBeGreaterThan(0);
  });

  for (const seed of [1, 2, 3, 4]) {
    it(`reads no kind of change a rule does not name, random lines, seed ${seed}`, () => {
      expect(run(randomLines(seed, 25_000))).toBeGreaterThan(100);
    }, 120_000);
  }
});
