// Free space of the recording volume against the station's threshold (drives `storage_low`).
import { statfs } from 'node:fs/promises';

export interface StorageCheck {
  dir: string;
  /** Bytes an unprivileged writer (ffmpeg) can still use. */
  freeBytes: number;
  totalBytes: number;
  thresholdBytes: number;
  low: boolean;
}

export async function checkStorage(dir: string, thresholdBytes: number): Promise<StorageCheck> {
  if (!(thresholdBytes >= 0)) throw new Error(`storage threshold must be a non-negative number of bytes, got ${thresholdBytes}`);
  const s = await statfs(dir);
  const freeBytes = s.bavail * s.bsize;
  return { dir, freeBytes, totalBytes: s.blocks * s.bsize, thresholdBytes, low: freeBytes < thresholdBytes };
}
