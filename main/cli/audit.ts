// npm run audit -- verify [--db PATH] [--backups DIR]
// Checks the whole hash chain of a record, and that the record still extends every head seen
// before: the head witnesses (beside the database and in the backup folders) and the verified
// backups the record lists. Names the first broken event, or the head the record no longer
// reaches, and exits 1 when anything fails.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openDb } from '../core/store/db.js';
import { verifyRecord } from '../core/store/verify.js';
import { listBackups } from '../host/backup.js';
import { knownHeads } from '../host/recordCheck.js';
import { REPO_ROOT } from '../host/rendererBuild.js';
import { parseArgs, UsageError } from './args.js';

const USAGE = 'usage: npm run audit -- verify [--db PATH] [--backups DIR]';

function main(argv: readonly string[]): number {
  const args = parseArgs(argv, { db: 'string', backups: 'string' });
  if (args.positional[0] !== 'verify' || args.positional.length !== 1) throw new UsageError('the only command is: verify');
  const path = resolve(args.options.db ?? resolve(REPO_ROOT, 'data', 'station.db'));
  if (!existsSync(path)) {
    process.stderr.write(`audit: no database at ${path}\n`);
    return 2;
  }
  const db = openDb(path, { readonly: true });
  try {
    // Witnesses live beside the database and in every folder the record's backups went to.
    const backupDirs = listBackups(db, 1_000_000).map((b) => dirname(b.path));
    const dirs = [...backupDirs, ...(args.options.backups ? [resolve(args.options.backups)] : [])];
    const result = verifyRecord(db, knownHeads(db, dirname(path), dirs, (line) => process.stderr.write(`audit: ${line}\n`)));
    process.stdout.write(`${JSON.stringify({ db: path, ...result })}\n`);
    if (result.ok) {
      process.stderr.write(`audit: 记录完整：${result.events} 个事件，链头哈希 ${result.headHash.slice(0, 16)}；与 ${result.heads.length} 个已知链头一致\n`);
      return 0;
    }
    process.stderr.write(`audit: 记录校验失败：第 ${result.brokenSeq} 号事件（${result.problem}）\n`);
    return 1;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`audit: ${(err as Error).message}\n`);
  if (err instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}
