// A live view in a video element: the station's fragmented MP4 appended as it arrives, the
// playhead kept close to the newest picture (a live view that drifts seconds behind is no longer
// live), played media dropped as it ages, and the stream opened again when it breaks.
import { ApiCallError } from '../../../common/api.js';
import { R } from '../../../common/recordingText.js';
import { MseBuffer, rangeAt, UnsupportedMedia } from './mseBuffer.js';
import { openStream } from './mediaFetch.js';

export type LiveState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'playing' }
  /** No new picture for a while: the station is reconnecting to the camera. */
  | { readonly kind: 'stalled' }
  | { readonly kind: 'failed'; readonly message: string; readonly status: number };

/** Further behind the newest picture than this, the playhead jumps forward. */
const MAX_BEHIND_S = 1.2;
/** Where it lands: just behind the newest picture, so that the next fragment arrives in time. */
const LAND_BEHIND_S = 0.3;
const STALL_MS = 4000;
const RECONNECT_MS = 2000;

/** Starts showing `url` in `video`; returns the function that stops it. */
export function startLive(video: HTMLVideoElement, url: string, onState: (s: LiveState) => void): () => void {
  const abort = new AbortController();
  let buffer: MseBuffer | null = null;
  let lastData = 0;
  let state: LiveState['kind'] = 'connecting';
  const say = (s: LiveState): void => {
    if (abort.signal.aborted) return;
    state = s.kind;
    onState(s);
  };

  const keepLive = (): void => {
    if (!buffer) return;
    const b = buffer.buffered;
    if (b.length === 0) return;
    const end = b.end(b.length - 1);
    const inRange = rangeAt(b, video.currentTime);
    if (!inRange || end - video.currentTime > MAX_BEHIND_S) video.currentTime = Math.max(b.start(b.length - 1), end - LAND_BEHIND_S);
    if (video.paused) void video.play().catch(() => undefined);
  };
  const watchdog = setInterval(() => {
    if (state === 'playing' && Date.now() - lastData > STALL_MS) say({ kind: 'stalled' });
    void buffer?.trim();
  }, 1000);

  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const { mime, reader } = await openStream(url, abort.signal);
        buffer?.close();
        buffer = await MseBuffer.open(video, mime);
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          await buffer.append(value);
          lastData = Date.now();
          if (state !== 'playing') say({ kind: 'playing' });
          keepLive();
        }
      } catch (err) {
        if (abort.signal.aborted) return;
        if (err instanceof UnsupportedMedia) {
          say({ kind: 'failed', message: R.errors.unsupported, status: 0 });
          return;
        }
        // A refusal (not signed in, not allowed, no such camera, no picture) is final; a broken connection is not.
        if (err instanceof ApiCallError && err.status >= 400 && err.status < 500) {
          say({ kind: 'failed', message: err.message, status: err.status });
          return;
        }
        if (err instanceof ApiCallError && err.status >= 500) say({ kind: 'failed', message: err.message, status: err.status });
        else say({ kind: 'stalled' });
      }
      if (abort.signal.aborted) return;
      await new Promise((r) => setTimeout(r, RECONNECT_MS));
      if (state !== 'failed') say({ kind: 'stalled' });
    }
  };
  say({ kind: 'connecting' });
  // Started on the next turn: a view stopped at once (a component mounted and unmounted in the same
  // moment) never reaches the station, whose viewing log would otherwise show an empty viewing.
  const start = setTimeout(() => void run(), 0);
  return () => {
    clearTimeout(start);
    abort.abort();
    clearInterval(watchdog);
    buffer?.close();
    buffer = null;
  };
}
