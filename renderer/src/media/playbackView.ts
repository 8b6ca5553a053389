// Playback of a recording in a video element. The station streams the recorded segments as one
// fragmented MP4 with markers (common/playbackMarkers.ts) that say where each segment lies on the
// stream's time line and which segments it refused; from them the player knows the wall-clock
// time of what it shows, jumps the gaps (where nothing was recorded, or a segment was refused),
// and seeks inside what it already has without asking again. A seek elsewhere opens a new stream
// there. The speed is the video element's (×1, ×2, ×4).
import { ApiCallError } from '../../../common/api.js';
import { decodeMarker, type PlaybackMarker } from '../../../common/playbackMarkers.js';
import { BoxSplitter, openStream } from './mediaFetch.js';
import { R } from '../../../common/recordingText.js';
import { MseBuffer, nextRangeAfter, rangeAt, UnsupportedMedia } from './mseBuffer.js';

export type SegmentMarker = Extract<PlaybackMarker, { kind: 'segment' }>;
export type RefusedMarker = Extract<PlaybackMarker, { kind: 'refused' }>;

export type PlaybackState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'playing' }
  | { readonly kind: 'paused' }
  | { readonly kind: 'ended' }
  | { readonly kind: 'failed'; readonly message: string; readonly status: number };

export interface PlaybackEvents {
  state(s: PlaybackState): void;
  /** The wall-clock instant (UTC ms) being shown, as it moves. */
  position(at: number): void;
  /** A segment the station would not play (missing, or changed since it was recorded). */
  refused(m: RefusedMarker): void;
  /** The player jumped over a stretch without recording, from one wall instant to another. */
  skipped(from: number, to: number): void;
}

/**
 * The wall instant shown at time `t` of a stream whose segments lie as `segments` say, or null
 * before the first. Past its recorded span a segment's last instant stays shown —
 * over the little media a segment may hold beyond it (the remuxed audio runs on after the last
 * picture) and over a gap on the stream — until the next segment begins. The page learns the
 * playhead's time only now and then (every quarter second, a second of media at ×4), so a time
 * that fell between two segments must still say where the playhead stands: else the clock would
 * stop at the last time seen inside a span, and a segment shorter than a second of media could be
 * played through without the clock ever showing it.
 */
export function wallOnStream(segments: readonly SegmentMarker[], t: number): number | null {
  let shown: SegmentMarker | null = null;
  for (const s of segments) {
    // A fragment may begin a hair before its segment's place on the stream (rounding of times).
    if (s.mediaStart - 0.05 <= t && (!shown || s.mediaStart >= shown.mediaStart)) shown = s;
  }
  if (!shown) return null;
  return Math.min(shown.wallEnd, shown.wallStart + Math.max(0, t - shown.mediaStart) * 1000);
}

/** Read no further ahead of the playhead than this (the network and the station wait meanwhile). */
const AHEAD_S = 90;
/** This close to the end of what is buffered, with more after a gap, the playhead jumps the gap. */
const GAP_JUMP_S = 0.25;

export type PlayheadStep = { readonly kind: 'jump'; readonly to: number } | { readonly kind: 'end'; readonly at: number } | null;

/**
 * What the playhead at `t` is to do with `buffered`: jump a gap to what follows it, or — the
 * stream being `complete` and nothing following — stop at the very end of all there is. The
 * browser may stall a little short of any buffered end, so both are taken from GAP_JUMP_S before
 * it; the end is then the end itself, not where the playhead stood: the last picture, and the
 * clock at the end of what was recorded, are what the page shows.
 */
export function playheadStep(buffered: TimeRanges, t: number, complete: boolean): PlayheadStep {
  const range = rangeAt(buffered, t);
  const next = nextRangeAfter(buffered, range ? range[1] - 0.01 : t);
  if (next !== null && (!range || t >= range[1] - GAP_JUMP_S)) return { kind: 'jump', to: next };
  if (complete && range && next === null && t >= range[1] - GAP_JUMP_S) return { kind: 'end', at: range[1] };
  return null;
}

export class PlaybackView {
  private abort: AbortController | null = null;
  private buffer: MseBuffer | null = null;
  private segments: SegmentMarker[] = [];
  private complete = false;
  private rate = 1;
  private wantPlay = true;
  private readonly listeners: [string, () => void][] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  private opening: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly video: HTMLVideoElement, private readonly urlAt: (at: number) => string, private readonly on: PlaybackEvents) {
    const listen = (name: string, fn: () => void): void => {
      video.addEventListener(name, fn);
      this.listeners.push([name, fn]);
    };
    listen('timeupdate', () => this.tick());
    listen('waiting', () => this.tick());
    listen('playing', () => this.on.state({ kind: 'playing' }));
    listen('pause', () => { if (!this.video.ended) this.on.state({ kind: 'paused' }); });
    listen('ended', () => this.on.state({ kind: 'ended' }));
    this.timer = setInterval(() => { void this.buffer?.trim(); this.tick(); }, 1000);
  }

  /** The wall instant of a time on the current stream (see wallOnStream). */
  wallAt(t: number): number | null {
    return wallOnStream(this.segments, t);
  }

  private mediaAt(at: number): number | null {
    const s = this.segments.find((m) => at >= m.wallStart && at < m.wallEnd);
    return s ? s.mediaStart + (at - s.wallStart) / 1000 : null;
  }

  /** Plays from wall instant `at`: within what is already here if it can, else from a new stream. */
  seek(at: number): void {
    const t = this.mediaAt(at);
    if (t !== null && this.buffer && rangeAt(this.buffer.buffered, t, 0)) {
      this.video.currentTime = t;
      return;
    }
    // On the next turn, so that a player stopped at once never opens a stream (see liveView.ts).
    clearTimeout(this.opening);
    this.opening = setTimeout(() => void this.open(at), 0);
  }

  setRate(rate: number): void {
    this.rate = rate;
    this.video.playbackRate = rate;
  }

  play(): void {
    this.wantPlay = true;
    void this.video.play().catch(() => undefined);
  }

  pause(): void {
    this.wantPlay = false;
    this.video.pause();
  }

  stop(): void {
    clearTimeout(this.opening);
    this.abort?.abort();
    this.abort = null;
    clearInterval(this.timer);
    for (const [name, fn] of this.listeners) this.video.removeEventListener(name, fn);
    this.buffer?.close();
    this.buffer = null;
  }

  private async open(at: number): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.on.state({ kind: 'loading' });
    this.segments = [];
    this.complete = false;
    let positioned = false;
    try {
      const { mime, reader } = await openStream(this.urlAt(at), abort.signal);
      this.buffer?.close();
      const buffer = await MseBuffer.open(this.video, mime);
      this.buffer = buffer;
      this.video.playbackRate = this.rate;
      const boxes = new BoxSplitter();
      for (;;) {
        await this.room(abort.signal);
        const { value, done } = await reader.read();
        if (done || abort.signal.aborted) break;
        for (const box of boxes.push(value)) {
          const marker = box.type === 'free' ? decodeMarker(box.bytes.subarray(8)) : null;
          if (marker) this.mark(marker);
          else if (box.type !== 'free') await buffer.append(box.bytes);
        }
        if (!positioned && buffer.buffered.length > 0) {
          positioned = true;
          this.video.currentTime = Math.max(buffer.buffered.start(0), this.mediaAt(at) ?? 0);
          if (this.wantPlay) void this.video.play().catch(() => undefined);
        }
      }
      if (abort.signal.aborted) return;
      if (!positioned) this.on.state({ kind: 'ended' });
      await buffer.end();
    } catch (err) {
      if (abort.signal.aborted) return;
      const message = err instanceof UnsupportedMedia ? R.errors.unsupported : err instanceof Error ? err.message : String(err);
      this.on.state({ kind: 'failed', message, status: err instanceof ApiCallError ? err.status : 0 });
    }
  }

  private mark(m: PlaybackMarker): void {
    switch (m.kind) {
      case 'segment': this.segments.push(m); return;
      case 'refused': this.on.refused(m); return;
      case 'end': this.complete = true; return;
    }
  }

  /** Waits while enough lies buffered ahead of the playhead. */
  private async room(signal: AbortSignal): Promise<void> {
    for (;;) {
      const b = this.buffer?.buffered;
      if (signal.aborted || !b || b.length === 0 || b.end(b.length - 1) - this.video.currentTime < AHEAD_S) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  private tick(): void {
    const b = this.buffer?.buffered;
    if (!b) return;
    const t = this.video.currentTime;
    const wall = this.wallAt(t);
    if (wall !== null) this.on.position(wall);
    const step = playheadStep(b, t, this.complete);
    if (step?.kind === 'jump') {
      this.video.currentTime = step.to;
      const to = this.wallAt(step.to);
      if (wall !== null && to !== null) this.on.skipped(wall, to);
      if (this.wantPlay) void this.video.play().catch(() => undefined);
    } else if (step?.kind === 'end') {
      // The move fires timeupdate, and the clock follows it to the end (wallOnStream).
      if (t < step.at) this.video.currentTime = step.at;
      this.video.pause();
      this.on.state({ kind: 'ended' });
    }
  }
}
