// The replay's evaluator option: the bench replays with an engine of no rules to tell what the
// rules cost, which is only a measurement if the option really replaces the station's engine and
// leaves everything else as it is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay, type ReplayOutput } from '../../main/replay/replay.js';
import { RuleEngine } from '../../main/rules/engine.js';
import { FullEvaluator } from '../../main/rules/oracle.js';
import type { Evaluator } from '../../main/rules/transitions.js';
import { randomLines } from '../helpers/randomLines.js';

const SCENARIOS = join(import.meta.dirname, '..', 'scenarios', 'files');

function run(lines: readonly string[], evaluator?: Evaluator): ReplayOutput[] {
  const out: ReplayOutput[] = [];
  replay(lines, null, (o) => out.push(o), evaluator ? { evaluator } : {});
  return out;
}

const cases: [string, string[]][] = [
  ...readdirSync(SCENARIOS).filter((f) => f.endsWith('.jsonl') && !f.endsWith('.expected.jsonl'))
    .map((f): [string, string[]] => [f, readFileSync(join(SCENARIOS, f), 'utf8').split('\n')]),
  ['random lines', [...randomLines(7, 3000)]],
];

describe('a replay with an evaluator of its own', () => {
  for (const [name, lines] of cases) {
    it(`the full evaluator gives the same output; an engine of no rules no alarm, and the same rejections but of acknowledgements: ${name}`, () => {
      const own = run(lines);
      expect(own.some((o) => 'alarm' in o)).toBe(true);
      expect(run(lines, new FullEvaluator())).toEqual(own);
      const noRules = run(lines, new RuleEngine([]));
      expect(noRules.filter((o) => 'alarm' in o)).toEqual([]);
      // With no alarm raised, an alarm.ack names an alarm that does not exist; nothing else changes.
      const ack = (o: ReplayOutput): boolean => 'rejected' in o && o.rejected === 'alarm.ack';
      expect(noRules.filter((o) => !ack(o))).toEqual(own.filter((o) => 'rejected' in o && !ack(o)));
      for (const o of noRules.filter(ack)) expect(o).toMatchObject({ code: 'UNKNOWN_ALARM' });
    });
  }
});
