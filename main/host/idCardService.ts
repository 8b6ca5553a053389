// The desk's ID-card reader (`idCardReader` in the settings file, set on 办案区设置). Its cards are offered to the
// entry form only: a card read is kept in memory for a minute, for the form that waits on it,
// and never logged (it is personal data); the record keeps what the officer registers.
import type { IdCard } from '../../common/idCard.js';
import { parseIdCardReaderConfig } from '../../hardware/idcard/config.js';
import { IdCardReader, type IdCardSink } from '../../hardware/idcard/reader.js';
import { sha256Of } from './photoStore.js';

export const ID_CARD_READER_ID = 'DESK-IDCARD';
/** How long a card read stays on offer to the form. */
export const CARD_OFFER_MS = 60_000;

export interface CardRead {
  readonly seq: number;
  readonly at: number;
  readonly card: IdCard;
  /** The card's WLT photo as read, and its SHA-256 (what a registration from the card records). */
  readonly photo: Buffer;
  readonly photoSha256: string;
}

export interface IdCardPorts {
  log(line: string): void;
  now(): number;
}

export class IdCardService {
  private readonly reader: IdCardReader;
  private last: CardRead | null = null;
  private seq = 0;
  private online = false;
  private waiters = new Set<() => void>();
  /** 读证测试 listening to this reader (its port opens once). */
  private readonly taps = new Set<IdCardSink>();

  /**
   * Throws (naming the field) if the configuration is wrong. `seqFrom`: the last card number of the
   * service this one replaces, so that a form waiting after it is offered this one's cards.
   */
  constructor(raw: unknown, private readonly ports: IdCardPorts, seqFrom = 0) {
    this.seq = seqFrom;
    const config = parseIdCardReaderConfig(raw, ID_CARD_READER_ID);
    const log = (line: string): void => ports.log(`idcard: ${line}`);
    this.reader = new IdCardReader(config, {
      cardRead: (r) => {
        this.last = { seq: ++this.seq, at: r.at, card: r.card, photo: r.photo, photoSha256: sha256Of(r.photo) };
        this.wake();
        for (const t of this.taps) t.cardRead(r);
      },
      deviceStatus: (reader, online, at, reason) => {
        this.online = online;
        for (const t of this.taps) t.deviceStatus(reader, online, at, reason);
        log(`desk card reader ${online ? 'online' : `offline (${reason})`}`);
      },
    }, { log, now: ports.now });
  }

  start(): void {
    this.reader.start();
  }

  async stop(): Promise<void> {
    this.wake();
    await this.reader.stop();
  }

  /** Hears this reader's cards and link changes until the returned function is called. */
  tap(sink: IdCardSink): () => void {
    this.taps.add(sink);
    sink.deviceStatus(ID_CARD_READER_ID, this.online, this.ports.now(), this.online ? 'the running reader' : 'the running reader is offline');
    return () => { this.taps.delete(sink); };
  }

  get isOnline(): boolean {
    return this.online;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** The last card read, if it came after `after` and within the offer time. */
  latest(after: number): CardRead | null {
    const last = this.last;
    if (!last || last.seq <= after) return null;
    if (this.ports.now() - last.at > CARD_OFFER_MS) {
      this.last = null;
      return null;
    }
    return last;
  }

  /** The WLT photo of a card still on offer whose photo hashes to `sha`: kept once the person is registered. */
  photoOf(sha: string): Buffer | null {
    const last = this.latest(0);
    return last && last.photoSha256 === sha ? last.photo : null;
  }

  /** Resolves with a card read after `after`, or null once `ms` have passed (or the reader stops). */
  async next(after: number, ms: number): Promise<CardRead | null> {
    const now = this.latest(after);
    if (now || ms <= 0) return now;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
    return this.latest(after);
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
