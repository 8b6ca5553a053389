// Whether a recorded segment still holds the bytes hashed when it was closed, for playback and
// export. A segment is opened once; the check reads it through that open file (so a file put in
// its place under the same name afterwards is not the one checked), and ffmpeg is handed either
// the same open file or the checked bytes themselves (segmentFeed.ts says which, by platform).
//
// Hashing a whole segment costs a full read; a seek or a second export would pay it again for a
// file that has not changed. Where ffmpeg reads the open file (Linux), the verdict is kept for the
// process's lifetime, keyed by the file's identity and change stamps (device, inode, size, mtime
// and ctime in ns): any write to the file, and any touch of its times, moves ctime, which no
// program can set back there, so a changed file never matches a kept verdict. `stillSame` tells
// whether the file changed while it was being read. Windows lets a program set a file's change
// time, so where the bytes go through a pipe no verdict is kept: the bytes handed over are hashed.
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { hashHandle } from './hash.js';

export type Verdict =
  | { readonly ok: true; readonly file: OpenSegment }
  | { readonly ok: false; readonly reason: 'missing' | 'changed'; readonly found: string | null };

export interface OpenSegment {
  readonly handle: FileHandle;
  readonly path: string;
  /** The stamps the verdict was given for (see stillSame). */
  readonly stamp: string;
}

/** Verdicts kept at most (a month of one camera's one-minute segments, a few MB); the oldest go first. */
const MAX_KEPT = 50_000;

const kept = new Map<string, { stamp: string; sha256: string }>();

async function stampOf(handle: FileHandle): Promise<string> {
  const s = await handle.stat({ bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Opens a segment for checking and reading; null when it is gone or unreadable. The caller closes it. */
export async function openSegment(path: string): Promise<OpenSegment | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    return { handle, path, stamp: await stampOf(handle) };
  } catch {
    await handle.close().catch(() => undefined);
    return null;
  }
}

/** Checks the open segment against its recorded SHA-256, hashing it only when no verdict is kept for the file as it is now. */
export async function verify(file: OpenSegment, sha256: string): Promise<{ ok: true } | { ok: false; found: string | null }> {
  const known = kept.get(file.path);
  let found = known?.stamp === file.stamp ? known.sha256 : null;
  if (found === null) {
    try {
      found = (await hashHandle(file.handle)).sha256;
    } catch {
      return { ok: false, found: null };
    }
    // Kept only if nothing wrote to the file while it was hashed; otherwise it is not the file that was opened.
    if (!(await stillSame(file))) return { ok: false, found: null };
    remember(file.path, file.stamp, found);
  }
  return found === sha256 ? { ok: true } : { ok: false, found };
}

/** Opens and checks a segment; on ok the caller owns the open file and closes it. */
export async function openChecked(path: string, sha256: string): Promise<Verdict> {
  const file = await openSegment(path);
  if (!file) return { ok: false, reason: 'missing', found: null };
  const v = await verify(file, sha256);
  if (v.ok) return { ok: true, file };
  await file.handle.close().catch(() => undefined);
  return { ok: false, reason: 'changed', found: v.found };
}

/** Whether the open segment is still as it was when checked (nothing wrote to it since). */
export async function stillSame(file: OpenSegment): Promise<boolean> {
  try {
    return await stampOf(file.handle) === file.stamp;
  } catch {
    return false;
  }
}

/**
 * Reads a segment whole through one open file and hashes exactly those bytes: on ok they are the
 * checked bytes to hand over. No kept verdict is used (see above).
 */
export async function readChecked(path: string, sha256: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: 'missing' | 'changed'; found: string | null }> {
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch {
    return { ok: false, reason: 'missing', found: null };
  }
  const found = createHash('sha256').update(bytes).digest('hex');
  return found === sha256 ? { ok: true, bytes } : { ok: false, reason: 'changed', found };
}

function remember(path: string, stamp: string, sha256: string): void {
  kept.delete(path);
  kept.set(path, { stamp, sha256 });
  if (kept.size > MAX_KEPT) {
    const oldest = kept.keys().next().value;
    if (oldest !== undefined) kept.delete(oldest);
  }
}
