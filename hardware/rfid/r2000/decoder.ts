// R2000 reader replies to reads. Tag frames of real-time (0x89) and session (0x8B) inventory:
//   FreqAnt(1) PC(2) EPC((PC >> 11) * 2 bytes) RSSI(1) [Phase(2) on firmware with phase on]
// antenna = FreqAnt & 3 (+4 when RSSI bit 7 is set: the 8-port boards use it for ports 5–8),
// RSSI dBm = (RSSI & 0x7F) − 129. Len 0x0A is the end of a round (AntID, ReadRate(2),
// TotalRead(4)); Len 4 is an error code ending the round; 0x72 Len 5 is the firmware reply.
// Host commands share the framing: a Len 4 inventory whose byte is below 0x10 (the lowest error
// code) is the host's own command with its repeat count — what an echoing RS-485 adapter hands
// back — and must not pass for a live reader.
import { ALIVE, ROUND_END, type FrameDecoder } from '../frame.js';
import { MAX_EPC_BYTES, tagIdOf } from '../hex.js';
import { FrameScanner } from '../scanner.js';
import { CMD_GET_FIRMWARE, CMD_REALTIME_INVENTORY, CMD_SESSION_INVENTORY, r2000Shape, type R2000Body } from './framing.js';

const LEN_ERROR = 0x04;
const LOWEST_ERROR_CODE = 0x10;
const LEN_ROUND_END = 0x0a;
/** Len of a tag frame without the EPC: Address, Cmd, FreqAnt, PC(2), RSSI, Check. */
const LEN_TAG_BASE = 7;
const PHASE_BYTES = 2;

function isInventory(cmd: number): boolean {
  return cmd === CMD_REALTIME_INVENTORY || cmd === CMD_SESSION_INVENTORY;
}

const replies: R2000Body = {
  plausible(len, cmd) {
    if (isInventory(cmd)) {
      // An EPC is whole 16-bit words, so tag frames have an odd Len (with or without phase).
      return len === LEN_ERROR || len === LEN_ROUND_END || (len % 2 === 1 && len >= LEN_TAG_BASE + 2 && len <= LEN_TAG_BASE + PHASE_BYTES + MAX_EPC_BYTES);
    }
    // Len 3 is the host's query itself: the listen tool may be fed a capture holding it.
    return cmd === CMD_GET_FIRMWARE && (len === 5 || len === 3);
  },
  decode(buf, start, len, out) {
    const cmd = buf[start + 3] ?? 0;
    if (cmd === CMD_GET_FIRMWARE) {
      out(len === 3 ? { kind: 'command', cmd } : ALIVE);
      return true;
    }
    if (len === LEN_ERROR) {
      out((buf[start + 4] ?? 0) < LOWEST_ERROR_CODE ? { kind: 'command', cmd } : ROUND_END);
      return true;
    }
    if (len === LEN_ROUND_END) {
      out(ROUND_END);
      return true;
    }
    const freqAnt = buf[start + 4] ?? 0;
    const pc = ((buf[start + 5] ?? 0) << 8) | (buf[start + 6] ?? 0);
    const epcBytes = (pc >> 11) * 2;
    // The PC word must agree with the frame length, or this is not a tag frame we understand.
    if (epcBytes === 0 || (len !== LEN_TAG_BASE + epcBytes && len !== LEN_TAG_BASE + PHASE_BYTES + epcBytes)) return false;
    const epcStart = start + 7;
    const rssiByte = buf[epcStart + epcBytes] ?? 0;
    out({
      kind: 'tag',
      tag: tagIdOf(buf, epcStart, epcStart + epcBytes),
      antenna: (freqAnt & 3) + (rssiByte & 0x80 ? 4 : 0),
      rssi: (rssiByte & 0x7f) - 129,
    });
    return true;
  },
};

export function r2000Decoder(): FrameDecoder {
  return new FrameScanner(r2000Shape(replies));
}
