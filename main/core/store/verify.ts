// Walks the whole record and checks every link of the hash chain.
import type { Db } from './db.js';
import { chainHash, GENESIS_HASH } from './chain.js';

export type VerifyResult =
  | { ok: true; events: number; headHash: string }
  | { ok: false; events: number; brokenSeq: number; problem: string };

interface Row { seq: number; at: number; type: string; actor: string; payload: string; prev_hash: string; hash: string }

export function verifyChain(db: Db): VerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const rows = db.prepare('SELECT seq, at, type, actor, payload, prev_hash, hash FROM events ORDER BY seq').iterate() as IterableIterator<Row>;
  for (const row of rows) {
    count += 1;
    const broken = (problem: string): VerifyResult => ({ ok: false, events: count, brokenSeq: row.seq, problem });
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
  return { ok: true, events: count, headHash: prev };
}
