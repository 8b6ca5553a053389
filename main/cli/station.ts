// npm run station -- [--config FILE] [--data DIR] [--port N] [--lan] [--bind ADDRESS] [--rebuild] [--restore BACKUP]
// The headless station: the same start-up as the desk app (main/host/boot.ts), with the pages and
// the API served over HTTP on 127.0.0.1 (HTTPS on the LAN when LAN access is on). Prints one JSON
// line on stdout — {"event":"listening",…} when it is ready, {"event":"refused","code":…} when it
// will not start —; people read stderr. --restore puts a verified backup in place of a lost or
// damaged record first (main/host/restore.ts).
import { resolve } from 'node:path';
import { bootStation, type BootedStation } from '../host/boot.js';
import { ensureRendererBuilt, REPO_ROOT } from '../host/rendererBuild.js';
import { parseStartArgs, reopenArgs, START_USAGE } from '../host/startArgs.js';
import { StartupError } from '../host/startupError.js';
import { STARTUP_TEXT } from '../../common/startupText.js';
import { UsageError } from './args.js';

const USAGE = `usage: npm run station -- ${START_USAGE}`;

export async function runStation(argv: readonly string[]): Promise<BootedStation> {
  const log = (line: string): void => { process.stderr.write(`${line}\n`); };
  const rendererDir = await ensureRendererBuilt(log, parseStartArgs(argv).rebuild);
  let closing = false;
  // The person may choose the other record (example / this area's) on the page: the station stops
  // and starts again on it, on the same port, and says so with a new "listening" line.
  let current: BootedStation;
  const boot = async (args: readonly string[]): Promise<BootedStation> => {
    const booted = await bootStation({
      argv: args, env: process.env, defaultDataDir: resolve(REPO_ROOT, 'data'), rendererDir, http: 'always', log,
      onReopen: () => void reopen(),
    });
    const serving = booted.serving;
    if (!serving) throw new Error('the headless station started without its HTTP server');
    log(`station: 工作站已启动 ${serving.url}/  (data: ${booted.dataDir}${booted.record.demo ? '，示例办案区' : ''})`);
    if (serving.fingerprint) log(`station: 局域网访问已开启（HTTPS）。证书指纹 SHA-256：${serving.fingerprint}`);
    process.stdout.write(`${JSON.stringify({
      event: 'listening', url: serving.url, dataDir: booted.dataDir, record: booted.record.path, demo: booted.record.demo,
      ...(serving.fingerprint ? { fingerprint: serving.fingerprint } : {}),
    })}\n`);
    return booted;
  };
  const reopen = async (): Promise<void> => {
    if (closing) return;
    const port = current.serving ? Number(new URL(current.serving.url).port) : null;
    await current.stop();
    try {
      current = await boot(reopenArgs(argv, port));
    } catch (err) {
      reportStartFailure(err, 'station');
    }
  };
  current = await boot(argv);
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    log(`station: ${signal}, stopping`);
    void current.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  return current;
}

/** A failed start said to the person on the console; the exit code tells scripts what kind. */
export function reportStartFailure(err: unknown, program: string): never {
  if (err instanceof StartupError) {
    process.stderr.write(`${program}: ${STARTUP_TEXT.failedTitle}\n${err.message}\n`);
    process.stdout.write(`${JSON.stringify({ event: 'refused', code: err.code })}\n`);
    if (err.code === 'USAGE') process.stderr.write(`${USAGE}\n`);
    process.exit(err.code === 'USAGE' || err.code === 'CONFIG_INVALID' || err.code === 'AREA_REFUSED' ? 2 : 1);
  }
  process.stderr.write(`${program}: ${err instanceof UsageError ? `${err.message}\n${USAGE}` : ((err as Error).stack ?? String(err))}\n`);
  process.exit(err instanceof UsageError ? 2 : 1);
}

if (process.argv[1]?.endsWith('station.ts')) {
  runStation(process.argv.slice(2)).catch((err: unknown) => reportStartFailure(err, 'station'));
}
