// Numbered SQL migrations (migrations/NNN_name.sql), applied in one transaction; the schema
// version lives in PRAGMA user_version. A database written by a newer station is refused rather
// than guessed at.
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
    if (mig.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3…: found ${mig.version} at position ${i + 1} in ${dir}`);
  });
  return list;
}

export function applyMigrations(db: Database.Database, dir: string, opts: { checkOnly?: boolean } = {}): number {
  const migrations = loadMigrations(dir);
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  if (current === latest || opts.checkOnly) return current;
  db.transaction(() => {
    for (const mig of migrations.slice(current)) db.exec(mig.sql);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return latest;
}
