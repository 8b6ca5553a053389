// Impinj R2000 serial protocol framing (the UHF modules sold as "R2000" readers):
//   0xA0, Len (bytes after Len), Address, Cmd, Data…, Check
// where Check is the two's complement of the sum of every byte before it. The same framing
// carries host commands and reader replies; each side supplies a body that knows its frames.
import { r2000Checksum } from '../checksums.js';
import type { FrameSink } from '../frame.js';
import type { FrameShape } from '../scanner.js';

export const HEAD = 0xa0;
export const CMD_REALTIME_INVENTORY = 0x89;
export const CMD_SESSION_INVENTORY = 0x8b;
export const CMD_GET_FIRMWARE = 0x72;
/** The public address: every reader answers it, whatever address an installer gave it. */
export const BROADCAST = 0xff;
export const R2000_BAUD = 115200;

export interface R2000Body {
  /** Whether a frame with this Len and Cmd could be one this side understands. */
  plausible(len: number, cmd: number): boolean;
  /** Decodes a frame whose checksum holds (`len` is its Len byte); false if the layout is wrong. */
  decode(buf: Buffer, start: number, len: number, out: FrameSink): boolean;
}

export function r2000Shape(body: R2000Body): FrameShape {
  return {
    maxLength: 2 + 0xff,
    nextStart(buf, from, end) {
      // In a clean stream the next frame starts right here: skip the native search.
      if (from < end && buf[from] === HEAD) return from;
      const i = buf.indexOf(HEAD, from);
      return i >= 0 && i < end ? i : -1;
    },
    lengthAt(buf, start, end) {
      if (start + 3 >= end) return -1;
      const len = buf[start + 1] ?? 0;
      return len >= 3 && body.plausible(len, buf[start + 3] ?? 0) ? len + 2 : 0;
    },
    decode(buf, start, length, out) {
      const last = start + length - 1;
      if (r2000Checksum(buf, start, last) !== buf[last]) return false;
      return body.decode(buf, start, length - 2, out);
    },
  };
}
