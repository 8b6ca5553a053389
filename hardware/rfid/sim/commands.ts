// Decoders for what a host sends a reader: the simulator's side of the line.
import type { FrameDecoder } from '../frame.js';
import { FrameScanner } from '../scanner.js';
import { CMD_GET_FIRMWARE, CMD_REALTIME_INVENTORY, CMD_SESSION_INVENTORY, r2000Shape } from '../r2000/framing.js';
import { chafonShape, CMD_INVENTORY, MIN_COMMAND_LEN } from '../chafon/framing.js';

export function r2000CommandDecoder(): FrameDecoder {
  return new FrameScanner(r2000Shape({
    plausible: (len, cmd) =>
      (cmd === CMD_REALTIME_INVENTORY && len === 4) || (cmd === CMD_SESSION_INVENTORY && len >= 5 && len <= 12) || (cmd === CMD_GET_FIRMWARE && len === 3),
    decode(buf, start, _len, out) {
      out({ kind: 'command', cmd: buf[start + 3] ?? 0 });
      return true;
    },
  }));
}

/** Inventory with or without the UHFReader288 parameters. */
export function chafonCommandDecoder(): FrameDecoder {
  return new FrameScanner(chafonShape({
    plausible: (len, cmd) => cmd === CMD_INVENTORY && len >= MIN_COMMAND_LEN && len <= MIN_COMMAND_LEN + 16,
    decode(buf, start, _len, out) {
      out({ kind: 'command', cmd: buf[start + 2] ?? 0 });
      return true;
    },
  }));
}
