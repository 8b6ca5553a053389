// The one way to open the custody database: durable pragmas first, then migrations.
import Database from 'better-sqlite3';
import { applyMigrations, defaultMigrationsDir } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly migrationsDir?: string;
  readonly readonly?: boolean;
}

/**
 * Opens (creating if needed) a database at `path` (':memory:' for a scratch record).
 * WAL with synchronous=FULL: a commit is on disk when it returns, and a crash loses nothing that
 * was acknowledged.
 */
export function openDb(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, { readonly: options.readonly ?? false });
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) applyMigrations(db, options.migrationsDir ?? defaultMigrationsDir());
    else applyMigrations(db, options.migrationsDir ?? defaultMigrationsDir(), { checkOnly: true });
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
