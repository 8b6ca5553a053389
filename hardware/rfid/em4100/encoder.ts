// EM4100 reader frames, for the simulator, tests and the bench.
import { xor8 } from '../checksums.js';
import { ETX, STX } from './format.js';

/** The frame a reader sends for a 10-hex-digit tag; `crlf` as ID-12LA/ID-20LA send it. */
export function em4100Frame(tag: string, crlf = false): Buffer {
  if (!/^[0-9A-Fa-f]{10}$/.test(tag)) throw new Error(`EM4100 tag must be 10 hex digits: ${tag}`);
  const check = xor8(Buffer.from(tag, 'hex')).toString(16).toUpperCase().padStart(2, '0');
  const text = `${tag.toUpperCase()}${check}${crlf ? '\r\n' : ''}`;
  return Buffer.concat([Buffer.from([STX]), Buffer.from(text, 'latin1'), Buffer.from([ETX])]);
}
