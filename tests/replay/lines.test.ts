// Lines read together (one JSON.parse for a batch) must come out exactly as read one by one:
// the same values, the same format errors on the same lines. The batches below mix good lines with
// lines that are wrong alone but would parse if the batch's join were naive (a text or an object
// left open on one line and closed on the next, two values on one line to keep the count).
import { describe, expect, it } from 'vitest';
import { readLine, readLines, type ScenarioLine } from '../../main/replay/lines.js';

const at = (s: number): string => `2026-03-02T08:00:${String(s).padStart(2, '0')}+08:00`;
const read = (i: number): string => JSON.stringify({ at: at(i % 60), type: 'tag.read', reader: `RD-${i % 7}`, tag: `T${i}`, rssi: -50 - (i % 9) });

/** Lines each wrong alone (or not a tag read), some of which a comma join would run together. */
const TRICKY = [
  '{"at":"2026-03-02T08:00:01+08:00","type":"tag.read","reader":"R","tag":"x',
  '{"y":1}"}',
  '{y}"}',
  '{"p":1},{"q":2}',
  '{"at":"2026-03-02T08:00:01+08:00","type":"clock","a":{"b":1}',
  '{"c":2}},{"d":3}',
  '{"at":"2026-03-02T08:00:01+08:00","type":"clock","a":[{"b":1}',
  '{"c":2}]},{"d":3}',
  '{"at":"2026-03-02T08:00:01+08:00","type":"clock","n":"a\\',
  '{"at":"2026-03-02T08:00:01+08:00","type":"clock"} ',
  '  {"at":"2026-03-02T08:00:01+08:00","type":"clock"}',
  '{"at":"2026-03-02T08:00:01+08:00","type":"clock"},',
  '{"at":"2026-03-02T08:00:01+08:00","type":"clock","list":[1,2]}',
  '{"at":"2026-03-02T08:00:01+08:00","type":"person.enter","person":{"name":"[张三]"}}',
  '{"at":"2026-03-02T08:00:01+08:00","type":"clock","__proto__":{"x":1}}',
  '{"at":"2026-03-02T08:00:01+08:00","type":"clock","type":"tag.read"}',
  '{"at":"nope","type":"clock"}',
  '{"type":"clock"}',
  '{}',
  '# a comment',
  '',
  '   ',
  '1',
  '"text"',
  '{',
  '}',
];

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const oneByOne = (texts: readonly string[]): ScenarioLine[] => texts.map((t) => readLine(t));

function together(texts: readonly string[]): ScenarioLine[] {
  const into: ScenarioLine[] = [{ kind: 'skip' }];
  readLines(texts, into);
  return into;
}

describe('lines read together', () => {
  it('are read as each line alone, in a batch of good lines', () => {
    const texts = Array.from({ length: 512 }, (_x, i) => read(i));
    texts[100] = '# a comment';
    texts[200] = '';
    const lines = together(texts);
    expect(lines).toEqual(oneByOne(texts));
    expect(lines.filter((l) => l.kind === 'event')).toHaveLength(510);
  });

  it.each(TRICKY.map((t, i) => [i, t] as const))('leave line %i wrong or right as it is alone, amid good ones', (_i, tricky) => {
    for (const place of [0, 1, 5, 9]) {
      const texts = Array.from({ length: 10 }, (_x, i) => read(i));
      texts[place] = tricky;
      expect(together(texts)).toEqual(oneByOne(texts));
    }
  });

  it('run together no two lines, whatever the mix (2,000 random batches)', () => {
    const random = seeded(14);
    for (let run = 0; run < 2000; run++) {
      const texts = Array.from({ length: 1 + Math.floor(random() * 12) }, (_x, i) => (random() < 0.4 ? TRICKY[Math.floor(random() * TRICKY.length)] ?? '' : read(run + i)));
      expect(together(texts), texts.join('\n')).toEqual(oneByOne(texts));
    }
  });

  it('on the three lines that a comma join would read as three good values, names the first as wrong', () => {
    const texts = ['{"at":"2026-03-02T08:00:01+08:00","type":"clock","n":"x', '{y}"}', '{"p":1},{"q":2}'];
    expect(JSON.parse(`[${texts.join(',')}]`)).toHaveLength(3);
    const [first] = together(texts);
    expect(first?.kind).toBe('format-error');
  });

  it('on two lines that an inner array would join into two good values, names the first as wrong', () => {
    const texts = ['{"at":"2026-03-02T08:00:01+08:00","type":"clock","a":[{"b":1}', '{"c":2}]},{"d":3}'];
    expect(JSON.parse(`[${texts.join('\n,')}]`)).toHaveLength(2);
    expect(together(texts)).toEqual(oneByOne(texts));
    expect(together(texts)[0]?.kind).toBe('format-error');
  });
});
