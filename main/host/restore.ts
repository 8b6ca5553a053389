// npm run station -- --restore BACKUP: puts a verified backup in place of a lost or damaged record.
// Nothing is deleted: the damaged database (with its -wal and -shm files) and the head witnesses
// that described it are moved into a `damaged-<time>` folder of the data folder (a witness in a
// backup folder is renamed beside itself), where they stay for whoever investigates. The backup is
// copied, flushed and renamed into place, so an interrupted restore leaves no half record. The
// station then starts on it and records the restore as the record's next event.
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SubmitResult, Station } from '../core/station.js';
import { openDb } from '../core/store/db.js';
import { recordIdentity, verifyChain, type ChainPoint } from '../core/store/verify.js';
import { SYSTEM_ACTOR } from '../../common/events.js';
import { fileStamp } from './backup.js';
import { backupWitnessPath, WITNESS_FILE, type RecordPlaces } from './headWitness.js';
import { ensurePrivateFolder, FILE_MODE, FOLDER_MODE } from './privateFiles.js';
import { DB_FILE, readWitnesses } from './recordCheck.js';
import { StartupError } from './startupError.js';

export interface RestoreReport {
  readonly backup: string;
  readonly events: number;
  readonly headHash: string;
  /** Where the damaged database was kept (null: there was none). */
  readonly damaged: string | null;
  /** The highest head the witnesses had seen (what the backup may not reach). */
  readonly witness: ChainPoint | null;
}

/** The backup's own check: its whole chain must hold, and it must hold something. */
function checkBackup(path: string): { events: number; headHash: string; record: string } {
  if (!existsSync(path)) throw new StartupError('RESTORE_NO_BACKUP', `无法恢复：备份文件 ${path} 不存在。`);
  let result;
  let record;
  try {
    const copy = openDb(path, { readonly: true });
    try {
      result = verifyChain(copy);
      record = recordIdentity(copy);
    } finally {
      copy.close();
    }
  } catch (err) {
    throw new StartupError('RESTORE_BAD_BACKUP', `无法恢复：备份文件 ${path} 无法读取（${(err as Error).message}）。请换一份备份。`, { cause: err });
  }
  if (!result.ok) throw new StartupError('RESTORE_BAD_BACKUP', `无法恢复：备份文件 ${path} 校验未通过（第 ${result.brokenSeq} 号事件：${result.problem}）。请换一份备份。`);
  if (record === null) throw new StartupError('RESTORE_BAD_BACKUP', `无法恢复：备份文件 ${path} 中没有任何事件。`);
  return { events: result.events, headHash: result.headHash, record };
}

export function restoreBackup(places: RecordPlaces, backupPath: string, now: number, log: (line: string) => void): RestoreReport {
  const backup = resolve(backupPath);
  const target = join(places.dataDir, DB_FILE);
  if (backup === resolve(target)) throw new StartupError('RESTORE_SAME_FILE', `无法恢复：${backup} 就是数据文件夹中的记录本身，请指定备份文件夹中的备份。`);
  const { events, headHash, record } = checkBackup(backup);
  ensurePrivateFolder(places.dataDir);

  // The witnesses of this record: what they had seen goes on the record of the restore.
  const dataWitness = join(places.dataDir, WITNESS_FILE);
  const backupWitnesses = [...new Set([...(places.backupDir ? [places.backupDir] : []), dirname(backup)])].map((dir) => backupWitnessPath(dir, record));
  const own = readWitnesses([dataWitness], log)[0];
  if (own && own.record !== record) {
    throw new StartupError('RESTORE_OTHER_RECORD', `无法恢复：备份文件 ${backup} 不是本数据文件夹中记录的备份（两者的第一个事件不同），可能是其他工作站的备份。请指定本工作站的备份。`);
  }
  const seen = readWitnesses([dataWitness, ...backupWitnesses], log).sort((a, b) => b.seq - a.seq)[0];

  const aside = join(places.dataDir, `damaged-${fileStamp(now)}`);
  mkdirSync(aside, { mode: FOLDER_MODE });
  let damaged: string | null = null;
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (!existsSync(target + suffix)) continue;
    renameSync(target + suffix, join(aside, DB_FILE + suffix));
    if (suffix === '') damaged = join(aside, DB_FILE);
  }
  if (existsSync(dataWitness)) renameSync(dataWitness, join(aside, WITNESS_FILE));
  for (const witness of backupWitnesses.filter((w) => existsSync(w))) renameSync(witness, witness.replace(/\.json$/, `.damaged-${fileStamp(now)}.json`));

  const partial = `${target}.restoring`;
  copyFileSync(backup, partial);
  if (process.platform !== 'win32') chmodSync(partial, FILE_MODE);
  const fd = openSync(partial, 'r+');
  try { fsyncSync(fd); } finally { closeSync(fd); }
  renameSync(partial, target);
  log(`station: record restored from ${backup} (${events} events)${damaged ? `; the damaged database is kept in ${aside}` : ''}`);
  return { backup, events, headHash, damaged, witness: seen ? { seq: seen.seq, hash: seen.hash } : null };
}

/** The restore, as the first event the station records on the restored record. */
export function recordRestore(station: Station, report: RestoreReport): SubmitResult {
  return station.submit({
    type: 'record.restore', backup: report.backup, events: report.events, headHash: report.headHash, damaged: report.damaged,
    witnessEvents: report.witness?.seq ?? null, witnessHash: report.witness?.hash ?? null,
  }, { actor: SYSTEM_ACTOR });
}
