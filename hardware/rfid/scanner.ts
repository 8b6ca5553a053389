// The resynchronising frame scanner behind every decoder. A protocol describes its frames as a
// FrameShape; the scanner finds them in a byte stream that may hold garbage, split frames and
// several frames per chunk.
//
// Rule: the earliest *complete* valid frame wins. A candidate start whose frame is not complete
// yet (a garbage header byte announcing 200 bytes, say) is kept pending but never holds back a
// later frame that is already complete and valid: a real frame inside garbage is far likelier
// than a valid checksum that happens to span a real frame.
import type { DecodedFrame, DecoderStats, FrameDecoder, FrameSink } from './frame.js';

export interface FrameShape<F = DecodedFrame> {
  /** Longest frame lengthAt may return; bounds what the scanner carries between chunks. */
  readonly maxLength: number;
  /** First position at or after `from` (before `end`) that could start a frame, or -1. */
  nextStart(buf: Buffer, from: number, end: number): number;
  /**
   * What the first bytes at `start` say: the frame's total length (> 0), 0 if this cannot be a
   * frame start, or -1 if more bytes are needed to tell. Reads only bytes before `end`.
   */
  lengthAt(buf: Buffer, start: number, end: number): number;
  /** Checks and decodes a complete candidate; false if it fails (it is then counted as bad). */
  decode(buf: Buffer, start: number, length: number, out: FrameSink<F>): boolean;
}

const EMPTY = Buffer.alloc(0);
const NONE: readonly number[] = Object.freeze([]);

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class FrameScanner<F = DecodedFrame> implements FrameDecoder<F> {
  private readonly counts = { frames: 0, badFrames: 0, bytes: 0, frameBytes: 0 };
  /** Bytes kept from the last chunk: they begin with the earliest pending candidate. */
  private carry: Buffer = EMPTY;
  /** Offsets into `carry` of candidates that were not complete yet, ascending. */
  private pending: readonly number[] = NONE;

  constructor(private readonly shape: FrameShape<F>) {}

  get stats(): Readonly<DecoderStats> {
    const c = this.counts;
    return { frames: c.frames, badFrames: c.badFrames, bytes: c.bytes, droppedBytes: c.bytes - c.frameBytes - this.carry.length };
  }

  reset(): void {
    // The carried bytes will never complete: they count as dropped from now on.
    this.carry = EMPTY;
    this.pending = NONE;
  }

  push(chunk: Uint8Array, out: FrameSink<F>): void {
    if (chunk.length === 0) return;
    const bytes = asBuffer(chunk);
    const counts = this.counts;
    counts.bytes += bytes.length;
    const oldLength = this.carry.length;
    const data = oldLength === 0 ? bytes : Buffer.concat([this.carry, bytes]);
    const end = data.length;
    const shape = this.shape;
    const pending = this.pending;
    // Allocated only when a candidate is left incomplete: rare, and this loop runs per frame.
    let stillPending: number[] | null = null;
    let pendingIndex = 0;
    // Starts before `oldLength` were judged in an earlier push: only pending ones are looked at again.
    let scanFrom = oldLength;
    let consumed = 0;
    for (;;) {
      let start: number;
      if (pendingIndex < pending.length) {
        start = pending[pendingIndex++] ?? 0;
        if (start < consumed) continue;
      } else {
        if (scanFrom < consumed) scanFrom = consumed;
        if (scanFrom >= end) break;
        start = shape.nextStart(data, scanFrom, end);
        if (start < 0) break;
        scanFrom = start + 1;
      }
      const length = shape.lengthAt(data, start, end);
      // A length beyond maxLength would be a shape bug; refusing it keeps the carry bounded.
      if (length === 0 || length > shape.maxLength) continue;
      if (length < 0 || start + length > end) {
        (stillPending ??= []).push(start);
        continue;
      }
      if (shape.decode(data, start, length, out)) {
        counts.frames++;
        counts.frameBytes += length;
        consumed = start + length;
        // Whatever was pending before this frame was garbage.
        stillPending = null;
      } else {
        counts.badFrames++;
      }
    }
    const first = stillPending?.[0];
    if (stillPending === null || first === undefined) {
      this.carry = EMPTY;
      this.pending = NONE;
    } else {
      // A copy: the carry is short (at most one frame) and must not pin the caller's chunk.
      this.carry = Buffer.from(data.subarray(first));
      this.pending = stillPending.map((p) => p - first);
    }
  }
}
