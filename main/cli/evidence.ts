// npm run evidence -- export --data DIR --session ID --out OUT [--config FILE]
// npm run evidence -- verify OUT [--data DIR]
//
// export: a finished session's recording as evidence (one MP4 per camera, manifest.json, the
// printable summary.html), put on the record as evidence.export. While a station runs on DIR it
// does the export (the record has one writer); otherwise the record is opened here.
// verify: re-checks every file and hash of an export (and, with --data, that the record holds it).
// Both print one JSON line on stdout and say the outcome in Chinese on stderr; exit 0 when done /
// intact, 1 when refused / changed, 2 on a usage error.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { openDb } from '../core/store/db.js';
import { RecordingStore } from '../core/store/recordings.js';
import { loadConfig } from '../host/config.js';
import { hostConfig } from '../host/boot.js';
import { DEMO_DIR, findConfig } from '../host/dataFolder.js';
import { readSettingsFile, settingsPath } from '../host/settingsFile.js';
import { lockDataFolder, type DataLock } from '../host/dataLock.js';
import { StartupError } from '../host/startupError.js';
import { DB_FILE } from '../host/recordCheck.js';
import { StationHost } from '../host/stationHost.js';
import { askStation } from '../media/evidenceSocket.js';
import { evidenceRequestHandler } from '../media/evidenceRequests.js';
import { verifyExport } from '../media/evidenceVerify.js';
import { parseArgs, UsageError } from './args.js';

const USAGE = 'usage: npm run evidence -- export --data DIR --session ID --out OUT [--config FILE]\n       npm run evidence -- verify OUT [--data DIR]';

const say = (line: string): void => { process.stderr.write(`evidence: ${line}\n`); };
const print = (value: unknown): void => { process.stdout.write(`${JSON.stringify(value)}\n`); };

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The folder of the data folder's record: its own, or demo/ when it holds only the example area's. */
function recordFolder(dataDir: string): string | null {
  if (existsSync(join(dataDir, DB_FILE))) return dataDir;
  const demo = join(dataDir, DEMO_DIR);
  return existsSync(join(demo, DB_FILE)) ? demo : null;
}

async function exportCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { data: 'string', session: 'string', out: 'string', config: 'string' });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0] ?? ''}`);
  const { data, session, out } = args.options;
  if (!data || !session || !out) throw new UsageError('export needs --data, --session and --out');
  const dataDir = resolve(data);
  const recordDir = recordFolder(dataDir);
  if (recordDir === null) {
    say(`${dataDir} 中没有工作站记录（${DB_FILE}）`);
    print({ ok: false, code: 'NO_RECORD', message: `no record in ${dataDir}` });
    return 1;
  }
  const ask = { op: 'export' as const, session, out: resolve(out), osUser: osUser() };
  let reply = await askStation(recordDir, ask);
  let by = 'station';
  if (reply === null) {
    // No station answers on this folder: this process is the record's only writer while it
    // exports, holding the folder as a station does (a station started meanwhile is refused).
    let lock: DataLock;
    try {
      lock = lockDataFolder(dataDir, Date.now());
    } catch (err) {
      if (!(err instanceof StartupError) || err.code !== 'DATA_IN_USE') throw err;
      say(`数据目录 ${dataDir} 正由一个工作站使用，但它没有应答导出请求；请稍后重试，或在值班台的讯（询）问页面导出`);
      print({ ok: false, code: 'DATA_IN_USE', message: `the data folder ${dataDir} is held by a station that did not answer` });
      return 1;
    }
    try {
      // The station's settings (its recording settings among them) as the station reads them.
      const present = readSettingsFile(settingsPath(dataDir));
      const given = findConfig(args.options.config, process.env);
      const config = present ? hostConfig(present.settings, null) : given ? loadConfig(given) : null;
      const host = new StationHost({ dataDir: recordDir, config, log: (line) => say(line) });
      try {
        reply = await evidenceRequestHandler(host.media)(ask);
      } finally {
        await host.media.stop();
        host.close();
      }
    } finally {
      lock.release();
    }
    by = 'record';
  }
  if (!reply.ok) {
    say(reply.message);
    print({ ok: false, code: reply.code, message: reply.message });
    return 1;
  }
  const r = reply.result as { exportId: string; dir: string; files: unknown[]; changed: number; gaps: number };
  say(`已导出讯（询）问 ${session} 的录像到 ${r.dir}（${r.files.length} 个文件${r.gaps > 0 ? `，${r.gaps} 处录像缺失` : ''}${r.changed > 0 ? `，${r.changed} 个被改动的片段未导出` : ''}）；核验：npm run evidence -- verify ${r.dir}`);
  print({ ok: true, by, ...r });
  return 0;
}

async function verifyCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { data: 'string' });
  const [dir, ...extra] = args.positional;
  if (!dir || extra.length > 0) throw new UsageError('verify needs exactly one export folder');
  let recorded: ((exportId: string) => string | null) | undefined;
  let close = (): void => undefined;
  if (args.options.data) {
    const folder = recordFolder(resolve(args.options.data));
    if (folder === null) throw new UsageError(`no record in ${resolve(args.options.data)}`);
    const db = openDb(join(folder, DB_FILE), { readonly: true });
    const store = new RecordingStore(db);
    recorded = (id) => store.exportById(id)?.manifestSha256 ?? null;
    close = () => db.close();
  }
  try {
    const result = await verifyExport(resolve(dir), recorded);
    print(result);
    if (result.ok) say(`导出完整：${result.filesChecked} 个文件与清单一致，${result.eventsChecked} 个事件与链哈希一致${result.recorded ? '；记录中有此导出' : ''}`);
    else say(`导出核验失败：${result.problems.map((p) => `${p.file}：${p.problem}`).join('；')}`);
    return result.ok ? 0 : 1;
  } finally {
    close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'export') return exportCommand(rest);
  if (command === 'verify') return verifyCommand(rest);
  throw new UsageError(command ? `unknown command ${command}` : 'a command is needed: export or verify');
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  if (err instanceof UsageError) {
    say(err.message);
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  say((err as Error).message);
  print({ ok: false, code: 'ERROR', message: (err as Error).message });
  process.exitCode = 1;
});
