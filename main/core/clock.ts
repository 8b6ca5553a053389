// Time for the core. The live station reads the system clock; replay moves a virtual one.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class VirtualClock implements Clock {
  constructor(private t = 0) {}
  now(): number {
    return this.t;
  }
  set(t: number): void {
    this.t = t;
  }
}
