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
import { join, resolve } from 'node:path';
import { formatDateTime } from '../../common/zonedTime.js';
import { isUnreadableRecord, openDb, type Db } from '../core/store/db.js';
import { checkHeads, GENESIS, recordIdentity, verifyChain, type ChainPoint, type KnownHead } from '../core/store/verify.js';
import { backupFiles, backupHeads, backupRecordOf, latestVerifiedBackup, listBackups, type UsableBackup } from './backup.js';
import { backupFolderWitnesses, readWitness, WITNESS_FILE, witnessPaths, type RecordPlaces } from './headWitness.js';
import { ensurePrivateFolder } from './privateFiles.js';
import { StartupError } from './startupError.js';

export const DB_FILE = 'station.db';

export type { RecordPlaces } from './headWitness.js';

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

/** The readable head witnesses at `paths`; an unreadable one is logged and left out. */
export function readWitnesses(paths: readonly string[], log: (line: string) => void): (KnownHead & { record: string })[] {
  return paths.flatMap((path) => {
    const w = readWitness(path);
    if (w === null) return [];
    if ('error' in w) {
      log(`station: head witness ${w.path} cannot be read (${w.error}); it is not used`);
      return [];
    }
    return [{ ...w.head, record: w.record }];
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

/** Where the restore advice looks: the backups listed in the record, of the record named `record`. */
interface Candidates { readonly listed: readonly { path: string; at: number }[]; readonly record: string | null }

function refuse(o: CheckedRecordOptions, code: string, problem: string, from: Candidates): StartupError {
  const backup = latestVerifiedBackup(o.backupDir, from.listed, from.record);
  return new StartupError(code, `工作站拒绝启动：${problem}\n${restoreAdvice(o, backup)}`);
}

/** How many backup files are opened to tell whose they are. */
const BACKUPS_LOOKED_AT = 50;

/**
 * Why a missing or empty database is not a fresh install, or null when it is one: a witness of
 * this data folder's record (here, or in the backup folder), backups that are not another
 * station's (a backup folder may serve several: their witnesses say which records are theirs),
 * or recordings.
 */
function evidenceOfRecord(o: CheckedRecordOptions, witnesses: readonly KnownHead[]): string | null {
  const said: string[] = [];
  for (const w of witnesses.filter((x) => x.seq > 0)) {
    said.push(`链头见证 ${w.path} 记录过 ${w.seq} 个事件${w.at === null ? '' : `（最后一个在 ${formatDateTime(w.at, o.timeZone)}）`}`);
  }
  if (o.backupDir) {
    const mine = resolve(o.dataDir);
    const others = new Set(backupFolderWitnesses(o.backupDir).filter((w) => w.dataDir !== mine).map((w) => w.record));
    const backups = backupFiles(o.backupDir).slice(0, BACKUPS_LOOKED_AT).filter((b) => {
      const record = backupRecordOf(b.path);
      return record !== null && !others.has(record);
    });
    if (backups.length > 0) said.push(`备份文件夹 ${o.backupDir} 中有 ${backups.length} 份不属于其他工作站的备份`);
  }
  if (hasRecordings(o.dataDir)) said.push('数据文件夹中有录像文件');
  return said.length === 0 ? null : said.join('；');
}

function unreadable(o: CheckedRecordOptions, path: string, err: Error): StartupError {
  const data = readWitnesses([join(o.dataDir, WITNESS_FILE)], o.log)[0];
  return refuse(o, 'RECORD_CORRUPT', `记录数据库 ${path} 已损坏，无法读取（${err.message}）。`, { listed: [], record: data?.record ?? null });
}

/**
 * Opens the data folder's record after the checks above; throws StartupError when the station
 * must not start on it. The caller owns the returned database.
 */
export function openCheckedRecord(o: CheckedRecordOptions): CheckedRecord {
  ensurePrivateFolder(o.dataDir);
  const path = join(o.dataDir, DB_FILE);
  // The data folder's own witness names the record even when the database is gone.
  const data = readWitnesses([join(o.dataDir, WITNESS_FILE)], o.log)[0] ?? null;
  const size = existsSync(path) ? statSync(path).size : null;
  if (size === null || size === 0) {
    const mine = resolve(o.dataDir);
    const witnesses = [...(data ? [data] : []), ...(o.backupDir ? backupFolderWitnesses(o.backupDir).filter((w) => w.dataDir === mine) : [])];
    const evidence = evidenceOfRecord(o, witnesses);
    const from = { listed: [], record: witnesses[0]?.record ?? null };
    if (evidence !== null) {
      throw size === null
        ? refuse(o, 'RECORD_MISSING', `数据文件夹 ${o.dataDir} 中没有记录数据库 ${DB_FILE}，但这里不是新安装（${evidence}）。记录可能已被删除或移走。`, from)
        : refuse(o, 'RECORD_EMPTY_FILE', `记录数据库 ${path} 是空文件（0 字节），但这里不是新安装（${evidence}）。`, from);
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
    return { db, verified: checkRecord(db, o, data?.record ?? null) };
  } catch (err) {
    db.close();
    if (isUnreadableRecord(err)) throw unreadable(o, path, err);
    throw err;
  }
}

function checkRecord(db: Db, o: CheckedRecordOptions, witnessed: string | null): ChainPoint {
  // An emptied record no longer says which record it was; its witness still does.
  const record = recordIdentity(db) ?? witnessed;
  const candidates = { listed: listBackups(db).filter((b) => b.verified), record };
  const witnesses = readWitnesses(witnessPaths(o, record), o.log);
  const failed = checkHeads(db, [...witnesses, ...backupHeads(db)])[0];
  if (failed) {
    const code = failed.kind === 'rewritten' ? 'RECORD_REWRITTEN' : failed.brokenSeq === 1 ? 'RECORD_EMPTIED' : 'RECORD_SHORTENED';
    throw refuse(o, code, `${failed.problem}。`, candidates);
  }
  // Every witness is on the chain; the highest is where the last start (or run) left it verified.
  const verified = [...witnesses].sort((a, b) => b.seq - a.seq)[0] ?? GENESIS;
  const chain = verifyChain(db, verified);
  if (!chain.ok) throw refuse(o, 'RECORD_BROKEN', `记录的哈希链在第 ${chain.brokenSeq} 号事件处断开（${chain.problem}）。`, candidates);
  if (verified.seq === 0 && chain.events > 0) o.log(`station: no head witness yet; verified the whole record (${chain.events} events)`);
  return { seq: chain.events, hash: chain.headHash };
}

/**
 * Every head the record must still extend: its witnesses (in the data folder `dataDir`, and in
 * each of `backupDirs` under the record's name) and the verified backups it lists.
 */
export function knownHeads(db: Db, dataDir: string, backupDirs: readonly string[], log: (line: string) => void): KnownHead[] {
  const record = recordIdentity(db);
  const paths = [...new Set(backupDirs)].flatMap((backupDir) => witnessPaths({ dataDir, backupDir }, record));
  return [...readWitnesses([...new Set([join(dataDir, WITNESS_FILE), ...paths])], log), ...backupHeads(db)];
}

/** A damaged record found after the checks (while the station rebuilds its state from it). */
export function explainUnreadable(err: unknown, o: CheckedRecordOptions): unknown {
  return isUnreadableRecord(err) ? unreadable(o, join(o.dataDir, DB_FILE), err) : err;
}
