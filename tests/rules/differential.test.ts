// The station's rule engine looks only at what each event touched; the full evaluator looks at
// everything every time. On every scenario and on a million random lines both must record the
// same events — the same alarm transitions, in the same order — and wait for the same deadline.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchedSideBySide } from '../helpers/batchedDifferential.js';
import { sideBySide } from '../helpers/differential.js';
import { randomLines } from '../helpers/randomLines.js';

const SCENARIOS = join(import.meta.dirname, '..', 'scenarios', 'files');
// Forty runs of 25,000 lines, each from its own seed: a million lines in all. Short runs keep the
// full evaluator, whose cost grows with everyone who ever entered, quick; a failure names its
// seed and line.
const RANDOM_RUNS = 40;
const RANDOM_LINES = 25_000;
/** What every run must have had accepted, for the rules to be seen at work on each of them. */
const MUST_HAPPEN = [
  'tag.read', 'person.move', 'person.enter', 'person.exit', 'person.tempExit', 'person.return', 'person.correct', 'security.check',
  'session.start', 'session.join', 'session.leave', 'session.end', 'camera.status', 'device.status', 'storage.status', 'care.meal',
  'person.extend', 'area.update', 'area.settings', 'clock.jump',
];

describe('the rule engine against the full evaluator', () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.jsonl') && !f.endsWith('.expected.jsonl'));
  it('has scenarios to run', () => expect(files.length).toBeGreaterThanOrEqual(5));
  for (const f of files) {
    it(`scenario ${f}`, () => {
      const run = sideBySide(readFileSync(join(SCENARIOS, f), 'utf8').split('\n'));
      expect(run.divergence).toBeNull();
      expect(run.transitions).toBeGreaterThan(0);
    });
  }

  for (let seed = 1; seed <= RANDOM_RUNS; seed++) {
    it(`random lines, seed ${seed}`, () => {
      const run = sideBySide(randomLines(seed, RANDOM_LINES));
      expect(run.divergence, `seed ${seed}`).toBeNull();
      expect(run.lines).toBe(RANDOM_LINES);
      // The lines must exercise the rules, not be refused wholesale.
      expect(run.transitions).toBeGreaterThan(RANDOM_LINES / 50);
      expect(run.rejected).toBeLessThan(RANDOM_LINES / 2);
      expect(MUST_HAPPEN.filter((type) => !run.accepted.has(type))).toEqual([]);
    }, 120_000);
  }
});

// The engine may not depend on looking after every single command: a room marked twice, a room
// whose officers and persons both changed, must come to what a look at everything comes to.
const BATCHED_RUNS = 20;
const BATCHED_LINES = 25_000;

describe('the rule engine against the full evaluator, several events between looks', () => {
  for (let seed = 1; seed <= BATCHED_RUNS; seed++) {
    it(`random lines in batches of one to four events, seed ${seed}`, () => {
      const run = batchedSideBySide(randomLines(1000 + seed, BATCHED_LINES), seed);
      expect(run.divergence, `seed ${seed}`).toBeNull();
      expect(run.batches).toBeGreaterThan(BATCHED_LINES / 10);
      expect(run.transitions).toBeGreaterThan(BATCHED_LINES / 100);
    }, 120_000);
  }
});
