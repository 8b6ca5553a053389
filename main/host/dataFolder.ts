// The station's data folder: its record (station.db), its configuration (station.json), the LAN
// certificate (tls/), the recordings and the start-up log. The example area is kept apart in
// demo/, so that it can never become the real area's record.
import { existsSync, mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { STARTUP_TEXT } from '../../common/startupText.js';
import { openDb } from '../core/store/db.js';
import { EXAMPLE_AREA_ID } from './exampleArea.js';
import { StartupError } from './startupError.js';

export const RECORD_FILE = 'station.db';
export const CONFIG_FILE = 'station.json';
export const DEMO_DIR = 'demo';

/** Creates the folder if needed and proves that it can be written to. */
export function prepareDataFolder(dir: string): void {
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, 'ok');
    unlinkSync(probe);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new StartupError('DATA_NOT_WRITABLE', STARTUP_TEXT.dataNotWritable(dir, e.code ?? e.message), { cause: err });
  }
}

/** Where the record is: the folder holding station.db, and whether it is the example's. */
export interface RecordPlace {
  readonly dir: string;
  readonly demo: boolean;
}

/** The configuration file: --config, else STATION_CONFIG, else station.json in the data folder. */
export function findConfig(argument: string | undefined, env: Readonly<Record<string, string | undefined>>, dataDir: string): string | null {
  if (argument) return resolve(argument);
  if (env.STATION_CONFIG) return resolve(env.STATION_CONFIG);
  const inData = join(dataDir, CONFIG_FILE);
  return existsSync(inData) ? inData : null;
}

/** The area recorded in a database file, without changing it; null for none (or no file). */
function recordedArea(path: string): string | null {
  if (!existsSync(path)) return null;
  const db = openDb(path, { readonly: true });
  try {
    // A file SQLite created but nothing was written to has no tables yet.
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'area'`).get()) return null;
    return (db.prepare('SELECT id FROM area LIMIT 1').get() as { id: string } | undefined)?.id ?? null;
  } finally {
    db.close();
  }
}

/** Moves a record out of the way with its WAL folded in (a record is never deleted). */
function moveRecord(from: string, toDir: string, log: (line: string) => void): void {
  const db = openDb(from);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  mkdirSync(toDir, { recursive: true });
  let to = join(toDir, RECORD_FILE);
  if (existsSync(to)) to = join(toDir, `station-${Date.now()}.db`);
  renameSync(from, to);
  for (const suffix of ['-wal', '-shm']) rmSync(`${from}${suffix}`, { force: true });
  log(`station: moved the example area's record ${from} to ${to}`);
}

/**
 * The real record (station.db) when the configuration names an area or the record already holds
 * one; otherwise the example area's record in demo/. A record that holds the example area (as
 * earlier versions made one) is moved to demo/ so that the real area can be recorded.
 */
export function recordPlace(dataDir: string, configuresArea: boolean, log: (line: string) => void): RecordPlace {
  const real = join(dataDir, RECORD_FILE);
  const demoDir = join(dataDir, DEMO_DIR);
  let area = recordedArea(real);
  if (area === EXAMPLE_AREA_ID) {
    moveRecord(real, demoDir, log);
    area = null;
  }
  if (configuresArea || area !== null) return { dir: dataDir, demo: false };
  return { dir: demoDir, demo: true };
}
