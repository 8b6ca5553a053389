// Opens one of the station's media streams (live view or playback) with the page's sign-in: a
// relative address, so the same call goes to the HTTP server in a browser and through the app://
// protocol in the desk window. A refusal comes back as the station's own words.
import { ApiCallError } from '../../../common/api.js';
import { T } from '../../../common/deskText.js';

export interface OpenedStream {
  /** The stream's MIME type with its codecs (from Content-Type). */
  readonly mime: string;
  readonly reader: ReadableStreamDefaultReader<Uint8Array>;
}

export async function openStream(url: string, signal: AbortSignal): Promise<OpenedStream> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', signal, cache: 'no-store' });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new ApiCallError(0, 'UNREACHABLE', T.app.unreachable);
  }
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
    throw new ApiCallError(res.status, typeof body?.code === 'string' ? body.code : 'ERROR',
      typeof body?.message === 'string' ? body.message : `工作站返回错误 ${res.status}`);
  }
  return { mime: res.headers.get('content-type') ?? 'video/mp4', reader: res.body.getReader() };
}

/** Splits a byte stream into top-level MP4 boxes (to take out the station's playback markers). */
export class BoxSplitter {
  private pending = new Uint8Array(0);

  push(chunk: Uint8Array): { type: string; bytes: Uint8Array }[] {
    const joined = new Uint8Array(this.pending.length + chunk.length);
    joined.set(this.pending);
    joined.set(chunk, this.pending.length);
    const view = new DataView(joined.buffer);
    const out: { type: string; bytes: Uint8Array }[] = [];
    let at = 0;
    while (joined.length - at >= 8) {
      let size = view.getUint32(at);
      if (size === 1) {
        if (joined.length - at < 16) break;
        size = Number(view.getBigUint64(at + 8));
      }
      if (size < 8) throw new Error('bad box');
      if (joined.length - at < size) break;
      const type = String.fromCharCode(joined[at + 4] ?? 0, joined[at + 5] ?? 0, joined[at + 6] ?? 0, joined[at + 7] ?? 0);
      out.push({ type, bytes: joined.subarray(at, at + size) });
      at += size;
    }
    this.pending = joined.slice(at);
    return out;
  }
}
