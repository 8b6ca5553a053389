// The data folder holds personal data (the custody record, recordings, the TLS key): only the
// station's own user may enter it, and the small files the station writes beside the record are
// written whole (a crash leaves the old file or the new one, never half of one).
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';

export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/**
 * Creates `dir` (and its parents) and takes group and others' access away from it. A shared
 * folder with the sticky bit (such as /tmp) is left as it is: it is not the station's to close.
 */
export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  if (process.platform === 'win32') return;
  const mode = statSync(dir).mode;
  if ((mode & 0o1000) !== 0 || (mode & 0o077) === 0) return;
  chmodSync(dir, mode & 0o700);
}

/** Replaces `path` with `text` (or bytes): written to a temporary file, flushed, then renamed over it. */
export function writePrivateFile(path: string, text: string | Uint8Array): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', FILE_MODE);
  try {
    writeSync(fd, typeof text === 'string' ? Buffer.from(text) : text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
