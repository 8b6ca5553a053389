// npm run replay -- FILE [--db PATH]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openDb } from '../core/store/db.js';
import { replay, ReplayFormatError, type ReplayOutput } from '../replay/replay.js';
import { parseArgs } from './args.js';

async function* linesOf(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

async function main(): Promise<number> {
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
  const dbPath = args.options.db ?? ':memory:';
  const db = openDb(dbPath);
  // A replayed record is a scratch copy: durability of each line is not worth an fsync.
  db.pragma('synchronous = OFF');
  // Buffer output: a line per write would dominate a long replay.
  let buffer = '';
  const out = (o: ReplayOutput): void => {
    buffer += `${JSON.stringify(o)}\n`;
    if (buffer.length > 1 << 16) {
      process.stdout.write(buffer);
      buffer = '';
    }
  };
  const lines: string[] = [];
  for await (const l of linesOf(file)) lines.push(l);
  try {
    replay(lines, db, out);
    return 0;
  } catch (err) {
    if (err instanceof ReplayFormatError) {
      process.stderr.write(`replay: ${file}: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    process.stdout.write(buffer);
    db.close();
  }
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`replay: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
