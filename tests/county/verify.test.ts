// The county's check of a pushed batch against the chain it holds (main/county/ingest/verify.ts).
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../main/core/store/canonical.js';
import { chainHash, GENESIS_HASH } from '../../main/core/store/chain.js';
import { checkBatch, checkReportedHead } from '../../main/county/ingest/verify.js';
import type { PushEvent } from '../../main/county/protocol.js';

function chain(n: number, edit?: { seq: number; note: string }): PushEvent[] {
  const out: PushEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const payload = canonicalJson({ personId: 'P1', note: edit?.seq === seq ? edit.note : `n${seq}` });
    const e = { seq, at: 1000 * seq, type: 'care.rest', actor: 'E1', payload };
    const hash = chainHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

const point = (e: PushEvent | undefined) => ({ seq: e?.seq ?? 0, hash: e?.hash ?? GENESIS_HASH });

describe('checkBatch', () => {
  const events = chain(6);

  it('accepts a batch that extends the held head, and repeats of held events with the same hash', () => {
    const held = point(events[2]);
    const r = checkBatch(held, events.slice(1), new Map(events.slice(1, 3).map((e) => [e.seq, e.hash])));
    expect(r.problem).toBeNull();
    expect(r.repeated).toBe(2);
    expect(r.accepted.map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(r.head).toEqual(point(events[5]));
  });

  it('finds a gap, keeping what came before it', () => {
    const r = checkBatch(point(events[0]), [events[1], events[3]].filter((e): e is PushEvent => e !== undefined), new Map());
    expect(r.accepted.map((e) => e.seq)).toEqual([2]);
    expect(r.problem).toMatchObject({ kind: 'gap', seq: 3 });
  });

  it('finds a fork: an event the county holds sent again with another hash, or one that no longer follows the held head', () => {
    const rewritten = chain(6, { seq: 2, note: 'changed' });
    const held = point(events[3]);
    const again = checkBatch(held, rewritten.slice(3), new Map([[4, events[3]?.hash ?? '']]));
    expect(again.problem).toMatchObject({ kind: 'fork', seq: 4, heldHash: events[3]?.hash, receivedHash: rewritten[3]?.hash });
    const next = checkBatch(held, rewritten.slice(4), new Map());
    expect(next.problem).toMatchObject({ kind: 'fork', seq: 4, receivedHash: rewritten[4]?.prevHash });
    expect(next.accepted).toEqual([]);
  });

  it('finds a broken hash and a payload that is not the canonical form it was hashed in', () => {
    const tampered = events.map((e) => (e.seq === 3 ? { ...e, payload: e.payload.replace('n3', 'x3') } : e));
    expect(checkBatch(point(events[1]), tampered.slice(2), new Map()).problem).toMatchObject({ kind: 'broken', seq: 3 });
    const spaced = events.map((e) => (e.seq === 3 ? { ...e, payload: e.payload.replace(',', ', ') } : e));
    expect(checkBatch(point(events[1]), spaced.slice(2), new Map()).problem).toMatchObject({ kind: 'broken', seq: 3 });
  });
});

describe('checkReportedHead', () => {
  const events = chain(4);
  it('a record ending before the county\'s copy was shortened; ending at it with another hash, rewritten', () => {
    expect(checkReportedHead(point(events[3]), point(events[3]))).toBeNull();
    expect(checkReportedHead(point(events[1]), point(events[3]))).toBeNull();
    expect(checkReportedHead(point(events[3]), point(events[1]))).toMatchObject({ kind: 'shortened', seq: 3 });
    expect(checkReportedHead(point(events[3]), { seq: 4, hash: 'f'.repeat(64) })).toMatchObject({ kind: 'fork', seq: 4 });
  });
});
