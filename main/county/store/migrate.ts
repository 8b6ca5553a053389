// The county's own numbered migrations (main/county/migrations/NNN_name.sql), applied in one
// transaction under an advisory lock (two county processes starting at once do not race), with
// the versions applied kept in county_migrations. A database migrated by a newer county is
// refused rather than guessed at.
import { fileURLToPath } from 'node:url';
import { loadMigrations } from '../../core/store/migrations.js';
import { inTransaction, type Pool } from './pool.js';

/** Any number will do, as long as it is the county's own. */
const MIGRATION_LOCK = 0x636f756e; // 'coun'

export function countyMigrationsDir(): string {
  return fileURLToPath(new URL('../migrations/', import.meta.url));
}

export class CountySchemaTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`县局平台数据库结构版本 ${found} 高于本程序支持的版本 ${supported}，请升级本程序（county schema ${found} is newer than supported ${supported}）`);
    this.name = 'CountySchemaTooNewError';
  }
}

/** Applies what is pending; returns the versions now applied. */
export async function migrateCounty(pool: Pool, dir = countyMigrationsDir()): Promise<number[]> {
  const migrations = loadMigrations(dir);
  const latest = migrations.at(-1)?.version ?? 0;
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS county_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied = new Set((await c.query<{ version: number }>('SELECT version FROM county_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    if (newest > latest) throw new CountySchemaTooNewError(newest, latest);
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO county_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.add(m.version);
    }
    return [...applied].sort((a, b) => a - b);
  });
}
