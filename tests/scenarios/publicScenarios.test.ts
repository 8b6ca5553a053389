// The public scenarios of the contract must match their expected output exactly, as sets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractKey, replayFile } from '../helpers/replayRun.js';

const SCENARIO_DIR = join(import.meta.dirname, 'files');

describe('scenarios match their expected output', () => {
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.jsonl') && !f.endsWith('.expected.jsonl'));
  it('has scenarios to check', () => expect(files.length).toBeGreaterThanOrEqual(2));
  for (const f of files) {
    it(f, () => {
      const lines = readFileSync(join(SCENARIO_DIR, f.replace(/\.jsonl$/, '.expected.jsonl')), 'utf8')
        .split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
      // Where the expected file shows a rejection's reason, the words must match exactly.
      const reasonShown = new Set(lines.filter((o) => 'rejected' in o && 'reason' in o).map((o) => o.line));
      const expected = lines.map((o) => contractKey(o, reasonShown.has(o.line)));
      const actual = replayFile(join(SCENARIO_DIR, f)).map((o) => contractKey(o, 'rejected' in o && reasonShown.has(o.line)));
      expect(actual.sort()).toEqual(expected.sort());
    });
  }
});
