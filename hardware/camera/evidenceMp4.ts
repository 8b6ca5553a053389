// One camera's segments of a session as one MP4 file for evidence. ffmpeg does not read the
// segment files itself: the station reads each one once, hashes it and hands the same bytes to
// ffmpeg through a pipe of its own (ffmpeg's concat list names pipe:3, pipe:4, …), so the file is
// made of exactly the bytes that were checked, in one pass over the disk. A segment whose bytes
// no longer match its recorded SHA-256 makes the file worthless: it is deleted and the caller
// writes it again without that segment.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { hashFile } from './hash.js';
import { concatList, evidenceArgs } from './playbackArgs.js';

export interface SourceSegment { readonly seq: number; readonly path: string; readonly sha256: string }

export type SegmentCheck = { readonly seq: number; readonly ok: true } | { readonly seq: number; readonly ok: false; readonly found: string | null };

/** Hashes each segment; those whose file is gone come back with found null. */
export async function checkSegments(segments: readonly SourceSegment[]): Promise<SegmentCheck[]> {
  const out: SegmentCheck[] = [];
  for (const s of segments) {
    try {
      const { sha256 } = await hashFile(s.path);
      out.push(sha256 === s.sha256 ? { seq: s.seq, ok: true } : { seq: s.seq, ok: false, found: sha256 });
    } catch {
      out.push({ seq: s.seq, ok: false, found: null });
    }
  }
  return out;
}

export class EvidenceWriteError extends Error {
  override name = 'EvidenceWriteError';
}

/** The first extra file descriptor of the ffmpeg child: stdin, stdout and stderr come before it. */
const FIRST_FD = 3;

/** Writes one segment into its pipe, hashing what it writes; resolves with the hash (null: unreadable). */
async function feed(path: string, pipe: Writable): Promise<string | null> {
  const hash = createHash('sha256');
  let failed = false;
  pipe.on('error', () => { failed = true; });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const b = chunk as Buffer;
      hash.update(b);
      if (failed) continue;
      if (!pipe.write(b)) {
        await new Promise<void>((resolve) => {
          const done = (): void => { pipe.off('drain', done); pipe.off('close', done); resolve(); };
          pipe.once('drain', done);
          pipe.once('close', done);
        });
      }
    }
    return hash.digest('hex');
  } catch {
    return null;
  } finally {
    pipe.end();
  }
}

/**
 * Writes `out` from the segments, in order. Resolves with the segments found changed on the way
 * (their bytes differ from the recorded SHA-256); when there are any, `out` is not kept. Throws
 * EvidenceWriteError when ffmpeg fails.
 */
export async function writeEvidenceMp4(segments: readonly SourceSegment[], out: string, ffmpegPath = 'ffmpeg'): Promise<Extract<SegmentCheck, { ok: false }>[]> {
  if (segments.length === 0) throw new EvidenceWriteError('no segments to export');
  const work = await mkdtemp(join(dirname(out), '.export-'));
  try {
    const list = join(work, 'segments.ffconcat');
    await writeFile(list, concatList(segments.map((_s, i) => `pipe:${FIRST_FD + i}`)));
    const child = spawn(ffmpegPath, evidenceArgs(list, out), { stdio: ['ignore', 'ignore', 'pipe', ...segments.map(() => 'pipe' as const)] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => { stderr = (stderr + d).slice(-2000); });
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code));
    });
    const changed: Extract<SegmentCheck, { ok: false }>[] = [];
    for (const [i, s] of segments.entries()) {
      const pipe = child.stdio[FIRST_FD + i] as Writable;
      // ffmpeg gave up (it says why on exit): reading the rest would only cost time.
      if (child.exitCode !== null || child.signalCode !== null) {
        pipe.destroy();
        continue;
      }
      const found = await feed(s.path, pipe);
      if (found !== s.sha256) changed.push({ seq: s.seq, ok: false, found });
    }
    const code = await exited;
    if (changed.length > 0) {
      await rm(out, { force: true });
      return changed;
    }
    if (code !== 0) throw new EvidenceWriteError(`ffmpeg could not write ${out}: ${stderr.trim().split('\n').pop() ?? `exit ${String(code)}`}`);
    return [];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
