// How a simulated device puts its frames on the line: in order, optionally with garbage and a
// corrupted copy before real frames and one byte per write, to put a driver's resynchronisation
// and reassembly to work. Shared by the wristband and ID-card simulators.
import { randomBytes, seededRandom, type Random } from './random.js';

export interface SimPort {
  write(bytes: Buffer): Promise<void>;
}

export interface WireOptions {
  /** 1–8 random bytes before every frame, and a corrupted copy before every fourth. */
  garbage?: boolean;
  /** Write byte by byte, each write awaited, so the driver sees frames in pieces. */
  oneByteWrites?: boolean;
  seed?: number;
}

export interface WireStats {
  framesSent: number;
  corruptFramesSent: number;
}

export class SimWire {
  private readonly random: Random;
  private port: SimPort | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: WireOptions,
    private readonly stats: WireStats,
  ) {
    this.random = seededRandom(options.seed ?? 1);
  }

  get attached(): boolean {
    return this.port !== null;
  }

  attach(port: SimPort): void {
    this.port = port;
  }

  detach(): void {
    this.port = null;
  }

  send(frames: Buffer[]): void {
    const port = this.port;
    if (!port || frames.length === 0) return;
    const bytes = Buffer.concat(frames.flatMap((f) => this.dress(f)));
    this.queue = this.queue.then(() => this.write(port, bytes)).catch(() => undefined);
  }

  private dress(frame: Buffer): Buffer[] {
    this.stats.framesSent++;
    if (!this.options.garbage) return [frame];
    const parts = [randomBytes(this.random, 1 + Math.floor(this.random() * 8))];
    if (this.stats.framesSent % 4 === 0) {
      // Changing a middle byte (an EPC byte or an ASCII digit) keeps the header and breaks the check.
      const bad = Buffer.from(frame);
      const mid = bad.length >> 1;
      bad[mid] = bad[mid] === 0x30 ? 0x31 : 0x30;
      parts.push(bad);
      this.stats.corruptFramesSent++;
    }
    parts.push(frame);
    return parts;
  }

  private async write(port: SimPort, bytes: Buffer): Promise<void> {
    if (!this.options.oneByteWrites) {
      await port.write(bytes);
      return;
    }
    for (let i = 0; i < bytes.length && this.port === port; i++) await port.write(bytes.subarray(i, i + 1));
  }
}
