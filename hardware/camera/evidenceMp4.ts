// One camera's segments of a session as one MP4 file for evidence. Every segment is hashed before
// ffmpeg reads it and again after, and the file is kept only if both agree with the SHA-256
// recorded when the segment was closed: what leaves the station is made of the recorded bytes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runProgram } from './childProcess.js';
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

/** No ffmpeg run over a session's segments should take this long (a 2-hour session takes seconds). */
const REMUX_TIMEOUT_MS = 30 * 60_000;

/**
 * Writes `out` from segments already checked (checkSegments); throws EvidenceWriteError when
 * ffmpeg fails or a segment changed while it was being read.
 */
export async function writeEvidenceMp4(segments: readonly SourceSegment[], out: string, ffmpegPath = 'ffmpeg'): Promise<void> {
  if (segments.length === 0) throw new EvidenceWriteError('no segments to export');
  const work = await mkdtemp(join(dirname(out), '.export-'));
  try {
    const list = join(work, 'segments.ffconcat');
    await writeFile(list, concatList(segments.map((s) => s.path)));
    const r = await runProgram(ffmpegPath, evidenceArgs(list, out), REMUX_TIMEOUT_MS);
    if (r.code !== 0) throw new EvidenceWriteError(`ffmpeg could not write ${out}: ${r.stderr.trim().split('\n').pop() ?? `exit ${String(r.code)}`}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const after = await checkSegments(segments);
  const changed = after.find((c) => !c.ok);
  if (changed) {
    await rm(out, { force: true });
    throw new EvidenceWriteError(`segment ${changed.seq} changed while it was exported`);
  }
}
