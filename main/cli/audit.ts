// npm run audit -- verify [--db PATH]
// Checks the whole hash chain of a record; names the first broken event and exits 1 when broken.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDb } from '../core/store/db.js';
import { verifyChain } from '../core/store/verify.js';
import { REPO_ROOT } from '../host/rendererBuild.js';
import { parseArgs, UsageError } from './args.js';

const USAGE = 'usage: npm run audit -- verify [--db PATH]';

function main(argv: readonly string[]): number {
  const args = parseArgs(argv, { db: 'string' });
  if (args.positional[0] !== 'verify' || args.positional.length !== 1) throw new UsageError('the only command is: verify');
  const path = resolve(args.options.db ?? resolve(REPO_ROOT, 'data', 'station.db'));
  if (!existsSync(path)) {
    process.stderr.write(`audit: no database at ${path}\n`);
    return 2;
  }
  const db = openDb(path, { readonly: true });
  try {
    const result = verifyChain(db);
    process.stdout.write(`${JSON.stringify({ db: path, ...result })}\n`);
    if (result.ok) {
      process.stderr.write(`audit: 记录完整：${result.events} 个事件，链头哈希 ${result.headHash.slice(0, 16)}\n`);
      return 0;
    }
    process.stderr.write(`audit: 记录已被改动：第 ${result.brokenSeq} 号事件校验失败（${result.problem}）\n`);
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
