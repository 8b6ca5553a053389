// CHAFON frames: the driver's Inventory, and the replies the simulator, tests and bench send.
import { crc16Mcrf4xx } from '../checksums.js';
import { epcBytesOf } from '../hex.js';
import { BROADCAST, CMD_ACTIVE, CMD_INVENTORY } from './framing.js';

export type ChafonModel = 'uhfreader18' | 'uhfreader288';

/** Any frame: `body` is everything between Cmd and the CRC (Status and Data for a reply). */
export function chafonFrame(address: number, cmd: number, body: readonly number[] | Uint8Array = []): Buffer {
  const frame = Buffer.alloc(body.length + 5);
  frame[0] = body.length + 4;
  frame[1] = address;
  frame[2] = cmd;
  frame.set(body, 3);
  const crc = crc16Mcrf4xx(frame, 0, frame.length - 2);
  frame[frame.length - 2] = crc & 0xff;
  frame[frame.length - 1] = crc >> 8;
  return frame;
}

/** Inventory with no parameters: UHFReader18 form, addressed to every reader. */
export function chafonInventoryCommand(address = BROADCAST): Buffer {
  return chafonFrame(address, CMD_INVENTORY);
}

export interface ChafonTagRead {
  /** Hex, a whole number of 16-bit words. */
  epc: string;
  /** UHFReader288 only: port 0–3, and the reader's RSSI byte. */
  antenna?: number;
  rssi?: number;
}

/** One answer-mode Inventory reply frame; all tags must share one antenna on UHFReader288. */
export function chafonInventoryReply(status: number, tags: readonly ChafonTagRead[], model: ChafonModel, address = 0x00): Buffer {
  const data: number[] = [];
  if (model === 'uhfreader288') data.push(1 << (tags[0]?.antenna ?? 0));
  data.push(tags.length);
  for (const t of tags) {
    const epc = epcBytesOf(t.epc);
    data.push(epc.length, ...epc);
    if (model === 'uhfreader288') data.push(t.rssi ?? 0);
  }
  return chafonFrame(address, CMD_INVENTORY, [status, ...data]);
}

/** The UHFReader18 reply when no tag answered (Status 0xFB). */
export function chafonNoTag(address = 0x00): Buffer {
  return chafonFrame(address, CMD_INVENTORY, [0xfb]);
}

/** An active-mode frame for one tag. */
export function chafonActiveFrame(tag: ChafonTagRead, model: ChafonModel, address = 0x00): Buffer {
  const epc = epcBytesOf(tag.epc);
  const data = model === 'uhfreader288' ? [1 << (tag.antenna ?? 0), epc.length, ...epc, tag.rssi ?? 0] : [...epc];
  return chafonFrame(address, CMD_ACTIVE, [0x00, ...data]);
}

/** The UHFReader288 active-mode heartbeat: packet number, antenna status, total count. */
export function chafonHeartbeat(packetNo: number, address = 0x00): Buffer {
  const data = Buffer.alloc(16);
  data.writeUInt32BE(packetNo >>> 0, 0);
  return chafonFrame(address, CMD_ACTIVE, [0x28, ...data]);
}
