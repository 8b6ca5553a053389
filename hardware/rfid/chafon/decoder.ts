// CHAFON reader frames to reads.
//
// Answer mode (the driver polls Inventory 0x01): reply Status 0x01 done, 0x02 time-out, 0x04
// memory full (all with tags), 0x03 "more frames follow"; 0xF8–0xFF errors (0xFB: no tag).
// Tag data comes in one of two layouts, told apart by which one accounts for every byte:
//   UHFReader18:  Num, then per tag Len + EPC
//   UHFReader288: Ant (bit mask 1/2/4/8), Num, then per tag Len + EPC + RSSI
// Active mode (reCmd 0xEE, sent unasked): Status 0x00 with a bare EPC (UHFReader18) or
// Ant + Len + EPC + RSSI (UHFReader288); Status 0x28 is the UHFReader288 heartbeat.
// Antennas are reported counted from 0; the UHFReader288 RSSI byte is passed on as it is.
import { ALIVE, ROUND_END, type FrameDecoder, type FrameSink } from '../frame.js';
import { MAX_EPC_BYTES, tagIdOf } from '../hex.js';
import { FrameScanner } from '../scanner.js';
import { chafonShape, CMD_ACTIVE, CMD_INVENTORY, MIN_COMMAND_LEN, type ChafonBody } from './framing.js';

const STATUS_MORE = 0x03;
const STATUS_ERRORS_FROM = 0xf8;
const ACTIVE_TAG = 0x00;
const ACTIVE_HEARTBEAT = 0x28;
const HEARTBEAT_DATA = 16;
/** Len of a reply without data: Address, reCmd, Status, CRC(2). */
const REPLY_BASE = 5;

function antennaIndex(mask: number): number {
  switch (mask) {
    case 1: return 0;
    case 2: return 1;
    case 4: return 2;
    case 8: return 3;
    default: return -1;
  }
}

function isEpcLength(n: number): boolean {
  return n >= 2 && n <= MAX_EPC_BYTES && n % 2 === 0;
}

/** Whether [from, to) is a tag list in the given layout, accounting for every byte. */
function tagListFits(buf: Buffer, from: number, to: number, model288: boolean): boolean {
  let pos = from;
  if (model288 && antennaIndex(buf[pos++] ?? 0) < 0) return false;
  if (pos >= to) return false;
  const count = buf[pos++] ?? 0;
  const suffix = model288 ? 1 : 0;
  for (let i = 0; i < count; i++) {
    if (pos >= to) return false;
    const n = buf[pos] ?? 0;
    if (!isEpcLength(n)) return false;
    pos += 1 + n + suffix;
    if (pos > to) return false;
  }
  return pos === to;
}

function emitTagList(buf: Buffer, from: number, model288: boolean, out: FrameSink): void {
  let pos = from;
  const antenna = model288 ? antennaIndex(buf[pos++] ?? 0) : null;
  const count = buf[pos++] ?? 0;
  for (let i = 0; i < count; i++) {
    const n = buf[pos] ?? 0;
    const epcStart = pos + 1;
    const rssi = model288 ? (buf[epcStart + n] ?? 0) : null;
    out({ kind: 'tag', tag: tagIdOf(buf, epcStart, epcStart + n), antenna, rssi });
    pos = epcStart + n + (model288 ? 1 : 0);
  }
}

function decodeInventoryReply(buf: Buffer, status: number, from: number, to: number, out: FrameSink): boolean {
  if (status >= STATUS_ERRORS_FROM) {
    out(ROUND_END);
    return true;
  }
  const model288 = !tagListFits(buf, from, to, false);
  if (model288 && !tagListFits(buf, from, to, true)) return false;
  emitTagList(buf, from, model288, out);
  if (status !== STATUS_MORE) out(ROUND_END);
  return true;
}

function decodeActive(buf: Buffer, status: number, from: number, to: number, out: FrameSink): boolean {
  if (status === ACTIVE_HEARTBEAT) {
    out(ALIVE);
    return true;
  }
  const size = to - from;
  if (size % 2 === 0) {
    if (!isEpcLength(size)) return false;
    out({ kind: 'tag', tag: tagIdOf(buf, from, to), antenna: null, rssi: null });
    return true;
  }
  // An odd size can only be Ant + Len + EPC + RSSI.
  const antenna = antennaIndex(buf[from] ?? 0);
  const n = buf[from + 1] ?? 0;
  if (antenna < 0 || !isEpcLength(n) || size !== n + 3) return false;
  out({ kind: 'tag', tag: tagIdOf(buf, from + 2, from + 2 + n), antenna, rssi: buf[to - 1] ?? 0 });
  return true;
}

const replies: ChafonBody = {
  plausible(len, cmd, status) {
    if (cmd === CMD_INVENTORY) {
      // Len 4 is the host's Inventory itself: the listen tool may be fed a capture holding it.
      if (len === MIN_COMMAND_LEN || status < 0) return true;
      if (status >= STATUS_ERRORS_FROM) return len <= REPLY_BASE + 1;
      return status >= 0x01 && status <= 0x04 && len > REPLY_BASE;
    }
    if (cmd !== CMD_ACTIVE || len <= MIN_COMMAND_LEN) return false;
    if (status < 0) return true;
    if (status === ACTIVE_HEARTBEAT) return len === REPLY_BASE + HEARTBEAT_DATA;
    return status === ACTIVE_TAG && len >= REPLY_BASE + 2;
  },
  decode(buf, start, len, out) {
    const cmd = buf[start + 2] ?? 0;
    if (len === MIN_COMMAND_LEN) {
      out({ kind: 'command', cmd });
      return true;
    }
    const status = buf[start + 3] ?? 0;
    const from = start + 4;
    const to = start + len - 1;
    return cmd === CMD_INVENTORY ? decodeInventoryReply(buf, status, from, to, out) : decodeActive(buf, status, from, to, out);
  },
};

export function chafonDecoder(): FrameDecoder {
  return new FrameScanner(chafonShape(replies));
}
