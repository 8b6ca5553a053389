// Checks the record: every link of the hash chain (from the start, or onward from a point already
// verified), and that the record still extends every head seen before — by a verified backup or
// by the head witness the station keeps outside the database. A chain can be intact and still
// have lost its last events, or have been rewritten from some event on; only a head remembered
// elsewhere shows that.
import type { Db } from './db.js';
import { chainHash, GENESIS_HASH } from './chain.js';

export type VerifyResult =
  | { ok: true; events: number; headHash: string }
  | { ok: false; events: number; brokenSeq: number; problem: string; headHash?: string };

/** A point of the chain: event `seq` had hash `hash` (seq 0: the empty record). */
export interface ChainPoint { readonly seq: number; readonly hash: string }

export const GENESIS: ChainPoint = { seq: 0, hash: GENESIS_HASH };

interface Row { seq: number; at: number; type: string; actor: string; payload: string; prev_hash: string; hash: string }

/**
 * Walks the chain after `from` (which the caller has verified before, or the genesis) to the
 * head. `events` is the number of events up to the last one checked.
 */
export function verifyChain(db: Db, from: ChainPoint = GENESIS): VerifyResult {
  let prev = from.hash;
  let expectedSeq = from.seq + 1;
  const rows = db.prepare('SELECT seq, at, type, actor, payload, prev_hash, hash FROM events WHERE seq > ? ORDER BY seq').iterate(from.seq) as IterableIterator<Row>;
  for (const row of rows) {
    const broken = (problem: string): VerifyResult => ({ ok: false, events: expectedSeq, brokenSeq: row.seq, problem });
    if (row.seq !== expectedSeq) return broken(`事件序号不连续：应为 ${expectedSeq}，实为 ${row.seq}（有事件被删除或插入）`);
    if (row.prev_hash !== prev) return broken('前一事件哈希不符（链被改动）');
    let payloadOk = true;
    try { JSON.parse(row.payload); } catch { payloadOk = false; }
    if (!payloadOk) return broken('事件内容不是合法的 JSON');
    const expected = chainHash(prev, row);
    if (expected !== row.hash) return broken('事件哈希不符（事件内容被改动）');
    prev = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, events: expectedSeq - 1, headHash: prev };
}

/** The hash of the record's first event, which names the record (null: the record is empty). */
export function recordIdentity(db: Db): string | null {
  return (db.prepare('SELECT hash FROM events WHERE seq = 1').get() as { hash: string } | undefined)?.hash ?? null;
}

/** A head seen before: what a verified backup held, or what the head witness last wrote. */
export interface KnownHead extends ChainPoint {
  readonly source: 'backup' | 'witness';
  /** The backup file or the witness file. */
  readonly path: string;
  /** When it was seen (UTC ms), if known. */
  readonly at: number | null;
}

export type HeadCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly kind: 'shortened' | 'rewritten'; readonly brokenSeq: number; readonly problem: string };

export function headLabel(head: KnownHead): string {
  return head.source === 'backup' ? `备份 ${head.path}` : `链头见证 ${head.path}`;
}

/** Whether the record still holds `head`: its event `seq` exists and has that hash. */
export function checkHead(db: Db, head: KnownHead): HeadCheck {
  if (head.seq === 0) return { ok: true };
  const row = db.prepare('SELECT hash FROM events WHERE seq = ?').get(head.seq) as { hash: string } | undefined;
  if (!row) {
    const last = (db.prepare('SELECT max(seq) AS n FROM events').get() as { n: number | null }).n ?? 0;
    const lost = last === 0 ? '现有记录为空（全部事件缺失）' : `现有记录只到第 ${last} 号，第 ${last + 1}–${head.seq} 号事件缺失`;
    return { ok: false, kind: 'shortened', brokenSeq: last + 1, problem: `记录被截短：${headLabel(head)}记录过第 ${head.seq} 号事件，${lost}` };
  }
  if (row.hash !== head.hash) {
    return { ok: false, kind: 'rewritten', brokenSeq: head.seq, problem: `记录被改写：第 ${head.seq} 号事件的哈希与${headLabel(head)}不符，记录已不再延续该链头` };
  }
  return { ok: true };
}

/** Every head the record no longer extends, highest first. */
export function checkHeads(db: Db, heads: readonly KnownHead[]): (HeadCheck & { ok: false; head: KnownHead })[] {
  return [...heads].sort((a, b) => b.seq - a.seq).flatMap((head) => {
    const r = checkHead(db, head);
    return r.ok ? [] : [{ ...r, head }];
  });
}

export interface HeadReport { readonly source: 'backup' | 'witness'; readonly path: string; readonly seq: number; readonly hash: string; readonly ok: boolean }

/**
 * The whole check of `audit verify`: the full chain, then every known head. The chain's own
 * findings come first (they name the first broken event); a lost or rewritten tail is reported
 * with the first event missing, or the event whose hash differs.
 */
export function verifyRecord(db: Db, heads: readonly KnownHead[]): VerifyResult & { heads: HeadReport[] } {
  const chain = verifyChain(db);
  const failed = checkHeads(db, heads);
  const report = heads.map((h) => ({ source: h.source, path: h.path, seq: h.seq, hash: h.hash, ok: !failed.some((f) => f.head === h) }));
  const first = failed[0];
  if (chain.ok && first) return { ok: false, events: chain.events, headHash: chain.headHash, brokenSeq: first.brokenSeq, problem: first.problem, heads: report };
  return { ...chain, heads: report };
}
