// The instants at which an alarm may change with no event (a grace running out, a window opening
// or closing), as a binary min-heap. An entry is (instant, rule slot, subject id); the engine keeps
// the one instant each subject is waiting for, and entries that no longer match it are stale and
// dropped when they reach the top, which is cheaper than finding them in the heap. Entries are
// kept in three parallel arrays rather than as objects: a busy area pushes one for nearly every
// move, and objects that live for a grace period are what fills the old generation.
export class DeadlineQueue {
  private readonly at: number[] = [];
  private readonly slot: number[] = [];
  private readonly id: string[] = [];

  get size(): number {
    return this.at.length;
  }

  /** The earliest entry's instant, slot and id (undefined when empty). */
  topAt(): number | undefined {
    return this.at[0];
  }

  topSlot(): number {
    return this.slot[0] ?? -1;
  }

  topId(): string {
    return this.id[0] ?? '';
  }

  push(at: number, slot: number, id: string): void {
    let i = this.at.length;
    this.at.push(at);
    this.slot.push(slot);
    this.id.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pAt = this.at[parent] as number;
      if (pAt <= at) break;
      this.move(parent, i);
      i = parent;
    }
    this.put(i, at, slot, id);
  }

  /** Removes the earliest entry. */
  pop(): void {
    const n = this.at.length - 1;
    if (n < 0) return;
    // pop(), not a shorter length: setting the length is a slow path that may give up storage.
    const at = this.at.pop() as number;
    const slot = this.slot.pop() as number;
    const id = this.id.pop() as string;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && (this.at[r] as number) < (this.at[l] as number) ? r : l;
      if ((this.at[child] as number) >= at) break;
      this.move(child, i);
      i = child;
    }
    this.put(i, at, slot, id);
  }

  clear(): void {
    this.at.length = 0;
    this.slot.length = 0;
    this.id.length = 0;
  }

  private move(from: number, to: number): void {
    this.at[to] = this.at[from] as number;
    this.slot[to] = this.slot[from] as number;
    this.id[to] = this.id[from] as string;
  }

  private put(i: number, at: number, slot: number, id: string): void {
    this.at[i] = at;
    this.slot[i] = slot;
    this.id[i] = id;
  }
}
