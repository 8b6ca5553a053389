import { describe, expect, it } from 'vitest';
import { transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'storage_low';
const disk = (sec: number, low: boolean, freeBytes = low ? 1e9 : 5e10): Step => [sec, { type: 'storage.status', path: '/data/recordings', freeBytes, totalBytes: 1e11, low }];
const table: [string, Step[], number, Seen[]][] = [
  ['low disk at once, until space is freed', [disk(10, true), disk(50, false)], 100, [[10, 'raised', 'device:storage'], [50, 'resolved', 'device:storage']]],
  ['a repeated low report is one alarm', [disk(10, true), disk(20, true, 5e8)], 100, [[10, 'raised', 'device:storage']]],
  ['enough space', [disk(10, false)], 100, []],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
