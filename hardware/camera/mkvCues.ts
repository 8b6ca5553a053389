// The keyframe times a recorded Matroska segment lists in its Cues (the index ffmpeg writes at the
// end of a closed segment). Playback after a seek starts ffmpeg at the last keyframe before the
// seek point (`-ss` on a seekable input) instead of remuxing the whole segment up to it, and needs
// that keyframe's time to lay the fragments on the stream's time line. Only the head of the file
// and the Cues are read (a few kB); anything unexpected gives no times, and playback then simply
// starts at the beginning of the segment.
import type { FileHandle } from 'node:fs/promises';

const ID = {
  segment: 0x18538067, seekHead: 0x114d9b74, seek: 0x4dbb, seekId: 0x53ab, seekPosition: 0x53ac,
  info: 0x1549a966, timecodeScale: 0x2ad7b1, cues: 0x1c53bb6b, cuePoint: 0xbb, cueTime: 0xb3, cluster: 0x1f43b675,
} as const;

/** The Cues of a one-hour segment stay well under this. */
const MAX_CUES_BYTES = 1 << 20;
const HEAD_BYTES = 64 * 1024;

interface Element { readonly id: number; readonly dataStart: number; readonly size: number | null }

function vint(b: Buffer, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
  const first = b[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > b.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    const byte = b[at + i] ?? 0;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function element(b: Buffer, at: number): Element | null {
  const id = vint(b, at, true);
  if (!id) return null;
  const size = vint(b, at + id.length, false);
  if (!size) return null;
  return { id: id.value, dataStart: at + id.length + size.length, size: size.unknown ? null : size.value };
}

function uint(b: Buffer, e: Element): number {
  let v = 0;
  for (let i = 0; i < (e.size ?? 0); i++) v = v * 256 + (b[e.dataStart + i] ?? 0);
  return v;
}

/** The children of [start, end) of `b`, stopping at anything that does not fit. */
function* children(b: Buffer, start: number, end: number): Generator<Element> {
  let at = start;
  while (at < end) {
    const e = element(b, at);
    if (!e || e.size === null || e.dataStart + e.size > b.length) return;
    yield e;
    at = e.dataStart + e.size;
  }
}

/** Keyframe times in seconds from the segment's start, ascending; empty when the file has no usable Cues. */
export async function keyframeTimes(file: FileHandle): Promise<number[]> {
  const head = Buffer.alloc(HEAD_BYTES);
  const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
  const b = head.subarray(0, bytesRead);
  const ebml = element(b, 0);
  if (!ebml || ebml.size === null) return [];
  const segment = element(b, ebml.dataStart + ebml.size);
  if (!segment || segment.id !== ID.segment) return [];
  let cuesAt: number | null = null;
  let scaleNs = 1_000_000;
  for (let at = segment.dataStart; at < b.length;) {
    const e = element(b, at);
    if (!e || e.id === ID.cluster || e.size === null) break;
    if (e.id === ID.seekHead && e.dataStart + e.size <= b.length) {
      for (const seek of children(b, e.dataStart, e.dataStart + e.size)) {
        if (seek.id !== ID.seek) continue;
        let target = 0;
        let position: number | null = null;
        for (const f of children(b, seek.dataStart, seek.dataStart + (seek.size ?? 0))) {
          if (f.id === ID.seekId) target = uint(b, f);
          if (f.id === ID.seekPosition) position = uint(b, f);
        }
        if (target === ID.cues && position !== null) cuesAt = segment.dataStart + position;
      }
    }
    if (e.id === ID.info && e.dataStart + e.size <= b.length) {
      for (const f of children(b, e.dataStart, e.dataStart + e.size)) if (f.id === ID.timecodeScale) scaleNs = uint(b, f);
    }
    at = e.dataStart + e.size;
  }
  if (cuesAt === null || scaleNs <= 0) return [];
  const cuesHead = Buffer.alloc(16);
  const got = await file.read(cuesHead, 0, 16, cuesAt);
  const cues = element(cuesHead.subarray(0, got.bytesRead), 0);
  if (!cues || cues.id !== ID.cues || cues.size === null || cues.size > MAX_CUES_BYTES) return [];
  const body = Buffer.alloc(cues.size);
  const read = await file.read(body, 0, cues.size, cuesAt + cues.dataStart);
  const times: number[] = [];
  for (const point of children(body.subarray(0, read.bytesRead), 0, read.bytesRead)) {
    if (point.id !== ID.cuePoint) continue;
    for (const f of children(body, point.dataStart, point.dataStart + (point.size ?? 0))) {
      if (f.id === ID.cueTime) times.push((uint(body, f) * scaleNs) / 1e9);
    }
  }
  return times.sort((x, y) => x - y);
}
