// A simulated ID-card reader: it answers find, select and read as a SAM module does, for the
// card placed on it (if any), through the same wire as the wristband simulators (garbage,
// corrupted copies, one-byte writes). Tests can also spoil the check byte of the next replies.
import type { IdCard } from '../../../common/idCard.js';
import type { SimDevice } from '../../rfid/sim/serialSimulator.js';
import { randomBytes, seededRandom } from '../../rfid/sim/random.js';
import { SimWire, type SimPort, type WireOptions, type WireStats } from '../../rfid/sim/wire.js';
import { encodeReadData, PHOTO_BYTES } from '../cardText.js';
import { samCommandDecoder, type SamCommand } from '../decoder.js';
import { CMD_FIND, CMD_READ, CMD_SELECT, samFrame, SW_FOUND, SW_NO_CARD, SW_OK, SW_SELECT_FAILED } from '../framing.js';

/** SW3 for a read with no card selected, and for a command the module does not know. */
const SW_READ_FAILED = 0x41;
const SW_UNKNOWN = 0x91;

export interface IdCardSimulatorStats extends WireStats {
  commandsReceived: number;
  readsServed: number;
}

/** A stand-in for the card's WLT photo: bytes that stay the same for the same card. */
export function simulatedPhoto(card: IdCard): Buffer {
  let seed = 0;
  for (const ch of card.idNumber) seed = Math.imul(seed, 31) + ch.charCodeAt(0);
  return randomBytes(seededRandom(seed), PHOTO_BYTES);
}

export class IdCardSimulator implements SimDevice {
  readonly stats: IdCardSimulatorStats = { framesSent: 0, corruptFramesSent: 0, commandsReceived: 0, readsServed: 0 };
  private readonly wire: SimWire;
  private readonly commands = samCommandDecoder();
  private placed: { card: IdCard; photo: Buffer } | null = null;
  private selected = false;
  private spoilReads = 0;
  private spoilAll = 0;

  constructor(options: WireOptions = {}) {
    this.wire = new SimWire(options, this.stats);
  }

  get card(): IdCard | null {
    return this.placed?.card ?? null;
  }

  place(card: IdCard, photo: Buffer = simulatedPhoto(card)): void {
    this.placed = { card, photo };
    this.selected = false;
  }

  remove(): void {
    this.placed = null;
    this.selected = false;
  }

  /** The next `count` read replies go out with a wrong check byte. */
  spoilNextReads(count: number): void {
    this.spoilReads += count;
  }

  /** The next `count` replies of any kind go out with a wrong check byte. */
  spoilNextReplies(count: number): void {
    this.spoilAll += count;
  }

  attach(port: SimPort): void {
    this.commands.reset();
    this.selected = false;
    this.wire.attach(port);
  }

  detach(): void {
    this.wire.detach();
  }

  receive(chunk: Buffer): void {
    this.commands.push(chunk, (c) => this.command(c));
  }

  private command(c: SamCommand): void {
    this.stats.commandsReceived++;
    const is = (want: readonly [number, number]): boolean => c.cmd === want[0] && c.para === want[1];
    if (is(CMD_FIND)) {
      this.selected = false;
      this.reply(this.placed ? [0, 0, SW_FOUND, 0, 0, 0, 0] : [0, 0, SW_NO_CARD], false);
    } else if (is(CMD_SELECT)) {
      this.selected = this.placed !== null;
      this.reply(this.selected ? [0, 0, SW_OK, 0, 0, 0, 0, 0, 0, 0, 0] : [0, 0, SW_SELECT_FAILED], false);
    } else if (is(CMD_READ)) {
      const placed = this.placed;
      if (!placed || !this.selected) {
        this.reply([0, 0, SW_READ_FAILED], false);
        return;
      }
      this.stats.readsServed++;
      this.reply(Buffer.concat([Buffer.from([0, 0, SW_OK]), encodeReadData(placed.card, placed.photo)]), true);
    } else {
      this.reply([0, 0, SW_UNKNOWN], false);
    }
  }

  private reply(body: readonly number[] | Buffer, isRead: boolean): void {
    const frame = samFrame(body);
    let spoil = false;
    if (this.spoilAll > 0) {
      this.spoilAll--;
      spoil = true;
    } else if (isRead && this.spoilReads > 0) {
      this.spoilReads--;
      spoil = true;
    }
    if (spoil) frame[frame.length - 1] = (frame[frame.length - 1] ?? 0) ^ 0x5a;
    this.wire.send([frame]);
  }
}
