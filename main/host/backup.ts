// Backups of the record with SQLite's online backup API (a consistent copy while the station
// keeps writing), verified after writing: the copy's whole chain must check out and its head must
// be an event of the live record with the same hash. Backups are personal data like the record:
// an owner-only folder, owner-only files.
import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupView } from '../../common/views.js';
import { openDb, type Db } from '../core/store/db.js';
import { recordIdentity, verifyChain, type KnownHead } from '../core/store/verify.js';
import { ensurePrivateFolder, FILE_MODE } from './privateFiles.js';

const BACKUP_NAME = /^station-(\d{8})-(\d{6})Z\.db$/;

/** An instant as it appears in file names: 20260302-080000 (UTC). */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export async function backupRecord(db: Db, dir: string, now: number): Promise<BackupView> {
  ensurePrivateFolder(dir);
  const path = join(dir, `station-${fileStamp(now)}Z.db`);
  let view: BackupView;
  try {
    await db.backup(path);
    if (process.platform !== 'win32') chmodSync(path, FILE_MODE);
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

/** The heads of every verified backup the record lists: the record must still extend each. */
export function backupHeads(db: Db): KnownHead[] {
  return (db.prepare('SELECT at, path, events, head_hash FROM backups WHERE verified = 1 AND events > 0 ORDER BY id').all() as {
    at: number; path: string; events: number; head_hash: string;
  }[]).map((r) => ({ source: 'backup', path: r.path, seq: r.events, hash: r.head_hash, at: r.at }));
}

/** The backup files in `dir`, newest first, with the instant their name gives. */
export function backupFiles(dir: string): { path: string; at: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const m = BACKUP_NAME.exec(name);
    if (!m?.[1] || !m[2]) return [];
    const [d, t] = [m[1], m[2]];
    const at = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4, 6));
    return [{ path: join(dir, name), at }];
  }).sort((a, b) => b.at - a.at);
}

/** Which record a backup file is a copy of (the hash of its first event); null if unreadable or empty. */
export function backupRecordOf(path: string): string | null {
  try {
    const copy = openDb(path, { readonly: true });
    try { return recordIdentity(copy); } finally { copy.close(); }
  } catch {
    return null;
  }
}

/** A backup file whose whole chain checks out: what `--restore` can bring back. */
export interface UsableBackup {
  readonly path: string; readonly at: number; readonly events: number; readonly headHash: string;
  /** Which record it is a copy of (the hash of its first event). */
  readonly record: string;
}

/**
 * Opens and verifies a backup file of the record named `record` (null: of any record); null when it
 * is unreadable, empty, broken, or a copy of another record (which costs no chain walk).
 */
export function checkBackupFile(path: string, at: number, record: string | null = null): UsableBackup | null {
  try {
    const copy = openDb(path, { readonly: true });
    try {
      const identity = recordIdentity(copy);
      if (identity === null || (record !== null && identity !== record)) return null;
      const r = verifyChain(copy);
      return r.ok ? { path, at, events: r.events, headHash: r.headHash, record: identity } : null;
    } finally {
      copy.close();
    }
  } catch {
    return null;
  }
}

/** How many backups are looked at, newest first, before giving up. */
const CANDIDATES = 30;

/**
 * The newest backup that verifies, from the files in the backup folder and the backups the record
 * lists (when it can still be read) — of the record named `record` when that is known (a backup
 * folder may hold other stations' backups too). Used only when the station refuses to start.
 */
export function latestVerifiedBackup(dir: string | null, listed: readonly { path: string; at: number }[], record: string | null): UsableBackup | null {
  const seen = new Set<string>();
  const candidates = [...(dir ? backupFiles(dir) : []), ...listed]
    .sort((a, b) => b.at - a.at)
    .filter((c) => !seen.has(c.path) && seen.add(c.path));
  for (const c of candidates.slice(0, CANDIDATES)) {
    const usable = checkBackupFile(c.path, c.at, record);
    if (usable) return usable;
  }
  return null;
}

/** Milliseconds from `now` to the next local `hour`:00 in `offsetMinutes`. */
export function msUntilHour(now: number, hour: number, offsetMinutes: number): number {
  const local = now + offsetMinutes * 60_000;
  const day = Math.floor(local / 86_400_000) * 86_400_000;
  let next = day + hour * 3_600_000;
  if (next <= local) next += 86_400_000;
  return next - local;
}
