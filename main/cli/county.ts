// 县（市）局督察平台 — the county (city) bureau's supervision platform.
//   npm run county -- --pg postgres://… [--port N] [--bind ADDR] [--data DIR] [--time-zone TZ]
//       serves HTTPS; prints {"event":"listening","url":…,"fingerprint":…}
//   npm run county -- enrol --pg URL --station ID [--data DIR]
//       enrols a station (or gives it a new token); prints {"station","token"[,"fingerprint"]}
//   npm run county -- status --pg URL
//       one line per station: {"station","seq","head","verified","lastSeenAt"}
//   npm run county -- account --pg URL --account NAME --name 姓名 --role supervisor|admin [--role …] [--disabled]
//       creates or changes a county account; the password (new accounts) is read from standard input
// Machine-readable lines go to stdout, people read stderr. A password in the PostgreSQL URL is
// never printed; PGPASSWORD or ~/.pgpass keep it off the command line.
import { existsSync, readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join, resolve } from 'node:path';
import { passwordProblem } from '../auth/password.js';
import { COUNTY_NAME, startCountyServer } from '../county/server/countyServer.js';
import { COUNTY_ROLES, CountyAccounts, type CountyRole } from '../county/store/accounts.js';
import { migrateCounty } from '../county/store/migrate.js';
import { openPool, pgErrorText, PgUrlError, redactUrl, type Pool } from '../county/store/pool.js';
import { enrolStation, STATION_ID, stationStatus } from '../county/store/stations.js';
import { ensureRendererBuilt, REPO_ROOT } from '../host/rendererBuild.js';
import { systemTime } from '../host/stationClock.js';
import { parseArgs, UsageError } from './args.js';

const USAGE = `usage: npm run county -- --pg URL [--port N] [--bind ADDR] [--data DIR] [--time-zone TZ]
       npm run county -- enrol --pg URL --station ID [--data DIR]
       npm run county -- status --pg URL
       npm run county -- account --pg URL --account NAME --name 姓名 --role supervisor|admin [--disabled]   (password on standard input)`;

const OPTIONS = {
  pg: 'string', port: 'string', bind: 'string', data: 'string', station: 'string', account: 'string', name: 'string', role: 'string',
  disabled: 'boolean', 'time-zone': 'string', rebuild: 'boolean',
} as const;

const now = systemTime.wall;
const log = (line: string): void => { process.stderr.write(`${line}\n`); };
const out = (value: unknown): void => { process.stdout.write(`${JSON.stringify(value)}\n`); };

function dataDir(dir: string | undefined): string {
  return resolve(dir ?? join(REPO_ROOT, 'county-data'));
}

/** The fingerprint of the county's certificate in `dir`, once the server has made it. */
function knownFingerprint(dir: string): string | null {
  const cert = join(dir, 'tls', 'lan-cert.pem');
  return existsSync(cert) ? new X509Certificate(readFileSync(cert)).fingerprint256 : null;
}

function roles(argv: readonly string[]): CountyRole[] {
  const named = argv.flatMap((a, i) => (a === '--role' ? [argv[i + 1] ?? ''] : a.startsWith('--role=') ? [a.slice('--role='.length)] : []));
  for (const r of named) if (!(COUNTY_ROLES as readonly string[]).includes(r)) throw new UsageError(`--role must be supervisor or admin, not ${JSON.stringify(r)}`);
  if (named.length === 0) throw new UsageError('account needs --role supervisor or --role admin');
  return [...new Set(named)] as CountyRole[];
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('the password is read from standard input, e.g. from a file: < password.txt');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function serve(pool: Pool, o: ReturnType<typeof parseArgs<typeof OPTIONS>>['options']): Promise<void> {
  const port = o.port === undefined ? 8630 : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not ${o.port}`);
  const rendererDir = await ensureRendererBuilt(log, o.rebuild ?? false);
  const dir = dataDir(o.data);
  const server = await startCountyServer({
    pool, dataDir: dir, port, rendererDir, now, log, ...(o.bind ? { bind: o.bind } : {}), ...(o['time-zone'] ? { timeZone: o['time-zone'] } : {}),
  });
  log(`county: ${COUNTY_NAME}已启动 ${server.url}/county/  (data: ${dir})`);
  log(`county: 证书指纹 SHA-256：${server.fingerprint}`);
  out({ event: 'listening', url: server.url, fingerprint: server.fingerprint });
  let closing = false;
  const stop = (signal: string): void => {
    if (closing) return;
    closing = true;
    log(`county: ${signal}, stopping`);
    void server.close().then(() => pool.end()).finally(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, OPTIONS);
  const command = args.positional[0] ?? 'serve';
  if (args.positional.length > 1 || !['serve', 'enrol', 'status', 'account'].includes(command)) throw new UsageError(`unknown command ${args.positional.join(' ')}`);
  const url = args.options.pg;
  if (!url) throw new UsageError('--pg postgres://… is required');
  const pool = openPool(url);
  try {
    await migrateCounty(pool);
  } catch (err) {
    await pool.end();
    throw new Error(`cannot use the county database ${redactUrl(url)}: ${pgErrorText(err, url)}`, { cause: err });
  }
  if (command === 'serve') {
    await serve(pool, args.options);
    return;
  }
  try {
    if (command === 'enrol') {
      const station = args.options.station;
      if (!station || !STATION_ID.test(station)) throw new UsageError('--station must be an id of letters, digits, . _ - (at most 64)');
      const { token, renewed } = await enrolStation(pool, station, now());
      const fingerprint = knownFingerprint(dataDir(args.options.data));
      log(renewed ? `county: ${station} 已更换接入令牌，旧令牌不再有效` : `county: ${station} 已登记`);
      out({ station, token, ...(fingerprint ? { fingerprint } : {}) });
    } else if (command === 'status') {
      for (const s of await stationStatus(pool)) out(s);
    } else {
      const account = args.options.account;
      if (!account) throw new UsageError('account needs --account NAME');
      const password = await readStdin();
      const problem = password === '' ? null : passwordProblem(password);
      if (problem) throw new UsageError(`password: ${problem}`);
      await new CountyAccounts(pool, now).save(account, args.options.name ?? account, roles(argv), password === '' ? undefined : password, args.options.disabled ?? false);
      out({ account, saved: true });
    }
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof PgUrlError) {
    process.stderr.write(`county: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const url = process.argv.slice(2).find((a) => a.startsWith('postgres'));
  const text = (err as Error).message ?? String(err);
  process.stderr.write(`county: ${url ? text.split(url).join(redactUrl(url)) : text}\n`);
  process.exit(1);
});
