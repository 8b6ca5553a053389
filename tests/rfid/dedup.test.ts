import { expect, test } from 'vitest';
import { Dedup } from '../../hardware/rfid/dedup.js';

test('one read per tag per window; a tag still in view is passed on again when its window ends', () => {
  const d = new Dedup(1000);
  expect(d.admit('A', 0)).toBe(true);
  expect(d.admit('A', 999)).toBe(false);
  expect(d.admit('B', 500)).toBe(true);
  expect(d.admit('A', 1000)).toBe(true);
  expect(d.admit('A', 1500)).toBe(false);
});

test('a clock that steps back passes the read on', () => {
  const d = new Dedup(1000);
  d.admit('A', 10_000);
  expect(d.admit('A', 9_000)).toBe(true);
});

test('window 0 passes everything', () => {
  const d = new Dedup(0);
  expect([d.admit('A', 0), d.admit('A', 0)]).toEqual([true, true]);
});

test('tags whose window ended are forgotten, so passing tags cannot grow the map for ever', () => {
  const d = new Dedup(100);
  for (let i = 0; i < 100_000; i++) d.admit(`T${i}`, i);
  expect(d.size).toBeLessThan(3000);
});
