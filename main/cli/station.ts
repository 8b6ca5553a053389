// npm run station -- [--port N] [--data DIR] [--config FILE]
// The headless station: the core and the HTTP server on 127.0.0.1 serving the pages and the API.
import { resolve } from 'node:path';
import { loadConfig, ConfigError } from '../host/config.js';
import { AreaConfigError, StationHost } from '../host/stationHost.js';
import { ensureRendererBuilt, REPO_ROOT } from '../host/rendererBuild.js';
import { createServer } from '../server/http.js';
import { parseArgs, UsageError } from './args.js';
import { SchemaTooNewError } from '../core/store/migrations.js';

const USAGE = 'usage: npm run station -- [--port N] [--data DIR] [--config FILE] [--rebuild]';

export async function runStation(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, { port: 'string', data: 'string', config: 'string', rebuild: 'boolean' });
  if (args.positional.length) throw new UsageError(`unexpected argument ${args.positional[0] ?? ''}`);
  const config = args.options.config ? loadConfig(args.options.config) : null;
  const port = args.options.port !== undefined ? Number(args.options.port) : (config?.server.port ?? 8620);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number 0–65535, got ${args.options.port ?? ''}`);
  const dataDir = resolve(args.options.data ?? resolve(REPO_ROOT, 'data'));
  const log = (line: string): void => { process.stderr.write(`${line}\n`); };
  const rendererDir = await ensureRendererBuilt(log, args.options.rebuild ?? false);
  const host = new StationHost({ dataDir, config, log });
  const server = createServer(host, { rendererDir });
  const listenHost = config?.server.lan ? '0.0.0.0' : '127.0.0.1';
  const address = await server.listen({ port, host: listenHost });
  const url = address.replace('0.0.0.0', '127.0.0.1');
  log(`station: 工作站已启动 ${url}/  (data: ${dataDir})`);
  process.stdout.write(`${JSON.stringify({ event: 'listening', url, dataDir })}\n`);
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    log(`station: ${signal}, stopping`);
    void server.close().finally(() => { host.close(); process.exit(0); });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1]?.endsWith('station.ts')) {
  runStation(process.argv.slice(2)).catch((err: unknown) => {
    const known = err instanceof UsageError || err instanceof ConfigError || err instanceof AreaConfigError || err instanceof SchemaTooNewError;
    process.stderr.write(`station: ${known ? (err as Error).message : ((err as Error).stack ?? String(err))}\n`);
    if (err instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    process.exit(err instanceof UsageError || err instanceof ConfigError ? 2 : 1);
  });
}
