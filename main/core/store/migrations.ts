// Numbered SQL migrations (migrations/NNN_name.sql), applied in one transaction. Numbers are
// reserved ahead for work in progress, so the list may have gaps that are filled later: the
// versions applied are kept in schema_migrations, and a migration that arrives below the highest
// one applied is still applied. PRAGMA user_version holds the highest number applied; a database
// written by a newer station is refused rather than guessed at.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

export interface Migration { readonly version: number; readonly name: string; readonly sql: string }

export class SchemaTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`数据库结构版本 ${found} 高于本程序支持的版本 ${supported}：该数据库由更新版本的工作站写入，请升级本程序后再打开（database schema version ${found} is newer than supported ${supported})`);
    this.name = 'SchemaTooNewError';
  }
}

export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('../../../migrations/', import.meta.url));
}

export function loadMigrations(dir: string): Migration[] {
  const list = readdirSync(dir)
    .map((file) => ({ file, m: /^(\d+)_([\w-]+)\.sql$/.exec(file) }))
    .filter((x): x is { file: string; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => ({ version: Number(m[1]), name: m[2] ?? file, sql: readFileSync(join(dir, file), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  list.forEach((mig, i) => {
    if (mig.version < 1 || mig.version === list[i - 1]?.version) throw new Error(`migration numbers must be positive and unique: found ${mig.version} twice or below 1 in ${dir}`);
  });
  return list;
}

/** The versions already applied. Before schema_migrations existed, user_version counted them: 1…N without gaps. */
function appliedVersions(db: Database.Database, current: number): Set<number> {
  const tracked = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  if (tracked) return new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  return new Set(Array.from({ length: current }, (_, i) => i + 1));
}

export function applyMigrations(db: Database.Database, dir: string, opts: { checkOnly?: boolean } = {}): number {
  const migrations = loadMigrations(dir);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  const applied = appliedVersions(db, current);
  const pending = migrations.filter((m) => !applied.has(m.version));
  if (pending.length === 0 || opts.checkOnly) return current;
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
    const record = db.prepare('INSERT OR IGNORE INTO schema_migrations (version) VALUES (?)');
    for (const version of applied) record.run(version);
    for (const mig of pending) {
      db.exec(mig.sql);
      record.run(mig.version);
    }
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return latest;
}
