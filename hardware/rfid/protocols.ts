// What the manager needs to know about each protocol.
import type { FrameDecoder } from './frame.js';
import type { PollPlan } from './poller.js';
import type { Protocol } from './types.js';
import { em4100Decoder } from './em4100/decoder.js';
import { EM4100_BAUD } from './em4100/format.js';
import { r2000Decoder } from './r2000/decoder.js';
import { r2000FirmwareQuery, r2000InventoryCommand } from './r2000/encoder.js';
import { R2000_BAUD } from './r2000/framing.js';
import { chafonDecoder } from './chafon/decoder.js';
import { chafonInventoryCommand } from './chafon/encoder.js';
import { CHAFON_BAUD } from './chafon/framing.js';

export interface ProtocolDriver {
  readonly defaultBaud: number;
  decoder(): FrameDecoder;
  /**
   * How to poll the reader, or null for one that speaks unasked. A polled reader answers every
   * poll, so its silence means it is gone; see ReaderLink for what that decides.
   */
  readonly poll: PollPlan | null;
}

export const DRIVERS: Readonly<Record<Protocol, ProtocolDriver>> = {
  em4100: { defaultBaud: EM4100_BAUD, decoder: em4100Decoder, poll: null },
  // The firmware query is the probe: it is answered at once, whatever the antennas are doing.
  r2000: { defaultBaud: R2000_BAUD, decoder: r2000Decoder, poll: { probe: r2000FirmwareQuery(), inventory: r2000InventoryCommand(1) } },
  chafon: { defaultBaud: CHAFON_BAUD, decoder: chafonDecoder, poll: { probe: null, inventory: chafonInventoryCommand() } },
};
