// The one way to open the custody database: durable pragmas first, then migrations.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { applyMigrations, defaultMigrationsDir } from './migrations.js';

/** The record is personal data: its files are the station user's alone. */
const RECORD_FILE_MODE = 0o600;

/**
 * Creates the database file owner-only before SQLite does (SQLite gives its -wal and -shm files
 * the database's mode), and closes a record an older station left readable to others.
 */
function makePrivate(path: string): void {
  if (path === ':memory:' || path === '' || path.startsWith('file:')) return;
  closeSync(openSync(path, 'a', RECORD_FILE_MODE));
  if (process.platform === 'win32') return;
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    if (existsSync(file)) chmodSync(file, RECORD_FILE_MODE);
  }
}

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
  if (!options.readonly) makePrivate(path);
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

/**
 * Whether an error says the database file itself cannot be read as a record (not a SQLite file,
 * damaged pages, an I/O failure), as opposed to a refused statement.
 */
export function isUnreadableRecord(err: unknown): err is Error & { code: string } {
  if (!(err instanceof Database.SqliteError)) return false;
  return /^SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN|FORMAT)/.test(err.code);
}
