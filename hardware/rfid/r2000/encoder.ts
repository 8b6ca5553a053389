// R2000 frames: the driver's commands, and the replies the simulator, tests and bench send.
import { r2000Checksum } from '../checksums.js';
import { epcBytesOf } from '../hex.js';
import { BROADCAST, CMD_GET_FIRMWARE, CMD_REALTIME_INVENTORY, HEAD } from './framing.js';

export function r2000Frame(address: number, cmd: number, data: readonly number[] | Uint8Array = []): Buffer {
  const frame = Buffer.alloc(data.length + 5);
  frame[0] = HEAD;
  frame[1] = data.length + 3;
  frame[2] = address;
  frame[3] = cmd;
  frame.set(data, 4);
  frame[frame.length - 1] = r2000Checksum(frame, 0, frame.length - 1);
  return frame;
}

/** Real-time inventory: `repeat` rounds, each answered with tag frames and an end-of-round frame. */
export function r2000InventoryCommand(repeat = 1, address = BROADCAST): Buffer {
  return r2000Frame(address, CMD_REALTIME_INVENTORY, [repeat]);
}

export function r2000FirmwareQuery(address = BROADCAST): Buffer {
  return r2000Frame(address, CMD_GET_FIRMWARE);
}

export function r2000FirmwareReply(major: number, minor: number, address = 0x01): Buffer {
  return r2000Frame(address, CMD_GET_FIRMWARE, [major, minor]);
}

export interface R2000TagRead {
  /** Hex, a whole number of 16-bit words. */
  epc: string;
  /** 0–7. */
  antenna: number;
  /** dBm, −129 … −2. */
  rssi: number;
  /** Frequency point, 0–63. */
  freq?: number;
}

export function r2000TagFrame(read: R2000TagRead, cmd = CMD_REALTIME_INVENTORY, address = 0x01): Buffer {
  const epc = epcBytesOf(read.epc);
  const pc = (epc.length / 2) << 11;
  const freqAnt = ((read.freq ?? 0) << 2) | (read.antenna & 3);
  const rssi = ((read.rssi + 129) & 0x7f) | (read.antenna >= 4 ? 0x80 : 0);
  return r2000Frame(address, cmd, [freqAnt, pc >> 8, pc & 0xff, ...epc, rssi]);
}

export function r2000RoundEnd(antenna: number, readRate: number, totalRead: number, cmd = CMD_REALTIME_INVENTORY, address = 0x01): Buffer {
  const data = Buffer.alloc(7);
  data[0] = antenna;
  data.writeUInt16BE(readRate & 0xffff, 1);
  data.writeUInt32BE(totalRead >>> 0, 3);
  return r2000Frame(address, cmd, data);
}
