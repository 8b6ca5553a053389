// What a playback stream says besides its pictures. The station's playback response is
// fragmented MP4 with, between its fragments, top-level `free` boxes (which MP4 readers skip)
// carrying a tag and one JSON object: where each recorded segment lies on the stream's time line,
// and each segment that was refused because it is missing or no longer matches its recorded
// SHA-256 — so that the page can show the wall-clock time of what plays, jump the gaps, and say
// plainly what it did not play. The station writes these boxes and the page reads them; this
// file is the one definition of the format.

export type RefusalReason = 'changed' | 'missing' | 'unreadable';

export type PlaybackMarker =
  /** The segment's own time 0 (its recorded start, wall ms `wallStart`) lies at `mediaStart` seconds on the stream. */
  | { readonly kind: 'segment'; readonly seq: number; readonly wallStart: number; readonly wallEnd: number; readonly mediaStart: number }
  /**
   * Not played: `changed` (its bytes no longer hash to `expected`), `missing` (no file),
   * `unreadable` (the bytes match, but could not be turned into pictures).
   */
  | {
    readonly kind: 'refused'; readonly seq: number; readonly reason: RefusalReason; readonly wallStart: number; readonly wallEnd: number;
    readonly expected: string; readonly found: string | null;
  }
  /** Everything asked for has been sent. */
  | { readonly kind: 'end' };

/** The first four bytes of a marker box's payload. */
const TAG = 'CSTN';
const enc = new TextEncoder();
const dec = new TextDecoder();

export function encodeMarker(m: PlaybackMarker): Uint8Array {
  const json = enc.encode(JSON.stringify(m));
  const size = 8 + TAG.length + json.length;
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(enc.encode(`free${TAG}`), 4);
  out.set(json, 8 + TAG.length);
  return out;
}

/** The marker a `free` box's payload carries, or null when it is not one of the station's. */
export function decodeMarker(payload: Uint8Array): PlaybackMarker | null {
  if (payload.length < TAG.length || dec.decode(payload.subarray(0, TAG.length)) !== TAG) return null;
  try {
    const value = JSON.parse(dec.decode(payload.subarray(TAG.length))) as { kind?: unknown };
    return value.kind === 'segment' || value.kind === 'refused' || value.kind === 'end' ? (value as PlaybackMarker) : null;
  } catch {
    return null;
  }
}
