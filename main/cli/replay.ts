// npm run replay -- FILE [--db PATH]
import { existsSync, statSync } from 'node:fs';
import { openDb } from '../core/store/db.js';
import { fileLines } from '../replay/fileLines.js';
import { replay, ReplayFormatError, type ReplayOutput } from '../replay/replay.js';
import { parseArgs, UsageError } from './args.js';

function main(): number {
  const args = parseArgs(process.argv.slice(2), { db: 'string' });
  const file = args.positional[0];
  if (!file || args.positional.length > 1) {
    process.stderr.write('usage: npm run replay -- FILE [--db PATH]\n');
    return 2;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    process.stderr.write(`replay: no such file: ${file}\n`);
    return 2;
  }
  // Without --db the replay keeps no record at all; with one it writes a record a station can start on.
  const db = args.options.db === undefined ? null : openDb(args.options.db);
  // A replayed record is a scratch copy: durability of each line is not worth an fsync.
  db?.pragma('synchronous = OFF');
  // Buffer output: a line per write would dominate a long replay.
  let buffer = '';
  const out = (o: ReplayOutput): void => {
    buffer += `${JSON.stringify(o)}\n`;
    if (buffer.length > 1 << 16) {
      process.stdout.write(buffer);
      buffer = '';
    }
  };
  try {
    replay(fileLines(file), db, out);
    return 0;
  } catch (err) {
    if (err instanceof ReplayFormatError) {
      process.stderr.write(`replay: ${file}: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    process.stdout.write(buffer);
    db?.close();
  }
}

try {
  process.exitCode = main();
} catch (err) {
  const usage = err instanceof UsageError;
  process.stderr.write(`replay: ${usage ? (err as Error).message : ((err as Error).stack ?? String(err))}\n`);
  if (usage) process.stderr.write('usage: npm run replay -- FILE [--db PATH]\n');
  process.exitCode = usage ? 2 : 1;
}
