// Both sides of the SAM line: the reader's replies (for the driver) and the host's commands
// (for the simulator), each through the resynchronising frame scanner of the wristband readers.
import type { FrameDecoder } from '../rfid/frame.js';
import { FrameScanner } from '../rfid/scanner.js';
import { samShape } from './framing.js';

export interface SamReply {
  readonly sw1: number;
  readonly sw2: number;
  readonly sw3: number;
  /** The bytes after the status words (a copy: the scanner's buffer is reused). */
  readonly data: Buffer;
}

export interface SamCommand {
  readonly cmd: number;
  readonly para: number;
}

export function samReplyDecoder(): FrameDecoder<SamReply> {
  return new FrameScanner(samShape<SamReply>(3, (buf, start, end, out) => {
    out({ sw1: buf[start] ?? 0, sw2: buf[start + 1] ?? 0, sw3: buf[start + 2] ?? 0, data: Buffer.from(buf.subarray(start + 3, end)) });
    return true;
  }));
}

export function samCommandDecoder(): FrameDecoder<SamCommand> {
  return new FrameScanner(samShape<SamCommand>(2, (buf, start, _end, out) => {
    out({ cmd: buf[start] ?? 0, para: buf[start + 1] ?? 0 });
    return true;
  }));
}
