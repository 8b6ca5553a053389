// Deletes segment files older than the retention period, except those the station protects
// (segments linked to a person are evidence and are never deleted automatically). Only files
// named as this recorder names them are considered, so nothing else in the folder is touched.
import type { Dirent } from 'node:fs';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { SEGMENT_FILE } from './ffmpegArgs.js';

export interface RetentionResult {
  deleted: string[];
  /** Expired but protected, kept. */
  kept: string[];
  failed: { path: string; error: string }[];
}

/**
 * @param olderThanMs the retention period: files whose last write is older than this go.
 * @param isProtected true for a person-linked segment; if it throws, the file is kept.
 */
export async function deleteExpired(
  dir: string, olderThanMs: number, isProtected: (path: string) => boolean, now: number = Date.now(),
): Promise<RetentionResult> {
  if (!(olderThanMs > 0) || !Number.isFinite(olderThanMs)) throw new Error(`retention period must be a positive number of ms, got ${olderThanMs}`);
  const result: RetentionResult = { deleted: [], kept: [], failed: [] };
  const cutoff = now - olderThanMs;
  for (const path of await segmentFiles(dir)) {
    try {
      if ((await stat(path)).mtimeMs >= cutoff) continue;
      let keep: boolean;
      try {
        keep = isProtected(path);
      } catch (err) {
        result.failed.push({ path, error: `protection check failed, kept: ${(err as Error).message}` });
        continue;
      }
      if (keep) {
        result.kept.push(path);
        continue;
      }
      await unlink(path);
      result.deleted.push(path);
    } catch (err) {
      result.failed.push({ path, error: (err as Error).message });
    }
  }
  return result;
}

async function segmentFiles(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...await segmentFiles(p));
    else if (e.isFile() && SEGMENT_FILE.test(e.name)) out.push(p);
  }
  return out.sort();
}
