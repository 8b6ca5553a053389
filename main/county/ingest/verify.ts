// Checks a pushed batch against what the county already holds of the station's chain, link by
// link, with the station's own hash (core/store/chain.ts): the accepted events are the prefix
// that extends the held head; the first thing wrong is the problem the county records.
import { canonicalJson } from '../../core/store/canonical.js';
import { chainHash } from '../../core/store/chain.js';
import type { ChainPoint, PushEvent } from '../protocol.js';

export type ProblemKind = 'gap' | 'fork' | 'broken' | 'shortened';

export interface ChainProblem {
  readonly kind: ProblemKind;
  /** The event concerned. */
  readonly seq: number;
  /** Its hash as the county holds it (null: the county holds no such event). */
  readonly heldHash: string | null;
  /** What the station says now. */
  readonly receivedHash: string;
  /** In the supervisors' words. */
  readonly detail: string;
}

export interface BatchCheck {
  /** Events that extend the held chain, in order. */
  readonly accepted: readonly PushEvent[];
  /** Events the county already held with the same hash (a push repeated after a lost answer). */
  readonly repeated: number;
  readonly problem: ChainProblem | null;
  /** The head once the accepted events are added. */
  readonly head: ChainPoint;
}

function isCanonical(payload: string): boolean {
  try {
    return canonicalJson(JSON.parse(payload)) === payload;
  } catch {
    return false;
  }
}

/**
 * `heldHashes`: the county's hashes of the batch's events it already holds (seq ≤ held.seq).
 * Events must come in seq order; the batch stops at the first problem.
 */
export function checkBatch(held: ChainPoint, events: readonly PushEvent[], heldHashes: ReadonlyMap<number, string>): BatchCheck {
  const accepted: PushEvent[] = [];
  let repeated = 0;
  let head = held;
  const done = (problem: ChainProblem | null): BatchCheck => ({ accepted, repeated, problem, head });
  for (const ev of events) {
    if (ev.seq <= held.seq) {
      const mine = heldHashes.get(ev.seq);
      if (mine === ev.hash) {
        repeated += 1;
        continue;
      }
      return done({ kind: 'fork', seq: ev.seq, heldHash: mine ?? null, receivedHash: ev.hash, detail: `第 ${ev.seq} 号事件与县局平台已保存的不同（记录分叉）` });
    }
    if (ev.seq > head.seq + 1) {
      const range = ev.seq - 1 === head.seq + 1 ? `第 ${head.seq + 1} 号` : `第 ${head.seq + 1}–${ev.seq - 1} 号`;
      return done({ kind: 'gap', seq: head.seq + 1, heldHash: null, receivedHash: ev.hash, detail: `缺少${range}事件（记录有缺口）` });
    }
    if (ev.prevHash !== head.hash) {
      return done({
        kind: 'fork', seq: head.seq, heldHash: head.hash, receivedHash: ev.prevHash,
        detail: `第 ${ev.seq} 号事件不再接续县局平台已保存的第 ${head.seq} 号事件（记录分叉）`,
      });
    }
    if (!isCanonical(ev.payload)) {
      return done({ kind: 'broken', seq: ev.seq, heldHash: null, receivedHash: ev.hash, detail: `第 ${ev.seq} 号事件的内容不是规范 JSON（事件被改动）` });
    }
    if (chainHash(ev.prevHash, ev) !== ev.hash) {
      return done({ kind: 'broken', seq: ev.seq, heldHash: null, receivedHash: ev.hash, detail: `第 ${ev.seq} 号事件的哈希与内容不符（事件被改动）` });
    }
    accepted.push(ev);
    head = { seq: ev.seq, hash: ev.hash };
  }
  return done(null);
}

/**
 * The station's own head against what the county holds: a record that ends before the county's
 * copy lost its tail; one that ends at the same event with another hash was rewritten.
 */
export function checkReportedHead(held: ChainPoint, reported: ChainPoint): ChainProblem | null {
  if (reported.seq < held.seq) {
    return {
      kind: 'shortened', seq: reported.seq + 1, heldHash: null, receivedHash: reported.hash,
      detail: `工作站记录只到第 ${reported.seq} 号事件，县局平台已保存到第 ${held.seq} 号（记录被截短）`,
    };
  }
  if (reported.seq === held.seq && reported.hash !== held.hash) {
    return { kind: 'fork', seq: held.seq, heldHash: held.hash, receivedHash: reported.hash, detail: `第 ${held.seq} 号事件与县局平台已保存的不同（记录分叉）` };
  }
  return null;
}
