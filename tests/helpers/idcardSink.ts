// The wristband readers' recording sink, also hearing ID cards.
import type { IdCardReading, IdCardSink } from '../../hardware/idcard/reader.js';
import { RecordingSink } from './rfidSink.js';

export class CardSink extends RecordingSink implements IdCardSink {
  readonly cards: IdCardReading[] = [];

  cardRead(r: IdCardReading): void {
    this.cards.push(r);
    this.check();
  }

  /** Something outside the sink changed (a simulator heard a command): waits look again. */
  notice(): void {
    this.check();
  }

  waitForCards(count: number, timeoutMs?: number): Promise<void> {
    return this.waitFor(`${count} card(s); got ${this.cards.length}`, () => this.cards.length >= count, timeoutMs);
  }
}
