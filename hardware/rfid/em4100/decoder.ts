// EM4100 ASCII frames to tag reads (format in ./format.ts).
import type { FrameDecoder } from '../frame.js';
import { cachedText, HEX_DIGIT_VALUE } from '../hex.js';
import { FrameScanner, type FrameShape } from '../scanner.js';
import { CR, ETX, HEX_DIGITS, LF, STX } from './format.js';

/** The ten data digits are the tag id; readers may send them in lower case. */
const tagIdOf = cachedText((buf, start, end) => buf.toString('latin1', start, end).toUpperCase());

const shape: FrameShape = {
  maxLength: 1 + HEX_DIGITS + 3,
  nextStart(buf, from, end) {
    // In a clean stream the next frame starts right here: skip the native search.
    if (from < end && buf[from] === STX) return from;
    const i = buf.indexOf(STX, from);
    return i >= 0 && i < end ? i : -1;
  },
  lengthAt(buf, start, end) {
    // STX is not a hex digit, so a frame cut short by a new STX is given up here, at once.
    for (let i = 1; i <= HEX_DIGITS; i++) {
      if (start + i >= end) return -1;
      if ((HEX_DIGIT_VALUE[buf[start + i] ?? 0] ?? -1) < 0) return 0;
    }
    const after = start + 1 + HEX_DIGITS;
    if (after >= end) return -1;
    // Anything but CR here makes a 14-byte candidate that decode refuses unless it ends in ETX.
    return buf[after] === CR ? 16 : 14;
  },
  decode(buf, start, length, out) {
    if (buf[start + length - 1] !== ETX) return false;
    if (length === 16 && buf[start + HEX_DIGITS + 2] !== LF) return false;
    // XOR over the five data bytes and the checksum byte is 0 exactly when the checksum holds;
    // digits can be XORed one nibble stream at a time.
    let high = 0;
    let low = 0;
    for (let i = start + 1; i <= start + HEX_DIGITS; i += 2) {
      high ^= HEX_DIGIT_VALUE[buf[i] ?? 0] ?? 0;
      low ^= HEX_DIGIT_VALUE[buf[i + 1] ?? 0] ?? 0;
    }
    if (high !== 0 || low !== 0) return false;
    out({ kind: 'tag', tag: tagIdOf(buf, start + 1, start + 11), antenna: null, rssi: null });
    return true;
  },
};

export function em4100Decoder(): FrameDecoder {
  return new FrameScanner(shape);
}
