// The station's data folder: its record (station.db), its settings file (station.json, see
// settingsFile.ts), the LAN certificate (tls/), the recordings and the start-up log. The example
// area is kept apart in demo/ (with its own settings file for its devices), so that it can never
// become the real area's record.
import { existsSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { STARTUP_TEXT } from '../../common/startupText.js';
import { openDb } from '../core/store/db.js';
import { SchemaTooNewError } from '../core/store/migrations.js';
import { WITNESS_FILE } from './headWitness.js';
import { DB_FILE } from './recordCheck.js';
import { ensurePrivateFolder, FILE_MODE } from './privateFiles.js';
import { EXAMPLE_AREA_ID } from './exampleArea.js';
import { StartupError } from './startupError.js';

export const DEMO_DIR = 'demo';

/** Creates the folder if needed (the station user's alone) and proves that it can be written to. */
export function prepareDataFolder(dir: string): void {
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    ensurePrivateFolder(dir);
    writeFileSync(probe, 'ok', { mode: FILE_MODE });
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

/** The configuration file to import: --config, else STATION_CONFIG. */
export function findConfig(argument: string | undefined, env: Readonly<Record<string, string | undefined>>): string | null {
  if (argument) return resolve(argument);
  if (env.STATION_CONFIG) return resolve(env.STATION_CONFIG);
  return null;
}

/**
 * What the record file says of its area, without changing it: its id, 'none' (no file, or no area
 * yet), or 'unknown' (a file SQLite cannot read: the start-up check says what is wrong with it).
 */
function recordedArea(path: string): string {
  if (!existsSync(path)) return 'none';
  let db;
  try {
    db = openDb(path, { readonly: true });
  } catch (err) {
    if (err instanceof SchemaTooNewError) throw err;
    return 'unknown';
  }
  try {
    // A file SQLite created but nothing was written to has no tables yet.
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'area'`).get()) return 'none';
    return (db.prepare('SELECT id FROM area LIMIT 1').get() as { id: string } | undefined)?.id ?? 'none';
  } catch {
    return 'unknown';
  } finally {
    db.close();
  }
}

/** Moves a record (and its head witness) out of the way with its WAL folded in: a record is never deleted. */
function moveRecord(from: string, toDir: string, at: number, log: (line: string) => void): void {
  const db = openDb(from);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  ensurePrivateFolder(toDir);
  const taken = existsSync(join(toDir, DB_FILE));
  const to = join(toDir, taken ? `station-${at}.db` : DB_FILE);
  renameSync(from, to);
  for (const suffix of ['-wal', '-shm']) rmSync(`${from}${suffix}`, { force: true });
  const witness = join(dirname(from), WITNESS_FILE);
  if (existsSync(witness)) renameSync(witness, join(toDir, taken ? `head-witness-${at}.json` : WITNESS_FILE));
  log(`station: moved the example area's record ${from} to ${to}`);
}

/**
 * The real record (station.db) when the configuration names an area, a backup is being restored,
 * or the data folder holds a record with an area (or a witness that one existed: the start-up
 * check then says it is lost); else the example area's record in demo/ when the person chose it
 * (`example`); else the real record, whose area the first-run wizard will give. A record that
 * holds the example area (as earlier versions made one) is moved to demo/ so that the real area
 * can be recorded.
 */
export function recordPlace(
  dataDir: string, o: { readonly configuresArea: boolean; readonly restoring: boolean; readonly example: boolean; readonly now: number }, log: (line: string) => void,
): RecordPlace {
  const real = join(dataDir, DB_FILE);
  const demoDir = join(dataDir, DEMO_DIR);
  if (o.restoring) return { dir: dataDir, demo: false };
  let area = recordedArea(real);
  if (area === EXAMPLE_AREA_ID) {
    moveRecord(real, demoDir, o.now, log);
    area = 'none';
  }
  const recordExisted = area !== 'none' || existsSync(join(dataDir, WITNESS_FILE));
  if (o.configuresArea || (recordExisted && !o.example)) return { dir: dataDir, demo: false };
  return o.example ? { dir: demoDir, demo: true } : { dir: dataDir, demo: false };
}
