// Lines read together (one JSON.parse for a batch) must come out exactly as read one by one:
// the same values, the same format errors on the same lines. The batches below mix good lines with
// lines that are wrong alone but would parse if the batch's join were naive (a text or an object
// left open on one line and closed on the next, two values on one line to keep the count).
import { describe, expect, it } from 'vitest';
import { readJsonLine, readLine, readLines, readTagReadLine, type ScenarioLine } from '../../main/replay/lines.js';

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

/**
 * Wristband reads as the station writes them, and the same with one thing changed: what the reading
 * without JSON.parse must take as JSON.parse does (an escape, a control character, a space, a
 * number JSON writes otherwise, another order, another field) or leave to it.
 */
function tagReadVariants(random: () => number): string[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const texts = ['RD-1', 'T0001', '', 'é读卡器', '\\u0041', 'a\\"b', 'a\\\\b', 'tab\\t', 'x\u0001', 'x\u007f', '\ud800', 'x]', '[y'];
  const rssis = ['', ',"rssi":-50', ',"rssi":0', ',"rssi":-0', ',"rssi":07', ',"rssi":-5.5', ',"rssi":1e2', ',"rssi":-1234567890', ',"rssi":123456789', ',"rssi":"-50"', ',"rssi":null', ',"rssi": -50', ',"rssi":-'];
  const ats = [at(7), '2026-03-02T08:00:07Z', '2026-03-02T08:00:07.250+08:00', 'nope', '', '2026-03-02 08:00:07', '2026-03-02T08:00:61+08:00'];
  const out: string[] = [];
  for (let i = 0; i < 400; i++) {
    const line = `{"at":"${pick(ats)}","type":"tag.read","reader":"${pick(texts)}","tag":"${pick(texts)}"${pick(rssis)}}`;
    out.push(line);
    const cut = Math.floor(random() * line.length);
    out.push(line.slice(0, cut) + pick([' ', '', '"', '}', ',"antenna":1', ',"actor":"O1"', '\\n']) + line.slice(cut + (random() < 0.5 ? 1 : 0)));
  }
  out.push('{"type":"tag.read","at":"2026-03-02T08:00:07+08:00","reader":"R","tag":"T"}', '{"at":"2026-03-02T08:00:07+08:00","type":"tag.reads","reader":"R","tag":"T"}');
  return out;
}

describe('wristband reads read without JSON.parse', () => {
  it('come out as JSON.parse reads them, or are left to it (10,000 lines)', () => {
    const random = seeded(8);
    let fast = 0;
    for (let run = 0; run < 13; run++) {
      for (const text of tagReadVariants(random)) {
        const direct = readTagReadLine(text);
        const parsed = readJsonLine(text);
        if (direct !== null) {
          fast += 1;
          expect(direct, text).toEqual(parsed);
          // The same numbers (toEqual holds -0 and 0 apart) and the same keys in the same order.
          expect(Object.keys(direct.kind === 'event' ? direct.body : {}), text).toEqual(Object.keys(parsed.kind === 'event' ? parsed.body : {}));
        }
        expect(readLine(text), text).toEqual(parsed);
      }
    }
    // Both paths were taken, many times each.
    expect(fast).toBeGreaterThan(300);
    expect(fast).toBeLessThan(10_000);
  });

  it('take the lines the station writes', () => {
    for (let i = 0; i < 50; i++) expect(readTagReadLine(read(i))).not.toBeNull();
    expect(readTagReadLine(JSON.stringify({ at: at(1), type: 'tag.read', reader: 'R', tag: 'T' }))).not.toBeNull();
  });
});
