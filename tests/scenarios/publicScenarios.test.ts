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
      const expected = readFileSync(join(SCENARIO_DIR, f.replace(/\.jsonl$/, '.expected.jsonl')), 'utf8')
        .split('\n').filter((l) => l.trim() !== '').map((l) => contractKey(JSON.parse(l) as Record<string, unknown>));
      const actual = replayFile(join(SCENARIO_DIR, f)).map((o) => contractKey(o));
      expect(actual.sort()).toEqual(expected.sort());
    });
  }
});
