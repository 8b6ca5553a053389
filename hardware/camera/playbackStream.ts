// Playback of recorded segments as one fragmented MP4 stream. Each segment is opened and checked
// against the SHA-256 recorded when it was closed, and only then remuxed. How ffmpeg gets it
// depends on the platform (segmentFeed.ts): on Linux ffmpeg reads the open file that was checked
// (segmentVerdict.ts: hashed once, the verdict kept while the file is unchanged, so a seek does not
// hash again, and ffmpeg starts at the keyframe before the seek point); elsewhere the station reads
// the segment whole, hashes those bytes and writes them into ffmpeg's stdin. A segment that is
// missing or changed is never played: the stream says so in a marker (common/playbackMarkers.ts)
// and goes on with the next one. Segments that followed each other when recorded are laid end to
// end on the stream's time line (the page plays across them without a pause); after a gap, the
// next one lies as far on as the gap was long.
//
// Work follows demand: the next segment is read and remuxed only when the consumer asks for more,
// so a page that pauses, or a slow network, holds the station's work back as well.
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { encodeMarker, type PlaybackMarker } from '../../common/playbackMarkers.js';
import { closeable } from './closeable.js';
import { keyframeTimes } from './mkvCues.js';
import { SEGMENT_FILE } from './ffmpegArgs.js';
import { playbackArgs } from './playbackArgs.js';
import { inheritedPath, pipeInput, segmentFeed } from './segmentFeed.js';
import { openChecked, readChecked, stillSame, type OpenSegment } from './segmentVerdict.js';
import { fragmentSpan, mimeOf, Mp4Splitter, shiftFragment, type Mp4Piece, type TrackInfo } from './mp4Boxes.js';

/** A closed segment as the record has it. */
export interface RecordedSegment {
  readonly seq: number;
  readonly path: string;
  readonly sha256: string;
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface PlaybackOptions {
  /** The segments to play, in time order. */
  readonly segments: readonly RecordedSegment[];
  /** Wall ms where playback starts: the first segment played is the one holding this instant. */
  readonly at: number;
  /** Wall ms at the stream's time 0. */
  readonly origin: number;
  readonly ffmpegPath?: string;
  /** Decides how ffmpeg reads a checked segment (segmentFeed.ts); the station's own by default. */
  readonly platform?: NodeJS.Platform;
  readonly signal?: AbortSignal;
  /** Told of each segment checked: for the log of what was refused. */
  readonly checked?: (seq: number, outcome: 'played' | 'changed' | 'missing' | 'unreadable') => void;
}

export interface PlaybackOutput {
  /** The stream's MIME type with its codecs, or null when no segment could be played. */
  readonly mime: string | null;
  readonly body: AsyncIterable<Uint8Array>;
}

/** Segments whose recorded times are this close followed each other (the recorder closes one as it opens the next). */
export const CONTIGUOUS_MS = 1500;

/**
 * Whether the recorder wrote `b` right after `a` (the same ffmpeg run, the next number). Such
 * segments follow each other without a gap whatever their recorded times say: those are taken
 * when the station reads of a segment's close, which a busy moment can delay by a second or two.
 */
export function followsInRun(a: string, b: string): boolean {
  const ma = SEGMENT_FILE.exec(basename(a));
  const mb = SEGMENT_FILE.exec(basename(b));
  return ma !== null && mb !== null && ma[1] === mb[1] && Number(mb[2]) === Number(ma[2]) + 1;
}

/** Bytes of the stream; the first bytes of an init segment carry the stream's MIME type. */
interface Out { readonly bytes: Buffer; readonly mime?: string }

const marker = (m: PlaybackMarker): Out => ({ bytes: Buffer.from(encodeMarker(m)) });

/** A checked segment as ffmpeg is to read it: the open file that was checked, or the checked bytes. */
type Source = { readonly kind: 'open-file'; readonly file: OpenSegment } | { readonly kind: 'pipe'; readonly bytes: Buffer };

type Check = { readonly ok: true; readonly source: Source } | { readonly ok: false; readonly reason: 'missing' | 'changed'; readonly found: string | null };

async function check(seg: RecordedSegment, platform: NodeJS.Platform): Promise<Check> {
  if (segmentFeed(platform) === 'open-file') {
    const v = await openChecked(seg.path, seg.sha256);
    return v.ok ? { ok: true, source: { kind: 'open-file', file: v.file } } : v;
  }
  const v = await readChecked(seg.path, seg.sha256);
  return v.ok ? { ok: true, source: { kind: 'pipe', bytes: v.bytes } } : v;
}

/** A segment written to after its check: what ffmpeg reads from it may not be what was checked. */
class ChangedWhilePlayed extends Error {
  override name = 'ChangedWhilePlayed';
}

/** Whether what ffmpeg has read so far is still what was checked (checked bytes in memory cannot change). */
async function intact(source: Source): Promise<boolean> {
  return source.kind === 'pipe' || stillSame(source.file);
}

/** The pieces ffmpeg makes of one segment's bytes, as it makes them; pauses ffmpeg while the consumer does not ask. */
async function* remux(source: Source, from: number, ffmpegPath: string, signal: AbortSignal | undefined): AsyncGenerator<Mp4Piece> {
  const input = source.kind === 'open-file' ? inheritedPath(0) : pipeInput(0);
  const child = spawn(ffmpegPath, playbackArgs(input, from), { stdio: [source.kind === 'open-file' ? source.file.handle.fd : 'pipe', 'pipe', 'pipe'] });
  const { stdout, stderr: errors } = child;
  if (!stdout || !errors) throw new Error('ffmpeg started without its pipes');
  if (source.kind === 'pipe') {
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(source.bytes);
  }
  const splitter = new Mp4Splitter();
  const ready: Mp4Piece[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let stderr = '';
  const poke = (): void => { const w = wake; wake = null; w?.(); };
  const abort = (): void => { child.kill('SIGKILL'); };
  signal?.addEventListener('abort', abort, { once: true });
  errors.setEncoding('utf8').on('data', (d: string) => { stderr = (stderr + d).slice(-400); });
  stdout.on('data', (chunk: Buffer) => {
    try {
      ready.push(...splitter.push(chunk));
    } catch (err) {
      failure = err as Error;
      child.kill('SIGKILL');
    }
    if (ready.length > 8) stdout.pause();
    poke();
  });
  child.on('error', (err) => { failure = err; });
  child.on('close', (code, sig) => {
    if (code !== 0 && !failure) failure = new Error(`ffmpeg exited (${sig ?? `code ${String(code)}`}): ${stderr.trim().split('\n').pop() ?? ''}`);
    done = true;
    poke();
  });
  try {
    for (;;) {
      const piece = ready.shift();
      if (piece) {
        if (ready.length <= 2) stdout.resume();
        yield piece;
        continue;
      }
      if (done) break;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
    if (failure) throw failure as Error;
  } finally {
    signal?.removeEventListener('abort', abort);
    if (!done) child.kill('SIGKILL');
  }
}

/**
 * Where ffmpeg starts in a segment played from `t` (s): the last keyframe at or before it by the
 * segment's Cues, or 0 (its start) when they say nothing. A pipe cannot be sought in (ffmpeg's -ss
 * on a Matroska pipe loses pictures), so there the segment is remuxed from its start and what
 * comes before `t` is dropped.
 */
async function startKeyframe(source: Source, t: number): Promise<number> {
  if (t <= 0 || source.kind === 'pipe') return 0;
  try {
    return (await keyframeTimes(source.file.handle)).filter((k) => k <= t).pop() ?? 0;
  } catch {
    return 0;
  }
}

async function* produce(o: PlaybackOptions): AsyncGenerator<Out> {
  const ffmpeg = o.ffmpegPath ?? 'ffmpeg';
  const platform = o.platform ?? process.platform;
  let lastInit: Buffer | null = null;
  let previous: { path: string; endedAt: number; mediaEnd: number } | null = null;
  for (const seg of o.segments) {
    if (seg.endedAt <= o.at) continue;
    if (o.signal?.aborted) return;
    const wallStart = seg.startedAt;
    const checked = await check(seg, platform);
    if (!checked.ok) {
      o.checked?.(seg.seq, checked.reason);
      yield marker({ kind: 'refused', seq: seg.seq, reason: checked.reason, wallStart, wallEnd: seg.endedAt, expected: seg.sha256, found: checked.found });
      previous = null;
      continue;
    }
    const byClock = Math.max(0, (wallStart - o.origin) / 1000);
    const mediaStart: number = previous === null ? byClock
      : followsInRun(previous.path, seg.path) || wallStart - previous.endedAt <= CONTIGUOUS_MS ? previous.mediaEnd : Math.max(previous.mediaEnd, byClock);
    // Within the first segment, playback starts at the group of pictures holding `at`: ffmpeg
    // starts at its keyframe where it can (startKeyframe), so the segment is not remuxed from its
    // start only to drop all that comes before; fragments come out timed from where it started.
    const { source } = checked;
    const skipTo = (o.at - wallStart) / 1000;
    const from = await startKeyframe(source, skipTo);
    let tracks: readonly TrackInfo[] | null = null;
    let mediaEnd: number = mediaStart;
    let announced = false;
    try {
      for await (const piece of remux(source, from, ffmpeg, o.signal)) {
        // Nothing made from bytes read after a write to the file is sent: a write moves the file's
        // stamps before ffmpeg can read what it wrote, and ffmpeg hands a piece over only after
        // reading its bytes.
        if (!(await intact(source))) throw new ChangedWhilePlayed();
        if (piece.kind === 'init') {
          tracks = piece.init.tracks;
          if (!announced) {
            yield marker({ kind: 'segment', seq: seg.seq, wallStart, wallEnd: seg.endedAt, mediaStart });
            announced = true;
          }
          if (!lastInit?.equals(piece.init.bytes)) yield { bytes: piece.init.bytes, mime: mimeOf(tracks) };
          lastInit = piece.init.bytes;
          continue;
        }
        if (!tracks) continue;
        const span = fragmentSpan(piece.fragment, tracks);
        if (span && from + span.end <= skipTo) continue;
        const moved = shiftFragment(piece.fragment, tracks, mediaStart + from);
        if (span) mediaEnd = Math.max(mediaEnd, mediaStart + from + span.end);
        yield { bytes: moved.bytes };
      }
      // Written to while the last pieces were made: refused like any changed segment, not passed over.
      if (!(await intact(source))) throw new ChangedWhilePlayed();
      o.checked?.(seg.seq, 'played');
      previous = { path: seg.path, endedAt: seg.endedAt, mediaEnd };
    } catch (err) {
      if (o.signal?.aborted) return;
      // ffmpeg may also stumble over bytes written after the check: the file's stamps say which it was.
      const changed = err instanceof ChangedWhilePlayed || !(await intact(source));
      o.checked?.(seg.seq, changed ? 'changed' : 'unreadable');
      yield marker({ kind: 'refused', seq: seg.seq, reason: changed ? 'changed' : 'unreadable', wallStart, wallEnd: seg.endedAt, expected: seg.sha256, found: changed ? null : seg.sha256 });
      previous = null;
    } finally {
      if (source.kind === 'open-file') await source.file.handle.close().catch(() => undefined);
    }
  }
  yield marker({ kind: 'end' });
}

/**
 * Starts playback: resolves once the first playable segment's init segment is ready (so that the
 * response can name its codecs) or once every segment has been refused.
 */
export async function openPlayback(o: PlaybackOptions): Promise<PlaybackOutput> {
  const source = produce(o);
  const head: Buffer[] = [];
  let mime: string | null = null;
  for (;;) {
    const r = await source.next();
    if (r.done) break;
    head.push(r.value.bytes);
    if (r.value.mime) {
      mime = r.value.mime;
      break;
    }
  }
  async function* body(): AsyncGenerator<Buffer> {
    yield* head;
    for await (const out of source) yield out.bytes;
  }
  // Ending the stream ends the producer (and the ffmpeg it may be running) even if nothing was read.
  return { mime, body: closeable(body(), async () => { await source.return(undefined); }) };
}
