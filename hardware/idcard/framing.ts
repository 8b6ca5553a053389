// SAM (GA 467) serial framing of resident ID-card readers (华视, 神思, 精伦 and others):
//   AA AA AA 96 69, Len (2 bytes, big-endian: the bytes after it), body, Check
// where the body is CMD PARA DATA from the host or SW1 SW2 SW3 DATA from the reader, and Check
// is the XOR of the Len bytes and everything after them up to the check itself.
import { ID_CARD_DEFAULTS } from '../../common/readerLink.js';
import type { FrameSink } from '../rfid/frame.js';
import type { FrameShape } from '../rfid/scanner.js';

export const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
/** Preamble and Len. */
export const HEADER_LENGTH = PREAMBLE.length + 2;
/** Room for the longest reply, text and photo with their lengths (1288 after Len), and a little more. */
export const MAX_LEN = 2048;
/** The SAM module's serial rate (one source with the reader's default). */
export const SAM_BAUD = ID_CARD_DEFAULTS.baud;

export const CMD_FIND = [0x20, 0x01] as const;
export const CMD_SELECT = [0x20, 0x02] as const;
export const CMD_READ = [0x30, 0x01] as const;

/** SW3 of the reader's replies. */
export const SW_OK = 0x90;
export const SW_FOUND = 0x9f;
export const SW_NO_CARD = 0x80;
/** SW3 a reader sends for a select that failed (the card was lifted between find and select). */
export const SW_SELECT_FAILED = 0x81;

export function samCheck(buf: Uint8Array, start: number, end: number): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= buf[i] ?? 0;
  return x;
}

/** A whole frame around `body` (a command's CMD PARA DATA or a reply's SW1 SW2 SW3 DATA). */
export function samFrame(body: Uint8Array | readonly number[]): Buffer {
  const len = body.length + 1;
  const frame = Buffer.alloc(HEADER_LENGTH + len);
  PREAMBLE.copy(frame, 0);
  frame.writeUInt16BE(len, PREAMBLE.length);
  frame.set(body, HEADER_LENGTH);
  frame[frame.length - 1] = samCheck(frame, PREAMBLE.length, frame.length - 1);
  return frame;
}

/**
 * The shape for the frame scanner. `minBody` is the shortest body this side accepts (3 for a
 * reply's status words, 2 for a command); `decode` gets the body of a frame whose check holds.
 */
export function samShape<F>(minBody: number, decode: (buf: Buffer, start: number, end: number, out: FrameSink<F>) => boolean): FrameShape<F> {
  return {
    maxLength: HEADER_LENGTH + MAX_LEN,
    nextStart(buf, from, end) {
      const i = buf.indexOf(0xaa, from);
      return i >= 0 && i < end ? i : -1;
    },
    lengthAt(buf, start, end) {
      // The preamble so far must match; a candidate cut off inside it waits for more bytes.
      for (let k = 0; k < PREAMBLE.length; k++) {
        if (start + k >= end) return -1;
        if (buf[start + k] !== PREAMBLE[k]) return 0;
      }
      if (start + HEADER_LENGTH > end) return -1;
      const len = buf.readUInt16BE(start + PREAMBLE.length);
      return len >= minBody + 1 && len <= MAX_LEN ? HEADER_LENGTH + len : 0;
    },
    decode(buf, start, length, out) {
      const last = start + length - 1;
      if (samCheck(buf, start + PREAMBLE.length, last) !== buf[last]) return false;
      return decode(buf, start + HEADER_LENGTH, last, out);
    },
  };
}
