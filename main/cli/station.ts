// npm run station -- [--port N] [--data DIR] [--config FILE] [--restore BACKUP]
// The headless station: the core and the HTTP server on 127.0.0.1 serving the pages and the API.
// --restore puts a verified backup in place of a lost or damaged record first (main/host/restore.ts).
import { join, resolve } from 'node:path';
import { hostname, networkInterfaces } from 'node:os';
import { tlsIdentity } from '../server/selfSignedCert.js';
import { loadConfig, ConfigError } from '../host/config.js';
import { AreaConfigError, StationHost } from '../host/stationHost.js';
import { ensureRendererBuilt, REPO_ROOT } from '../host/rendererBuild.js';
import { createServer } from '../server/http.js';
import { parseArgs, UsageError } from './args.js';
import { SchemaTooNewError } from '../core/store/migrations.js';
import { StartupError } from '../host/startupError.js';
import { restoreBackup } from '../host/restore.js';
import { systemTime } from '../host/stationClock.js';

const USAGE = 'usage: npm run station -- [--port N] [--data DIR] [--config FILE] [--lan] [--bind ADDRESS] [--rebuild] [--restore BACKUP]';

/** The machine's IPv4 addresses on the LAN (not loopback). */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces()).flat().flatMap((a) => (a && a.family === 'IPv4' && !a.internal ? [a.address] : []));
}

export async function runStation(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, { port: 'string', data: 'string', config: 'string', rebuild: 'boolean', lan: 'boolean', bind: 'string', restore: 'string' });
  if (args.positional.length) throw new UsageError(`unexpected argument ${args.positional[0] ?? ''}`);
  const config = args.options.config ? loadConfig(args.options.config) : null;
  const port = args.options.port !== undefined ? Number(args.options.port) : (config?.server.port ?? 8620);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number 0–65535, got ${args.options.port ?? ''}`);
  const dataDir = resolve(args.options.data ?? resolve(REPO_ROOT, 'data'));
  const log = (line: string): void => { process.stderr.write(`${line}\n`); };
  const rendererDir = await ensureRendererBuilt(log, args.options.rebuild ?? false);
  const restored = args.options.restore === undefined ? undefined
    : restoreBackup({ dataDir, backupDir: config?.backup?.dir ?? null }, args.options.restore, systemTime.wall(), log);
  const host = new StationHost({ dataDir, config, log, ...(restored ? { restored } : {}) });
  host.startDevices();
  // LAN access is an explicit setting, and it always comes with HTTPS.
  const lan = (args.options.lan ?? false) || (config?.server.lan ?? false);
  const tls = lan ? tlsIdentity(join(dataDir, 'tls'), ['localhost', '127.0.0.1', hostname(), ...lanAddresses()]) : null;
  const server = createServer(host, { rendererDir, ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}) });
  const bind = args.options.bind ?? (lan ? '0.0.0.0' : '127.0.0.1');
  const address = await server.listen({ port, host: bind });
  const url = address.replace('0.0.0.0', '127.0.0.1');
  const actualPort = new URL(url).port;
  host.serverInfo = {
    lan, fingerprint: tls?.fingerprint ?? null,
    urls: lan && bind === '0.0.0.0' ? lanAddresses().map((a) => `https://${a}:${actualPort}/`) : [`${url}/`],
  };
  log(`station: 工作站已启动 ${url}/  (data: ${dataDir})`);
  if (tls) log(`station: 局域网访问已开启（HTTPS）。证书指纹 SHA-256：${tls.fingerprint}`);
  process.stdout.write(`${JSON.stringify({ event: 'listening', url, dataDir, ...(tls ? { fingerprint: tls.fingerprint } : {}) })}\n`);
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    log(`station: ${signal}, stopping`);
    void server.close().then(() => host.stopDevices()).finally(() => { host.close(); process.exit(0); });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1]?.endsWith('station.ts')) {
  runStation(process.argv.slice(2)).catch((err: unknown) => {
    const known = err instanceof UsageError || err instanceof ConfigError || err instanceof AreaConfigError || err instanceof SchemaTooNewError || err instanceof StartupError;
    process.stderr.write(`station: ${known ? (err as Error).message : ((err as Error).stack ?? String(err))}\n`);
    if (err instanceof StartupError) process.stdout.write(`${JSON.stringify({ event: 'refused', code: err.code })}\n`);
    if (err instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    process.exit(err instanceof UsageError || err instanceof ConfigError ? 2 : 1);
  });
}
