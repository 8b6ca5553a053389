// Opening the record at start, checked: the station starts only on a record that is all there.
// - A missing or zero-byte station.db is a fresh install only when nothing says a record existed
//   (no head witness, no backup, no recording); otherwise it is a lost record.
// - A file SQLite cannot read is a damaged record, said in words, not a stack trace.
// - The record must still extend every head seen before (the head witnesses, the verified
//   backups): a shorter, emptied or rewritten record is refused.
// - The chain is walked from the last verified point (the witness) to the head, not from the
//   first event: a year of events is not re-read at every start. The whole chain is what
//   `npm run audit -- verify` checks.
// A refusal names the problem, the latest backup that verifies, and how to restore it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatDateTime } from '../../common/zonedTime.js';
import { isUnreadableRecord, openDb, type Db } from '../core/store/db.js';
import { checkHeads, GENESIS, verifyChain, type ChainPoint, type KnownHead } from '../core/store/verify.js';
import { backupFiles, backupHeads, latestVerifiedBackup, listBackups, type UsableBackup } from './backup.js';
import { readWitness } from './headWitness.js';
import { ensurePrivateFolder } from './privateFiles.js';
import { StartupError } from './startupError.js';

export const DB_FILE = 'station.db';

export interface RecordPlaces {
  readonly dataDir: string;
  /** The configured backup folder, if any. */
  readonly backupDir: string | null;
}

export interface CheckedRecordOptions extends RecordPlaces {
  readonly migrationsDir?: string;
  /** For the times in a refusal. */
  readonly timeZone: string;
  readonly log: (line: string) => void;
}

export interface CheckedRecord {
  readonly db: Db;
  /** The head, verified at this start. */
  readonly verified: ChainPoint;
}

/** The folders that hold a head witness. */
export function witnessDirs(places: RecordPlaces): string[] {
  return places.backupDir ? [places.dataDir, places.backupDir] : [places.dataDir];
}

/** The readable head witnesses; an unreadable one is logged and left out. */
export function readWitnesses(dirs: readonly string[], log: (line: string) => void): KnownHead[] {
  return dirs.flatMap((dir) => {
    const w = readWitness(dir);
    if (w === null) return [];
    if ('error' in w) {
      log(`station: head witness ${w.path} cannot be read (${w.error}); it is not used`);
      return [];
    }
    return [w.head];
  });
}

function hasRecordings(dataDir: string): boolean {
  const dir = join(dataDir, 'recordings');
  try {
    return readdirSync(dir, { withFileTypes: true }).some((e) => e.isFile() || (e.isDirectory() && readdirSync(join(dir, e.name)).length > 0));
  } catch {
    return false;
  }
}

function restoreAdvice(o: CheckedRecordOptions, backup: UsableBackup | null): string {
  if (!backup) return '没有找到校验通过的备份。请不要删除或改动数据文件夹中的任何文件，并立即报告管理员。';
  return `最近一份校验通过的备份：${backup.path}（${backup.events} 个事件，备份于 ${formatDateTime(backup.at, o.timeZone)}）。`
    + `恢复方法：npm run station -- --data ${o.dataDir} --restore ${backup.path}（再加上平时启动所用的其他参数，如 --config；受损的数据库会另存在数据文件夹中，不会删除）。`;
}

function refuse(o: CheckedRecordOptions, code: string, problem: string, listed: readonly { path: string; at: number }[] = []): StartupError {
  const backup = latestVerifiedBackup(o.backupDir, listed);
  return new StartupError(code, `工作站拒绝启动：${problem}\n${restoreAdvice(o, backup)}`);
}

/** Why a missing or empty database is not a fresh install, or null when it is one. */
function evidenceOfRecord(o: CheckedRecordOptions, witnesses: readonly KnownHead[]): string | null {
  const said: string[] = [];
  const w = [...witnesses].sort((a, b) => b.seq - a.seq)[0];
  if (w && w.seq > 0) said.push(`链头见证 ${w.path} 记录过 ${w.seq} 个事件${w.at === null ? '' : `（最后一个在 ${formatDateTime(w.at, o.timeZone)}）`}`);
  const backups = o.backupDir ? backupFiles(o.backupDir).length : 0;
  if (backups > 0) said.push(`备份文件夹 ${o.backupDir ?? ''} 中有 ${backups} 份备份`);
  if (hasRecordings(o.dataDir)) said.push(`数据文件夹中有录像文件`);
  return said.length === 0 ? null : said.join('；');
}

function unreadable(o: CheckedRecordOptions, path: string, err: Error): StartupError {
  return refuse(o, 'RECORD_CORRUPT', `记录数据库 ${path} 已损坏，无法读取（${err.message}）。`);
}

/**
 * Opens the data folder's record after the checks above; throws StartupError when the station
 * must not start on it. The caller owns the returned database.
 */
export function openCheckedRecord(o: CheckedRecordOptions): CheckedRecord {
  ensurePrivateFolder(o.dataDir);
  const path = join(o.dataDir, DB_FILE);
  const witnesses = readWitnesses(witnessDirs(o), o.log);
  const size = existsSync(path) ? statSync(path).size : null;
  if (size === null || size === 0) {
    const evidence = evidenceOfRecord(o, witnesses);
    if (evidence !== null) {
      throw size === null
        ? refuse(o, 'RECORD_MISSING', `数据文件夹 ${o.dataDir} 中没有记录数据库 ${DB_FILE}，但这里不是新安装（${evidence}）。记录可能已被删除或移走。`)
        : refuse(o, 'RECORD_EMPTY_FILE', `记录数据库 ${path} 是空文件（0 字节），但这里不是新安装（${evidence}）。`);
    }
  }
  let db: Db;
  try {
    db = openDb(path, o.migrationsDir ? { migrationsDir: o.migrationsDir } : {});
  } catch (err) {
    if (isUnreadableRecord(err)) throw unreadable(o, path, err);
    throw err;
  }
  try {
    return { db, verified: checkRecord(db, o, witnesses) };
  } catch (err) {
    db.close();
    if (isUnreadableRecord(err)) throw unreadable(o, path, err);
    throw err;
  }
}

function checkRecord(db: Db, o: CheckedRecordOptions, witnesses: readonly KnownHead[]): ChainPoint {
  const listed = listBackups(db).filter((b) => b.verified);
  const failed = checkHeads(db, [...witnesses, ...backupHeads(db)])[0];
  if (failed) {
    const code = failed.kind === 'rewritten' ? 'RECORD_REWRITTEN' : failed.brokenSeq === 1 ? 'RECORD_EMPTIED' : 'RECORD_SHORTENED';
    throw refuse(o, code, `${failed.problem}。`, listed);
  }
  // Every witness is on the chain; the highest is where the last start (or run) left it verified.
  const from = [...witnesses].sort((a, b) => b.seq - a.seq)[0] ?? GENESIS;
  const chain = verifyChain(db, from);
  if (!chain.ok) throw refuse(o, 'RECORD_BROKEN', `记录的哈希链在第 ${chain.brokenSeq} 号事件处断开（${chain.problem}）。`, listed);
  if (from.seq === 0 && chain.events > 0) o.log(`station: no head witness yet; verified the whole record (${chain.events} events)`);
  return { seq: chain.events, hash: chain.headHash };
}

/** Every head the record must still extend: the witnesses and the verified backups it lists. */
export function knownHeads(db: Db, dirs: readonly string[], log: (line: string) => void): KnownHead[] {
  return [...readWitnesses(dirs, log), ...backupHeads(db)];
}

/** A damaged record found after the checks (while the station rebuilds its state from it). */
export function explainUnreadable(err: unknown, o: CheckedRecordOptions): unknown {
  return isUnreadableRecord(err) ? unreadable(o, join(o.dataDir, DB_FILE), err) : err;
}
