// One camera's segments of a session as one MP4 file for evidence. The station opens every
// segment first, so the files exported are the ones named now, even if another file takes a name
// meanwhile. How ffmpeg reads them depends on the platform (segmentFeed.ts):
// - open-file (Linux): ffmpeg is handed those open files (its concat list names /dev/fd/3, …) and
//   reads them itself while the station checks them (segmentVerdict.ts: hashed, or a verdict kept
//   for the unchanged file), instead of copying every byte through a pipe, which cost as much CPU
//   as ffmpeg's own work; a file written to before ffmpeg is done counts as changed.
// - pipe (Windows): the station reads each open file and writes into ffmpeg's pipe for it (pipe:3,
//   …) exactly the bytes it hashes; past 250 segments, in parts (throughPipes).
// A segment whose bytes no longer match its recorded SHA-256 makes the file worthless: it is
// deleted and the caller writes it again without that segment.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { hashFile } from './hash.js';
import { concatList, evidenceArgs, evidencePartArgs } from './playbackArgs.js';
import { inheritedPath, pipeInput, segmentFeed } from './segmentFeed.js';
import { openSegment, stillSame, verify, type OpenSegment } from './segmentVerdict.js';

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

type Changed = Extract<SegmentCheck, { ok: false }>;
interface Opened { readonly s: SourceSegment; readonly file: OpenSegment }

/** Writes one open segment into its pipe, hashing what it writes; resolves with the hash (null: unreadable). */
async function feed(file: OpenSegment, pipe: Writable): Promise<string | null> {
  const hash = createHash('sha256');
  let failed = false;
  pipe.on('error', () => { failed = true; });
  try {
    for await (const chunk of file.handle.createReadStream({ start: 0, autoClose: false, highWaterMark: 1 << 20 })) {
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

/** pipe: feeds every segment's bytes to ffmpeg in turn; those that do not hash as recorded are changed. */
async function feedPipes(child: ChildProcess, files: readonly Opened[]): Promise<Changed[]> {
  const changed: Changed[] = [];
  for (const [i, { s, file }] of files.entries()) {
    const pipe = child.stdio[FIRST_FD + i] as Writable;
    // ffmpeg gave up (it says why on exit): reading the rest would only cost time.
    if (child.exitCode !== null || child.signalCode !== null) {
      pipe.destroy();
      continue;
    }
    const found = await feed(file, pipe);
    if (found !== s.sha256) changed.push({ seq: s.seq, ok: false, found });
  }
  return changed;
}

/**
 * open-file: checks the files while ffmpeg reads them (the second read comes from the page cache),
 * then, once ffmpeg is done, that nothing wrote to them meanwhile.
 */
async function checkInPlace(files: readonly Opened[], exited: Promise<unknown>): Promise<Changed[]> {
  const changed: Changed[] = [];
  for (const { s, file } of files) {
    const v = await verify(file, s.sha256);
    if (!v.ok) changed.push({ seq: s.seq, ok: false, found: v.found });
  }
  await exited.catch(() => undefined);
  for (const { s, file } of files) {
    if (!changed.some((c) => c.seq === s.seq) && !(await stillSame(file))) changed.push({ seq: s.seq, ok: false, found: null });
  }
  return changed;
}

interface Run { readonly child: ChildProcess; readonly exited: Promise<number | null>; readonly failure: (code: number | null) => string }

/** One ffmpeg with `inputs` as its descriptors 3, 4, …; stdout to the caller or nowhere. */
function run(ffmpegPath: string, args: string[], stdout: 'pipe' | 'ignore', inputs: readonly (number | 'pipe')[]): Run {
  const child = spawn(ffmpegPath, args, { stdio: ['ignore', stdout, 'pipe', ...inputs] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => { stderr = (stderr + d).slice(-2000); });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  return { child, exited, failure: (code) => stderr.trim().split('\n').pop() || `exit ${String(code)}` };
}

/** Pipes given to one ffmpeg at most: Windows hands a child process at most 255 descriptors, its stdio included. */
export const MAX_PIPES = 250;

/** What writing through ffmpeg came to: the segments found changed, and why ffmpeg failed (null: it did not). */
interface Written { readonly changed: Changed[]; readonly failure: string | null }

/**
 * pipe: the segments' checked bytes through ffmpeg's pipes. More segments than one ffmpeg may be
 * given pipes for (a session of over four hours of one-minute segments) go in parts: an ffmpeg per
 * part copies its segments, as the station feeds them, into one stream, which the station
 * passes on into a pipe of the ffmpeg writing `out`. Every byte still comes from the files opened
 * and hashed here; nothing is opened by a name.
 */
async function throughPipes(files: readonly Opened[], out: string, work: string, ffmpegPath: string, perRun: number): Promise<Written> {
  const pipes = (n: number): 'pipe'[] => Array.from({ length: n }, () => 'pipe' as const);
  const listOf = async (name: string, n: number): Promise<string> => {
    const list = join(work, name);
    await writeFile(list, concatList(Array.from({ length: n }, (_x, i) => pipeInput(FIRST_FD + i))));
    return list;
  };
  if (files.length <= perRun) {
    const r = run(ffmpegPath, evidenceArgs(await listOf('segments.ffconcat', files.length), out, 'pipe'), 'ignore', pipes(files.length));
    const changed = await feedPipes(r.child, files);
    const code = await r.exited;
    return { changed, failure: code === 0 ? null : r.failure(code) };
  }
  const parts: Opened[][] = [];
  for (let i = 0; i < files.length; i += perRun) parts.push(files.slice(i, i + perRun));
  const whole = run(ffmpegPath, evidenceArgs(await listOf('parts.ffconcat', parts.length), out, 'pipe'), 'ignore', pipes(parts.length));
  const changed: Changed[] = [];
  let failure: string | null = null;
  for (const [i, part] of parts.entries()) {
    const into = whole.child.stdio[FIRST_FD + i] as Writable;
    if (failure !== null || whole.child.exitCode !== null || whole.child.signalCode !== null) {
      into.destroy();
      continue;
    }
    const r = run(ffmpegPath, evidencePartArgs(await listOf(`part-${i}.ffconcat`, part.length)), 'pipe', pipes(part.length));
    into.on('error', () => { r.child.kill('SIGKILL'); });
    r.child.stdout?.pipe(into);
    changed.push(...await feedPipes(r.child, part));
    const code = await r.exited;
    if (code !== 0) failure = r.failure(code);
  }
  const code = await whole.exited;
  return { changed, failure: failure ?? (code === 0 ? null : whole.failure(code)) };
}

/** open-file: ffmpeg reads the opened files (/dev/fd/N) while the station checks them. */
async function inPlace(files: readonly Opened[], out: string, work: string, ffmpegPath: string): Promise<Written> {
  const list = join(work, 'segments.ffconcat');
  await writeFile(list, concatList(files.map((_f, i) => inheritedPath(FIRST_FD + i))));
  const r = run(ffmpegPath, evidenceArgs(list, out, 'open-file'), 'ignore', files.map((f) => f.file.handle.fd));
  const changed = await checkInPlace(files, r.exited);
  const code = await r.exited;
  return { changed, failure: code === 0 ? null : r.failure(code) };
}

export interface EvidenceWriteOptions {
  readonly ffmpegPath?: string;
  /** Decides how ffmpeg reads the segments (segmentFeed.ts); the station's own by default. */
  readonly platform?: NodeJS.Platform;
  /** Pipes per ffmpeg where the segments go through pipes (MAX_PIPES). */
  readonly pipesPerRun?: number;
}

/**
 * Writes `out` from the segments, in order. Resolves with the segments found changed on the way
 * (their bytes differ from the recorded SHA-256, or something wrote to them while the file was
 * made); when there are any, `out` is not kept. Throws EvidenceWriteError when ffmpeg fails.
 */
export async function writeEvidenceMp4(segments: readonly SourceSegment[], out: string, o: EvidenceWriteOptions = {}): Promise<Changed[]> {
  if (segments.length === 0) throw new EvidenceWriteError('no segments to export');
  const ffmpegPath = o.ffmpegPath ?? 'ffmpeg';
  const opened = await Promise.all(segments.map(async (s) => ({ s, file: await openSegment(s.path) })));
  const missing: Changed[] = opened.filter((x) => x.file === null).map((x) => ({ seq: x.s.seq, ok: false, found: null }));
  const files: Opened[] = opened.flatMap((x) => (x.file ? [{ s: x.s, file: x.file }] : []));
  const work = await mkdtemp(join(dirname(out), '.export-'));
  try {
    if (missing.length > 0) return missing;
    const written = segmentFeed(o.platform ?? process.platform) === 'open-file'
      ? await inPlace(files, out, work, ffmpegPath)
      : await throughPipes(files, out, work, ffmpegPath, Math.max(1, o.pipesPerRun ?? MAX_PIPES));
    if (written.changed.length > 0) {
      await rm(out, { force: true });
      return written.changed;
    }
    if (written.failure !== null) throw new EvidenceWriteError(`ffmpeg could not write ${out}: ${written.failure}`);
    return [];
  } finally {
    await Promise.all(files.map((f) => f.file.handle.close().catch(() => undefined)));
    await rm(work, { recursive: true, force: true });
  }
}
