// Readers repeat every tag in view many times a second. One reader passes a tag on at most once
// per window; a tag still in view is passed on again when the window has run out, so presence
// stays fresh. Counting from the last read passed on (not the last seen) makes that refresh
// regular. A window of 0 passes everything (the listen tool).
const SWEEP_FROM = 1024;

export class Dedup {
  private readonly last = new Map<string, number>();
  private sweepAt = SWEEP_FROM;

  constructor(private readonly windowMs: number) {}

  admit(tag: string, at: number): boolean {
    if (this.windowMs <= 0) return true;
    const previous = this.last.get(tag);
    // `at < previous`: the wall clock went back; passing the read on is the safe side.
    if (previous !== undefined && at >= previous && at - previous < this.windowMs) return false;
    this.last.set(tag, at);
    if (this.last.size >= this.sweepAt) this.sweep(at);
    return true;
  }

  get size(): number {
    return this.last.size;
  }

  /** Forgets tags whose window has run out, so a stream of passing tags cannot grow the map for ever. */
  private sweep(at: number): void {
    for (const [tag, t] of this.last) if (at - t >= this.windowMs) this.last.delete(tag);
    this.sweepAt = Math.max(SWEEP_FROM, this.last.size * 2);
  }
}
