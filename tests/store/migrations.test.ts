import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../main/core/store/db.js';
import { defaultMigrationsDir, loadMigrations, SchemaTooNewError } from '../../main/core/store/migrations.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'station-db-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDb', () => {
  it('sets the durable pragmas and migrates to the latest version', () => {
    const db = openDb(join(dir, 's.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations(defaultMigrationsDir()).at(-1)?.version);
    db.close();
  });

  it('refuses a database written by a newer station, and leaves it untouched', () => {
    const path = join(dir, 'future.db');
    const raw = new Database(path);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDb(path)).toThrow(SchemaTooNewError);
    expect(() => openDb(path)).toThrow(/999.*升级/);
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(999);
    expect(again.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'events'").get()).toEqual({ n: 0 });
    again.close();
  });

  it('applies migrations in one transaction: a failing one leaves nothing behind', () => {
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '001_a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(migrations, '002_b.sql'), 'CREATE TABLE b (x); THIS IS NOT SQL;');
    const path = join(dir, 'partial.db');
    expect(() => openDb(path, { migrationsDir: migrations })).toThrow();
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('a', 'b')").get()).toEqual({ n: 0 });
    raw.close();
  });

  it('applies a migration whose number was reserved and arrives after a higher one', () => {
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '001_a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(migrations, '003_c.sql'), 'CREATE TABLE c (x);');
    const path = join(dir, 'gap.db');
    openDb(path, { migrationsDir: migrations }).close();
    writeFileSync(join(migrations, '002_b.sql'), 'CREATE TABLE b (x);');
    const db = openDb(path, { migrationsDir: migrations });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('a', 'b', 'c') ORDER BY name").pluck().all()).toEqual(['a', 'b', 'c']);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([1, 2, 3]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
    // Opened again, nothing is applied twice.
    openDb(path, { migrationsDir: migrations }).close();
  });

  it('takes a database migrated before versions were kept as having the first user_version migrations', () => {
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '001_a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(migrations, '002_b.sql'), 'CREATE TABLE b (x);');
    const path = join(dir, 'old.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE a (x);');
    raw.pragma('user_version = 1');
    raw.close();
    const db = openDb(path, { migrationsDir: migrations });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([1, 2]);
    db.close();
  });

  it('refuses two migrations with the same number', () => {
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '001_a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(migrations, '001_b.sql'), 'CREATE TABLE b (x);');
    expect(() => loadMigrations(migrations)).toThrow(/unique/);
  });

  it('keeps events append-only', () => {
    const db = openDb(':memory:');
    db.prepare("INSERT INTO events (seq, at, type, actor, payload, prev_hash, hash) VALUES (1, 0, 'x', 'a', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE events SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    db.close();
  });
});
