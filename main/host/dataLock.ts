// One station per data folder. Two stations writing one record (a desk app and a headless station
// started on the same folder, or a second desk app under another user's session) would each append
// to the chain from their own idea of its head and fork it. The lock file names the process that
// holds the folder; a lock left by a process that no longer runs (a crash, a power cut) is taken over.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { STARTUP_TEXT } from '../../common/startupText.js';
import { FILE_MODE } from './privateFiles.js';
import { StartupError } from './startupError.js';

export const LOCK_FILE = 'station.lock';

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: number;
}

export interface DataLock {
  /** Gives the folder up (idempotent); only removes the lock file while it is still this one's. */
  release(): void;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // removed in between
  }
}

function parseOwner(text: string | null): LockOwner | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.since === 'number'
      ? { pid: parsed.pid, host: parsed.host, since: parsed.since }
      : null;
  } catch {
    return null; // unreadable or half written (a crash while writing it): nobody holds it
  }
}

/** Whether a process with this id runs here; EPERM means it runs under another user. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process, or refuses with DATA_IN_USE naming the process that has
 * it. The lock is written whole to a file of its own and linked into place, so a second station
 * starting at the same moment finds either no lock or a complete one.
 */
export function lockDataFolder(dir: string, now: number): DataLock {
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now };
  const text = `${JSON.stringify(me)}\n`;
  const tmp = `${path}.${process.pid}`;
  const fd = openSync(tmp, 'w', FILE_MODE);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // Bounded: the first try, and one more after taking over a lock its owner left behind.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        linkSync(tmp, path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const seen = readText(path);
      const owner = parseOwner(seen);
      // Another host's lock (a folder on a network share) cannot be checked from here: it holds.
      const held = owner !== null && owner.pid !== process.pid && (owner.host !== me.host || running(owner.pid));
      if (held || attempt === 1) {
        throw new StartupError('DATA_IN_USE', STARTUP_TEXT.dataInUse(dir, owner?.pid ?? null, owner?.host ?? null, path));
      }
      // Left behind: remove it only if it is still the one just read (another starting station may
      // have taken it over in between).
      if (seen !== null && readText(path) === seen) unlinkSync(path);
    }
  } finally {
    unlinkSync(tmp);
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      if (readText(path) === text) unlinkSync(path);
    },
  };
}
