// What each simulated reader says, and when: unasked every interval, or in answer to a command.
import type { Protocol } from '../types.js';
import type { FrameDecoder } from '../frame.js';
import { em4100Frame } from '../em4100/encoder.js';
import { r2000FirmwareReply, r2000RoundEnd, r2000TagFrame } from '../r2000/encoder.js';
import { CMD_GET_FIRMWARE } from '../r2000/framing.js';
import { chafonActiveFrame, chafonHeartbeat, chafonInventoryReply, chafonNoTag, type ChafonModel } from '../chafon/encoder.js';
import { chafonCommandDecoder, r2000CommandDecoder } from './commands.js';

export interface BehaviourOptions {
  tags: readonly string[];
  /** EM4100: CR LF before ETX, as ID-12LA/ID-20LA send. */
  crlf?: boolean;
  chafonModel?: ChafonModel;
  /** CHAFON: send 0xEE frames unasked every interval (and still answer Inventory). */
  chafonActive?: boolean;
}

export interface Behaviour {
  /** Decodes the host's commands; null for a reader that takes none. */
  readonly commands: FrameDecoder | null;
  /** Frames to send every interval unasked, or null if the reader only answers. */
  unasked(): Buffer[] | null;
  /** Frames answering a command; `delayed` ones come after the interval (an inventory round). */
  answer(cmd: number): { frames: Buffer[]; delayed: boolean };
}

/** Signal strengths the simulated UHF tags report: each tag its own, so tests can filter. */
export function simulatedRssi(protocol: Protocol, index: number): number {
  return protocol === 'r2000' ? -50 - 5 * index : 0x70 - 5 * index;
}

function em4100(o: BehaviourOptions): Behaviour {
  let next = 0;
  return {
    commands: null,
    unasked: () => {
      const tag = o.tags[next++ % Math.max(1, o.tags.length)];
      return tag === undefined ? [] : [em4100Frame(tag, o.crlf ?? false)];
    },
    answer: () => ({ frames: [], delayed: false }),
  };
}

function r2000(o: BehaviourOptions): Behaviour {
  let total = 0;
  return {
    commands: r2000CommandDecoder(),
    unasked: () => null,
    answer: (cmd) => {
      if (cmd === CMD_GET_FIRMWARE) return { frames: [r2000FirmwareReply(1, 9)], delayed: false };
      total += o.tags.length;
      const frames = o.tags.map((epc, i) => r2000TagFrame({ epc, antenna: i % 4, rssi: simulatedRssi('r2000', i) }, cmd));
      frames.push(r2000RoundEnd(0, o.tags.length * 10, total, cmd));
      return { frames, delayed: true };
    },
  };
}

function chafon(o: BehaviourOptions): Behaviour {
  const model = o.chafonModel ?? 'uhfreader18';
  const reads = o.tags.map((epc, i) => ({ epc, antenna: 0, rssi: simulatedRssi('chafon', i) }));
  let heartbeats = 0;
  return {
    commands: chafonCommandDecoder(),
    unasked: () => {
      if (!o.chafonActive) return null;
      if (reads.length === 0) return model === 'uhfreader288' ? [chafonHeartbeat(heartbeats++)] : [];
      return reads.map((r) => chafonActiveFrame(r, model));
    },
    answer: () => {
      if (reads.length === 0) {
        return { frames: [model === 'uhfreader288' ? chafonInventoryReply(0x01, [], model) : chafonNoTag()], delayed: true };
      }
      // Two tags a frame: all but the last frame say "more frames follow" (0x03).
      const frames: Buffer[] = [];
      for (let i = 0; i < reads.length; i += 2) {
        const last = i + 2 >= reads.length;
        frames.push(chafonInventoryReply(last ? 0x01 : 0x03, reads.slice(i, i + 2), model));
      }
      return { frames, delayed: true };
    },
  };
}

export function behaviourFor(protocol: Protocol, o: BehaviourOptions): Behaviour {
  switch (protocol) {
    case 'em4100': return em4100(o);
    case 'r2000': return r2000(o);
    case 'chafon': return chafon(o);
  }
}
