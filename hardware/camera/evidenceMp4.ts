// One camera's segments of a session as one MP4 file for evidence. The station opens every
// segment and hands ffmpeg those open files (its concat list names /dev/fd/3, /dev/fd/4, …), so
// ffmpeg reads the very files that are checked, even if another file took a name meanwhile; each
// is hashed (segmentVerdict.ts) while ffmpeg works, instead of being copied through a pipe, which
// cost as much CPU as ffmpeg's own work. A segment whose bytes no longer match its recorded
// SHA-256, or that was written to while the file was made, makes the file worthless: it is
// deleted and the caller writes it again without that segment.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hashFile } from './hash.js';
import { concatList, evidenceArgs } from './playbackArgs.js';
import { inheritedPath, openSegment, stillSame, verify } from './segmentVerdict.js';

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

/**
 * Writes `out` from the segments, in order. Resolves with the segments found changed on the way
 * (their bytes differ from the recorded SHA-256, or something wrote to them while the file was
 * made); when there are any, `out` is not kept. Throws EvidenceWriteError when ffmpeg fails.
 */
export async function writeEvidenceMp4(segments: readonly SourceSegment[], out: string, ffmpegPath = 'ffmpeg'): Promise<Extract<SegmentCheck, { ok: false }>[]> {
  if (segments.length === 0) throw new EvidenceWriteError('no segments to export');
  const opened = await Promise.all(segments.map(async (s) => ({ s, file: await openSegment(s.path) })));
  const changed: Extract<SegmentCheck, { ok: false }>[] = opened.filter((o) => o.file === null).map((o) => ({ seq: o.s.seq, ok: false, found: null }));
  const files = opened.flatMap((o) => (o.file ? [{ s: o.s, file: o.file }] : []));
  const work = await mkdtemp(join(dirname(out), '.export-'));
  try {
    if (changed.length > 0) return changed;
    const list = join(work, 'segments.ffconcat');
    await writeFile(list, concatList(files.map((_f, i) => inheritedPath(FIRST_FD + i))));
    const child = spawn(ffmpegPath, evidenceArgs(list, out), { stdio: ['ignore', 'ignore', 'pipe', ...files.map((f) => f.file.handle.fd)] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => { stderr = (stderr + d).slice(-2000); });
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code));
    });
    // Checked while ffmpeg reads the same files (the second read comes from the page cache).
    for (const { s, file } of files) {
      const v = await verify(file, s.sha256);
      if (!v.ok) changed.push({ seq: s.seq, ok: false, found: v.found });
    }
    const code = await exited;
    for (const { s, file } of files) {
      if (!changed.some((c) => c.seq === s.seq) && !(await stillSame(file))) changed.push({ seq: s.seq, ok: false, found: null });
    }
    if (changed.length > 0) {
      await rm(out, { force: true });
      return changed;
    }
    if (code !== 0) throw new EvidenceWriteError(`ffmpeg could not write ${out}: ${stderr.trim().split('\n').pop() ?? `exit ${String(code)}`}`);
    return [];
  } finally {
    await Promise.all(files.map((f) => f.file.handle.close().catch(() => undefined)));
    await rm(work, { recursive: true, force: true });
  }
}
