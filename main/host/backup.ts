// Backups of the record with SQLite's online backup API (a consistent copy while the station
// keeps writing), verified after writing: the copy's whole chain must check out and its head must
// be an event of the live record with the same hash.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupView } from '../../common/views.js';
import { openDb, type Db } from '../core/store/db.js';
import { verifyChain } from '../core/store/verify.js';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export async function backupRecord(db: Db, dir: string, now: number): Promise<BackupView> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `station-${stamp(now)}Z.db`);
  let view: BackupView;
  try {
    await db.backup(path);
    const copy = openDb(path, { readonly: true });
    try {
      const result = verifyChain(copy);
      if (!result.ok) throw new Error(`备份校验失败：第 ${result.brokenSeq} 号事件（${result.problem}）`);
      const live = db.prepare('SELECT hash FROM events WHERE seq = ?').get(result.events) as { hash: string } | undefined;
      if (result.events > 0 && live?.hash !== result.headHash) throw new Error('备份的链头与工作站记录不一致');
      view = { at: now, path, events: result.events, headHash: result.headHash, verified: true, error: null };
    } finally {
      copy.close();
    }
  } catch (err) {
    view = { at: now, path, events: 0, headHash: '', verified: false, error: (err as Error).message };
  }
  db.prepare('INSERT INTO backups (at, path, events, head_hash, verified, error) VALUES (?, ?, ?, ?, ?, ?)')
    .run(view.at, view.path, view.events, view.headHash, view.verified ? 1 : 0, view.error);
  return view;
}

export function listBackups(db: Db, limit = 100): BackupView[] {
  return (db.prepare('SELECT * FROM backups ORDER BY id DESC LIMIT ?').all(limit) as {
    at: number; path: string; events: number; head_hash: string; verified: number; error: string | null;
  }[]).map((r) => ({ at: r.at, path: r.path, events: r.events, headHash: r.head_hash, verified: r.verified === 1, error: r.error }));
}

/** Milliseconds from `now` to the next local `hour`:00 in `offsetMinutes`. */
export function msUntilHour(now: number, hour: number, offsetMinutes: number): number {
  const local = now + offsetMinutes * 60_000;
  const day = Math.floor(local / 86_400_000) * 86_400_000;
  let next = day + hour * 3_600_000;
  if (next <= local) next += 86_400_000;
  return next - local;
}
