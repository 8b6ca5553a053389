// The one way to open the custody database: durable pragmas first, then migrations.
import Database from 'better-sqlite3';
import { applyMigrations, defaultMigrationsDir } from './migrations.js';

export type Db = Database.Database;

let nativeBinding: string | undefined;

/**
 * The better-sqlite3 addon this process loads, when it is not the one npm built for Node (the
 * Electron window in development loads a build for Electron's ABI kept in a separate folder, so
 * that the tests keep theirs). Set once at start, before the first database is opened.
 */
export function useSqliteBinding(path: string | undefined): void {
  nativeBinding = path;
}

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
  const db = new Database(path, { readonly: options.readonly ?? false, ...(nativeBinding ? { nativeBinding } : {}) });
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
