// The county's connection to PostgreSQL. The URL may carry a password; it is never written
// anywhere (logs, errors): only its redacted form is. A password is better given the usual
// PostgreSQL ways (PGPASSWORD, ~/.pgpass), which keep it off the command line.
import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid PostgreSQL URL)';
  }
}

export class PgUrlError extends Error {
  override name = 'PgUrlError';
}

export function checkPgUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new PgUrlError('--pg must be a URL like postgres://user@host:5432/database');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new PgUrlError(`--pg must be a postgres:// URL, not ${u.protocol}`);
}

export function openPool(url: string, max = 10): Pool {
  checkPgUrl(url);
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'county' });
  // An idle client losing its server (a restart) is not a crash of the county: the pool drops it.
  pool.on('error', () => undefined);
  return pool;
}

/** What went wrong talking to PostgreSQL, without the URL's secrets. */
export function pgErrorText(err: unknown, url: string): string {
  const e = err as { message?: string; code?: string };
  const msg = (e.message ?? String(err)).split(url).join(redactUrl(url));
  return `${msg}${e.code ? ` (${e.code})` : ''}`;
}

/** Runs `work` in one transaction on one client. */
export async function inTransaction<T>(pool: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await work(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** bigint columns arrive as strings (they may exceed 2^53); UTC ms and seqs never do. */
export const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
