// CHAFON UHFReader18 / UHFReader288 family framing (also sold as CF-RU5102, CF-MU904, …):
//   Len (bytes after Len), Address, Cmd, [Status], Data…, CRC-16/MCRF4XX LSB first
// The CRC covers Len through Data. There is no start byte: every byte may begin a frame, so
// each side names the Cmd/Status it expects before the CRC is even looked at.
import { crc16Mcrf4xx } from '../checksums.js';
import type { FrameSink } from '../frame.js';
import type { FrameShape } from '../scanner.js';

export const CMD_INVENTORY = 0x01;
/** Frames a reader in active ("scan") mode sends unasked. */
export const CMD_ACTIVE = 0xee;
export const BROADCAST = 0xff;
export const CHAFON_BAUD = 57600;
/** A command frame with no data: Len, Address, Cmd, CRC(2). */
export const MIN_COMMAND_LEN = 4;

export interface ChafonBody {
  /**
   * Whether the frame's first bytes fit this side: `status` is the byte after Cmd, or -1 when
   * it has not arrived yet (answer true if it still could fit).
   */
  plausible(len: number, cmd: number, status: number): boolean;
  /** Decodes a frame whose CRC holds; false if the layout is wrong. */
  decode(buf: Buffer, start: number, len: number, out: FrameSink): boolean;
}

export function chafonShape(body: ChafonBody): FrameShape {
  return {
    maxLength: 1 + 0xff,
    nextStart: (_buf, from, end) => (from < end ? from : -1),
    lengthAt(buf, start, end) {
      const len = buf[start] ?? 0;
      if (len < MIN_COMMAND_LEN) return 0;
      if (start + 2 >= end) return -1;
      const cmd = buf[start + 2] ?? 0;
      const status = start + 3 < end ? (buf[start + 3] ?? 0) : -1;
      if (!body.plausible(len, cmd, status)) return 0;
      return status < 0 && len > MIN_COMMAND_LEN ? -1 : len + 1;
    },
    decode(buf, start, length, out) {
      const crcAt = start + length - 2;
      const crc = crc16Mcrf4xx(buf, start, crcAt);
      if ((crc & 0xff) !== buf[crcAt] || crc >> 8 !== buf[crcAt + 1]) return false;
      return body.decode(buf, start, length - 1, out);
    },
  };
}
