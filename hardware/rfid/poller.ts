// Drives a reader that answers commands (R2000, CHAFON answer mode): after a connect it sends
// the probe until the reader first answers, then keeps one inventory round going at a time —
// a new round on the first tick after the last one ended, or again when a round's end never
// came (a command or a reply lost on the line). Commands sent while a reader is busy are lost
// by CHAFON firmware, so rounds are never stacked.
import type { DecodedFrame } from './frame.js';

export interface PollPlan {
  /** Sent until the reader first answers after a connect; null: the inventory doubles as probe. */
  readonly probe: Buffer | null;
  readonly inventory: Buffer;
}

export class Poller {
  private timer: NodeJS.Timeout | null = null;
  private answered = false;
  private roundOpen = false;
  private roundSentAt = 0;

  constructor(
    private readonly plan: PollPlan,
    private readonly pollMs: number,
    private readonly roundTimeoutMs: number,
    private readonly write: (bytes: Buffer) => void,
  ) {}

  start(): void {
    this.stop();
    this.answered = false;
    this.roundOpen = false;
    this.timer = setInterval(() => this.tick(), this.pollMs);
    this.probe();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  frame(frame: DecodedFrame): void {
    if (frame.kind === 'command' || !this.timer) return;
    if (frame.kind === 'reply' && frame.roundEnd) this.roundOpen = false;
    if (!this.answered) {
      this.answered = true;
      // The answer to a separate probe: start reading now rather than at the next tick.
      if (this.plan.probe && !this.roundOpen) this.startRound();
    }
  }

  private tick(): void {
    if (!this.answered) {
      this.probe();
      return;
    }
    if (this.roundOpen && performance.now() - this.roundSentAt < this.roundTimeoutMs) return;
    this.startRound();
  }

  private probe(): void {
    if (this.plan.probe) this.write(this.plan.probe);
    else this.startRound();
  }

  private startRound(): void {
    this.roundOpen = true;
    this.roundSentAt = performance.now();
    this.write(this.plan.inventory);
  }
}
