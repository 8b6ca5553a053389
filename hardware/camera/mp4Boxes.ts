// Fragmented MP4 as ffmpeg writes it for streaming (`-movflags empty_moov+default_base_moof`):
// an init segment (ftyp + moov) and then fragments (moof + mdat). Live view and playback read the
// stream box by box to know where a fragment starts, whether it opens on a video keyframe (where a
// new viewer may join, or playback may start after a seek), how long it lasts, and to move a
// fragment in time (its tfdt) so that recorded segments play as one continuous stream.
//
// Only what those needs require is read; everything else passes through untouched.

/** A track of the init segment: its id, kind and timescale (units per second). */
export interface TrackInfo {
  readonly id: number;
  readonly kind: 'video' | 'audio' | 'other';
  readonly timescale: number;
  /** From trex: what a fragment's samples default to when neither tfhd nor trun say. */
  readonly defaultDuration: number;
  readonly defaultFlags: number;
  /** The RFC 6381 codec of the track as a browser names it (avc1.64001f, mp4a.40.2), or the sample entry's type (hev1, hvc1…). */
  readonly codec: string;
}

export interface InitSegment {
  /** ftyp + moov, as bytes to hand a player. */
  readonly bytes: Buffer;
  readonly tracks: readonly TrackInfo[];
}

/** One track's run inside a fragment, in that track's timescale. */
export interface FragmentTrack {
  readonly id: number;
  /** baseMediaDecodeTime of the traf. */
  readonly start: number;
  readonly duration: number;
  /** The first sample is a sync sample (a keyframe, for video). */
  readonly startsWithSync: boolean;
  /** Offset of the tfdt's time field inside the fragment's bytes, to move it. */
  readonly tfdtOffset: number;
  readonly tfdtVersion: number;
}

export interface Fragment {
  /** moof + mdat. */
  readonly bytes: Buffer;
  readonly tracks: readonly FragmentTrack[];
}

export type Mp4Piece = { readonly kind: 'init'; readonly init: InitSegment } | { readonly kind: 'fragment'; readonly fragment: Fragment };

/** A box's type and where its payload lies in the buffer it was read from. */
interface Box { type: string; start: number; headerSize: number; end: number }

const SAMPLE_IS_NON_SYNC = 0x0001_0000;

function readBox(buf: Buffer, at: number, limit: number): Box | null {
  if (limit - at < 8) return null;
  let size = buf.readUInt32BE(at);
  const type = buf.toString('latin1', at + 4, at + 8);
  let headerSize = 8;
  if (size === 1) {
    if (limit - at < 16) return null;
    const big = buf.readBigUInt64BE(at + 8);
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`mp4: box ${type} too large`);
    size = Number(big);
    headerSize = 16;
  } else if (size === 0) {
    throw new Error(`mp4: box ${type} without a size cannot be streamed`);
  }
  if (size < headerSize) throw new Error(`mp4: box ${type} has an impossible size ${size}`);
  return { type, start: at, headerSize, end: at + size };
}

/** The child boxes of a container box (or of a range of the buffer). */
function children(buf: Buffer, from: number, to: number): Box[] {
  const out: Box[] = [];
  for (let at = from; at < to;) {
    const b = readBox(buf, at, to);
    if (!b || b.end > to) throw new Error('mp4: a box runs past its container');
    out.push(b);
    at = b.end;
  }
  return out;
}

const payload = (b: Box): number => b.start + b.headerSize;
const child = (buf: Buffer, parent: Box, type: string): Box | undefined => children(buf, payload(parent), parent.end).find((c) => c.type === type);
const all = (buf: Buffer, parent: Box, type: string): Box[] => children(buf, payload(parent), parent.end).filter((c) => c.type === type);

function must(b: Box | undefined, what: string): Box {
  if (!b) throw new Error(`mp4: no ${what}`);
  return b;
}

/**
 * The codec of a track's first sample entry: avc1/avc3 with the profile, compatibility and level
 * of its avcC (what MediaSource.isTypeSupported and addSourceBuffer want); AAC as mp4a.40.2 (the
 * only audio the station writes into MP4); any other entry by its type, for the refusal to name.
 */
function codecOf(buf: Buffer, mdia: Box): string {
  const stbl = child(buf, must(child(buf, mdia, 'minf'), 'minf'), 'stbl');
  const stsd = stbl && child(buf, stbl, 'stsd');
  if (!stsd) return 'unknown';
  const entry = children(buf, payload(stsd) + 8, stsd.end)[0];
  if (!entry) return 'unknown';
  if (entry.type === 'avc1' || entry.type === 'avc3') {
    // A visual sample entry's own fields take 78 bytes before its child boxes.
    const avcC = children(buf, payload(entry) + 78, entry.end).find((c) => c.type === 'avcC');
    if (!avcC) return entry.type;
    const hex = (at: number): string => buf.readUInt8(at).toString(16).padStart(2, '0');
    const p = payload(avcC);
    return `${entry.type}.${hex(p + 1)}${hex(p + 2)}${hex(p + 3)}`;
  }
  if (entry.type === 'mp4a') return 'mp4a.40.2';
  return entry.type;
}

/** Tracks of a moov box: id (tkhd), handler (hdlr), timescale (mdhd), defaults (mvex/trex). */
function readMoov(buf: Buffer, moov: Box): TrackInfo[] {
  const trex = new Map<number, { duration: number; flags: number }>();
  const mvex = child(buf, moov, 'mvex');
  if (mvex) {
    for (const t of all(buf, mvex, 'trex')) {
      const p = payload(t) + 4;
      trex.set(buf.readUInt32BE(p), { duration: buf.readUInt32BE(p + 8), flags: buf.readUInt32BE(p + 16) });
    }
  }
  return all(buf, moov, 'trak').map((trak) => {
    const tkhd = must(child(buf, trak, 'tkhd'), 'tkhd');
    const version = buf.readUInt8(payload(tkhd));
    const id = buf.readUInt32BE(payload(tkhd) + 4 + (version === 1 ? 16 : 8));
    const mdia = must(child(buf, trak, 'mdia'), 'mdia');
    const mdhd = must(child(buf, mdia, 'mdhd'), 'mdhd');
    const mdhdVersion = buf.readUInt8(payload(mdhd));
    const timescale = buf.readUInt32BE(payload(mdhd) + 4 + (mdhdVersion === 1 ? 16 : 8));
    const hdlr = must(child(buf, mdia, 'hdlr'), 'hdlr');
    const handler = buf.toString('latin1', payload(hdlr) + 8, payload(hdlr) + 12);
    const defaults = trex.get(id) ?? { duration: 0, flags: 0 };
    return {
      id, kind: handler === 'vide' ? 'video' : handler === 'soun' ? 'audio' : 'other', timescale,
      defaultDuration: defaults.duration, defaultFlags: defaults.flags, codec: codecOf(buf, mdia),
    };
  });
}

/** Each traf of a moof: start, duration, whether it opens on a sync sample, where its tfdt is. */
function readMoof(buf: Buffer, moof: Box, tracks: readonly TrackInfo[]): FragmentTrack[] {
  return all(buf, moof, 'traf').map((traf) => {
    const tfhd = must(child(buf, traf, 'tfhd'), 'tfhd');
    const tfhdFlags = buf.readUInt32BE(payload(tfhd)) & 0xff_ffff;
    const id = buf.readUInt32BE(payload(tfhd) + 4);
    const track = tracks.find((t) => t.id === id);
    let p = payload(tfhd) + 8;
    if (tfhdFlags & 0x1) p += 8; // base-data-offset
    if (tfhdFlags & 0x2) p += 4; // sample-description-index
    let defaultDuration = track?.defaultDuration ?? 0;
    let defaultFlags = track?.defaultFlags ?? 0;
    if (tfhdFlags & 0x8) { defaultDuration = buf.readUInt32BE(p); p += 4; }
    if (tfhdFlags & 0x10) p += 4; // default-sample-size
    if (tfhdFlags & 0x20) defaultFlags = buf.readUInt32BE(p);
    const tfdt = must(child(buf, traf, 'tfdt'), 'tfdt');
    const tfdtVersion = buf.readUInt8(payload(tfdt));
    const timeAt = payload(tfdt) + 4;
    const start = tfdtVersion === 1 ? Number(buf.readBigUInt64BE(timeAt)) : buf.readUInt32BE(timeAt);
    let duration = 0;
    let firstFlags: number | null = null;
    for (const trun of all(buf, traf, 'trun')) {
      const flags = buf.readUInt32BE(payload(trun)) & 0xff_ffff;
      const count = buf.readUInt32BE(payload(trun) + 4);
      let q = payload(trun) + 8;
      if (flags & 0x1) q += 4; // data-offset
      let first: number | null = null;
      if (flags & 0x4) { first = buf.readUInt32BE(q); q += 4; }
      const fieldBytes = 4 * [0x100, 0x200, 0x400, 0x800].filter((f) => flags & f).length;
      for (let i = 0; i < count; i++) {
        let r = q + i * fieldBytes;
        if (flags & 0x100) { duration += buf.readUInt32BE(r); r += 4; } else duration += defaultDuration;
        if (flags & 0x200) r += 4;
        if (i === 0 && firstFlags === null) {
          firstFlags = first ?? (flags & 0x400 ? buf.readUInt32BE(r) : defaultFlags);
        }
      }
    }
    return {
      id, start, duration, startsWithSync: firstFlags !== null && (firstFlags & SAMPLE_IS_NON_SYNC) === 0,
      tfdtOffset: timeAt - moof.start, tfdtVersion,
    };
  });
}

/**
 * Splits a byte stream into the init segment and fragments, as the bytes arrive. Boxes other than
 * ftyp, moov, moof and mdat (e.g. the mfra ffmpeg writes at the end) are dropped: a player has no
 * use for them.
 */
export class Mp4Splitter {
  private pending: Buffer = Buffer.alloc(0);
  private head: Buffer[] = [];
  private tracks: readonly TrackInfo[] | null = null;
  private moof: Buffer | null = null;

  /** The tracks, once the init segment has been read. */
  get trackInfo(): readonly TrackInfo[] | null {
    return this.tracks;
  }

  push(chunk: Buffer): Mp4Piece[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const out: Mp4Piece[] = [];
    let at = 0;
    for (;;) {
      const box = readBox(this.pending, at, this.pending.length);
      if (!box || box.end > this.pending.length) break;
      const bytes = this.pending.subarray(box.start, box.end);
      const piece = this.take(box.type, bytes);
      if (piece) out.push(piece);
      at = box.end;
    }
    // Copy the remainder so that the (possibly large) chunk it came from can be freed.
    this.pending = at === 0 ? this.pending : Buffer.from(this.pending.subarray(at));
    return out;
  }

  private take(type: string, bytes: Buffer): Mp4Piece | null {
    switch (type) {
      case 'ftyp':
        this.head = [Buffer.from(bytes)];
        return null;
      case 'moov': {
        const own = Buffer.from(bytes);
        this.tracks = readMoov(own, { type, start: 0, headerSize: headerSizeOf(own), end: own.length });
        const init = Buffer.concat([...this.head, own]);
        this.head = [];
        return { kind: 'init', init: { bytes: init, tracks: this.tracks } };
      }
      case 'moof':
        this.moof = Buffer.from(bytes);
        return null;
      case 'mdat': {
        const moof = this.moof;
        this.moof = null;
        if (!moof || !this.tracks) return null;
        const fragmentBytes = Buffer.concat([moof, bytes]);
        const tracks = readMoof(fragmentBytes, { type: 'moof', start: 0, headerSize: headerSizeOf(moof), end: moof.length }, this.tracks);
        return { kind: 'fragment', fragment: { bytes: fragmentBytes, tracks } };
      }
      default:
        return null;
    }
  }
}

function headerSizeOf(box: Buffer): number {
  return box.readUInt32BE(0) === 1 ? 16 : 8;
}

/** The video track of an init segment (the first one), if any. */
export function videoTrack(tracks: readonly TrackInfo[]): TrackInfo | undefined {
  return tracks.find((t) => t.kind === 'video');
}

/** Whether a fragment may begin a picture: its video run opens on a keyframe (audio-only streams: always). */
export function opensOnKeyframe(fragment: Fragment, tracks: readonly TrackInfo[]): boolean {
  const video = videoTrack(tracks);
  if (!video) return true;
  const run = fragment.tracks.find((t) => t.id === video.id);
  return run !== undefined && run.startsWithSync;
}

/** The fragment's span in seconds, on the track that decides (video, else the first). */
export function fragmentSpan(fragment: Fragment, tracks: readonly TrackInfo[]): { start: number; end: number } | null {
  const track = videoTrack(tracks) ?? tracks[0];
  const run = track && fragment.tracks.find((t) => t.id === track.id);
  if (!track || !run || track.timescale === 0) return null;
  return { start: run.start / track.timescale, end: (run.start + run.duration) / track.timescale };
}

/**
 * A copy of the fragment moved by `seconds` (tfdt += seconds × timescale, per track). Used to lay
 * recorded segments, each of which starts at time 0, one after another on one time line.
 */
export function shiftFragment(fragment: Fragment, tracks: readonly TrackInfo[], seconds: number): Fragment {
  const bytes = Buffer.from(fragment.bytes);
  const moved = fragment.tracks.map((run) => {
    const track = tracks.find((t) => t.id === run.id);
    if (!track) return run;
    const start = Math.max(0, run.start + Math.round(seconds * track.timescale));
    if (run.tfdtVersion === 1) bytes.writeBigUInt64BE(BigInt(start), run.tfdtOffset);
    else if (start <= 0xffff_ffff) bytes.writeUInt32BE(start, run.tfdtOffset);
    else throw new Error('mp4: a 32-bit tfdt cannot hold the moved time');
    return { ...run, start };
  });
  return { bytes, tracks: moved };
}

/** The MIME type of a stream with these tracks, codecs included, as MediaSource wants it. */
export function mimeOf(tracks: readonly TrackInfo[]): string {
  const codecs = tracks.filter((t) => t.kind !== 'other').map((t) => t.codec);
  return `video/mp4; codecs="${codecs.join(',')}"`;
}

/**
 * Why a browser cannot play these tracks through Media Source Extensions, or null: Chromium (the
 * desk window, supervisors' browsers) decodes H.264 there, not H.265 — a camera that sends H.265
 * needs an H.264 sub-stream for live view.
 */
export function unplayableVideo(tracks: readonly TrackInfo[]): string | null {
  const video = videoTrack(tracks);
  if (!video) return 'no video track';
  if (video.codec.startsWith('avc1.') || video.codec.startsWith('avc3.')) return null;
  return /^(hev1|hvc1)/.test(video.codec) ? 'H.265' : video.codec;
}
