// One ID-card reader: its link (the wristband readers' reconnector and watchdog), the reply
// decoder, and the poll loop find → select → read.
//
// One command is out at a time and each waits for its reply or a timeout; a reply whose check
// byte or status is wrong is never an answer, so the card is simply read again on the next
// poll. A card is passed on once when it is read, and not again while it stays on the reader:
// it counts as gone only after ABSENT_POLLS polls in a row find no card (a single miss, as a
// card is slid across the reader, does not make it new). A reader answers every poll, so its
// silence for watchdogMs means it is gone: the link is closed and opened again.
import type { IdCard } from '../../common/idCard.js';
import { messageOf, type Connector } from '../rfid/link.js';
import { Reconnector, type BackoffOptions } from '../rfid/reconnector.js';
import { connectorFor, parseTransport } from '../rfid/transport.js';
import type { ReaderSink } from '../rfid/types.js';
import { Watchdog } from '../rfid/watchdog.js';
import { decodeReadData } from './cardText.js';
import type { IdCardReaderConfig } from './config.js';
import { samReplyDecoder, type SamReply } from './decoder.js';
import { CMD_FIND, CMD_READ, CMD_SELECT, HEADER_LENGTH, MAX_LEN, samFrame, SW_FOUND, SW_NO_CARD, SW_OK } from './framing.js';

export interface IdCardReading {
  reader: string;
  card: IdCard;
  /** The card's photo as read: WLT, which only the card vendors' library decodes. */
  photo: Buffer;
  /** UTC ms at which the read reply arrived. */
  at: number;
}

export interface IdCardSink extends Pick<ReaderSink, 'deviceStatus'> {
  cardRead(r: IdCardReading): void;
}

export interface IdCardReaderStatus {
  id: string;
  online: boolean;
  framesDecoded: number;
  badFrames: number;
  /** Read replies that passed their check byte but did not hold a card's text in its form. */
  badReads: number;
  cardsRead: number;
  lastReadAt: number | null;
}

export interface IdCardReaderOptions {
  connector?: Connector;
  now?: () => number;
  backoff?: BackoffOptions;
  /** How long a command waits for its reply (default: enough for the longest reply at the baud rate). */
  replyTimeoutMs?: number;
  log?: (line: string) => void;
}

const ABSENT_POLLS = 2;
const FIND = samFrame(CMD_FIND);
const SELECT = samFrame(CMD_SELECT);
const READ = samFrame(CMD_READ);

/** Twice the time the longest frame takes on the line (10 bits a byte), and half a second to spare. */
function defaultReplyTimeout(baud: number): number {
  return 500 + Math.ceil((2 * (HEADER_LENGTH + MAX_LEN) * 10 * 1000) / baud);
}

function connectorOf(config: IdCardReaderConfig): Connector {
  const address = parseTransport(config.transport);
  if (!address) throw new Error(`idCardReader: field "transport": is not a serial path or tcp://host:port`);
  return connectorFor(address, config.baud);
}

export class IdCardReader {
  private readonly decoder = samReplyDecoder();
  private readonly reconnector: Reconnector;
  private readonly watchdog: Watchdog;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  private readonly replyTimeoutMs: number;
  private online: boolean | null = null;
  private stopped = true;
  /** Bumped whenever the link goes up or down: the loop of an older link stops at its next step. */
  private session = 0;
  private waiting: { resolve: (reply: SamReply | null) => void; timer: NodeJS.Timeout } | null = null;
  private sleeping: { resolve: () => void; timer: NodeJS.Timeout } | null = null;
  private replyAt = 0;
  /** The ID number of the card on the reader, once passed on. */
  private present: string | null = null;
  private absentPolls = 0;
  private badReads = 0;
  private cardsRead = 0;
  private lastReadAt: number | null = null;

  constructor(
    private readonly config: IdCardReaderConfig,
    private readonly sink: IdCardSink,
    options: IdCardReaderOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((line) => void process.stderr.write(`${line}\n`));
    this.replyTimeoutMs = options.replyTimeoutMs ?? defaultReplyTimeout(config.baud);
    this.watchdog = new Watchdog(config.watchdogMs, () => this.reconnector.recycle(`no reply for ${config.watchdogMs} ms`));
    this.reconnector = new Reconnector(options.connector ?? connectorOf(config), options.backoff ?? { minMs: 100, maxMs: 1000 }, {
      up: () => this.up(),
      data: (chunk) => this.data(chunk),
      down: (reason) => this.down(reason),
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.reconnector.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.endSession();
    this.watchdog.stop();
    await this.reconnector.stop();
  }

  status(): IdCardReaderStatus {
    const stats = this.decoder.stats;
    return {
      id: this.config.id, online: this.online === true, framesDecoded: stats.frames, badFrames: stats.badFrames,
      badReads: this.badReads, cardsRead: this.cardsRead, lastReadAt: this.lastReadAt,
    };
  }

  private up(): void {
    // A partial frame from before the reconnect will never be completed.
    this.decoder.reset();
    this.endSession();
    this.watchdog.start();
    void this.run(this.session);
  }

  private down(reason: string): void {
    this.endSession();
    this.watchdog.stop();
    // A card still on a reader that comes back is passed on again: the desk may have missed it.
    this.present = null;
    this.setOnline(false, reason);
  }

  private endSession(): void {
    this.session++;
    const w = this.waiting;
    this.waiting = null;
    if (w) {
      clearTimeout(w.timer);
      w.resolve(null);
    }
    const s = this.sleeping;
    this.sleeping = null;
    if (s) {
      clearTimeout(s.timer);
      s.resolve();
    }
  }

  private data(chunk: Buffer): void {
    this.replyAt = this.now();
    this.decoder.push(chunk, (reply) => this.reply(reply));
  }

  private reply(reply: SamReply): void {
    this.watchdog.kick();
    if (this.online !== true) this.setOnline(true, 'reader answered');
    // A reply nobody waits for (late, after its command timed out) answers nothing.
    const w = this.waiting;
    if (!w) return;
    this.waiting = null;
    clearTimeout(w.timer);
    w.resolve(reply);
  }

  private async run(session: number): Promise<void> {
    while (session === this.session) {
      const found = await this.ask(session, FIND);
      if (session !== this.session) return;
      if (found?.sw3 === SW_FOUND) {
        this.absentPolls = 0;
        await this.readCard(session);
      } else if (found?.sw3 === SW_NO_CARD && ++this.absentPolls >= ABSENT_POLLS) {
        this.present = null;
      }
      await this.pause(session, this.config.pollMs);
    }
  }

  private async readCard(session: number): Promise<void> {
    const selected = await this.ask(session, SELECT);
    if (selected?.sw3 !== SW_OK) return;
    const read = await this.ask(session, READ);
    if (read?.sw3 !== SW_OK || session !== this.session) return;
    const at = this.replyAt;
    const decoded = decodeReadData(read.data);
    if (!decoded.ok) {
      this.badReads++;
      this.log(`idcard reader ${this.config.id}: read reply refused (${decoded.problem}); reading again`);
      return;
    }
    this.lastReadAt = at;
    if (this.present === decoded.card.idNumber) return;
    this.present = decoded.card.idNumber;
    this.cardsRead++;
    this.deliver(() => this.sink.cardRead({ reader: this.config.id, card: decoded.card, photo: decoded.photo, at }));
  }

  /** Sends a command and resolves with the next reply, or null on a timeout or a lost link. */
  private ask(session: number, command: Buffer): Promise<SamReply | null> {
    if (session !== this.session) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.waiting?.timer === timer) this.waiting = null;
        resolve(null);
      }, this.replyTimeoutMs);
      this.waiting = { resolve, timer };
      void this.reconnector.write(command);
    });
  }

  private pause(session: number, ms: number): Promise<void> {
    if (session !== this.session) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.sleeping?.timer === timer) this.sleeping = null;
        resolve();
      }, ms);
      this.sleeping = { resolve, timer };
    });
  }

  private setOnline(online: boolean, reason: string): void {
    if (this.stopped || this.online === online) return;
    this.online = online;
    const at = this.now();
    this.deliver(() => this.sink.deviceStatus(this.config.id, online, at, reason));
  }

  /** A throwing sink must not break the decoder mid-chunk or the poll loop. */
  private deliver(call: () => void): void {
    try {
      call();
    } catch (err) {
      this.log(`idcard reader ${this.config.id}: sink failed: ${messageOf(err)}`);
    }
  }
}
