// A video element fed through Media Source Extensions: one SourceBuffer, appends queued one at a
// time (a SourceBuffer takes one operation at a time), and old data dropped when the browser's
// buffer quota is reached, so that hours of playback never fill the page's memory.

/** Seconds of already-played media kept behind the playhead (to step back a little without a new request). */
const KEEP_BEHIND_S = 30;

/** The browser cannot play this stream through Media Source Extensions (no MSE, or not this codec). */
export class UnsupportedMedia extends Error {
  override name = 'UnsupportedMedia';
}

export class MseBuffer {
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(private readonly video: HTMLVideoElement, private readonly source: MediaSource, private readonly sb: SourceBuffer, private readonly url: string) {}

  /** Attaches a new MediaSource to the video and opens one SourceBuffer of `mime`. */
  static open(video: HTMLVideoElement, mime: string): Promise<MseBuffer> {
    if (typeof MediaSource === 'undefined' || !MediaSource.isTypeSupported(mime)) {
      return Promise.reject(new UnsupportedMedia(mime));
    }
    const source = new MediaSource();
    const url = URL.createObjectURL(source);
    return new Promise((resolve, reject) => {
      source.addEventListener('sourceopen', () => {
        try {
          const sb = source.addSourceBuffer(mime);
          sb.mode = 'segments';
          resolve(new MseBuffer(video, source, sb, url));
        } catch (err) {
          URL.revokeObjectURL(url);
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      }, { once: true });
      video.src = url;
    });
  }

  get buffered(): TimeRanges {
    return this.sb.buffered;
  }

  /** Appends bytes after everything queued before; a full buffer first drops what was played. */
  append(bytes: Uint8Array): Promise<void> {
    return this.queue(async () => {
      try {
        await this.op(() => this.sb.appendBuffer(bytes as Uint8Array<ArrayBuffer>));
      } catch (err) {
        if (!(err instanceof DOMException) || err.name !== 'QuotaExceededError') throw err;
        await this.dropPlayed(5);
        await this.op(() => this.sb.appendBuffer(bytes as Uint8Array<ArrayBuffer>));
      }
    });
  }

  /** Drops what lies more than `keep` seconds behind the playhead. */
  trim(keep = KEEP_BEHIND_S): Promise<void> {
    return this.queue(() => this.dropPlayed(keep));
  }

  /** No more data will come: the player may play to the very end. */
  end(): Promise<void> {
    return this.queue(async () => {
      if (this.source.readyState === 'open') this.source.endOfStream();
    });
  }

  close(): void {
    this.closed = true;
    try {
      if (this.source.readyState === 'open') this.sb.abort();
    } catch { /* already detached */ }
    this.video.removeAttribute('src');
    this.video.load();
    URL.revokeObjectURL(this.url);
  }

  private async dropPlayed(keep: number): Promise<void> {
    const until = this.video.currentTime - keep;
    const b = this.sb.buffered;
    if (b.length === 0 || until <= b.start(0)) return;
    await this.op(() => this.sb.remove(b.start(0), until));
  }

  private queue(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(() => (this.closed ? undefined : work()));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private op(start: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (): void => { this.sb.removeEventListener('error', failed); resolve(); };
      const failed = (): void => { this.sb.removeEventListener('updateend', done); reject(new Error('the browser could not decode the stream')); };
      this.sb.addEventListener('updateend', done, { once: true });
      this.sb.addEventListener('error', failed, { once: true });
      try {
        start();
      } catch (err) {
        this.sb.removeEventListener('updateend', done);
        this.sb.removeEventListener('error', failed);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }
}

/** The buffered range holding `t` (with a little slack), as [start, end], or null. */
export function rangeAt(b: TimeRanges, t: number, slack = 0.1): [number, number] | null {
  for (let i = 0; i < b.length; i++) {
    if (t >= b.start(i) - slack && t <= b.end(i) + slack) return [b.start(i), b.end(i)];
  }
  return null;
}

/** The start of the first buffered range after `t`, or null. */
export function nextRangeAfter(b: TimeRanges, t: number): number | null {
  for (let i = 0; i < b.length; i++) if (b.start(i) > t) return b.start(i);
  return null;
}
