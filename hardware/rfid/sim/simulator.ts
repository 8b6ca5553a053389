// A simulated reader, independent of how it is connected: it sends frames unasked or answers
// commands (see behaviour.ts), optionally with garbage and corrupted frames between real ones
// and one byte per write, to put a driver's resynchronisation and reassembly to work.
import type { Protocol } from '../types.js';
import { behaviourFor, type Behaviour, type BehaviourOptions } from './behaviour.js';
import { randomBytes, seededRandom, type Random } from './random.js';

export interface SimulatorOptions extends BehaviourOptions {
  protocol: Protocol;
  /** EM4100 / CHAFON active: time between frames. R2000 / CHAFON answer mode: length of a round. */
  intervalMs: number;
  /** 1–8 random bytes before every frame, and a corrupted copy before every fourth. */
  garbage?: boolean;
  /** Write byte by byte, each write awaited, so the driver sees frames in pieces. */
  oneByteWrites?: boolean;
  seed?: number;
}

export interface SimPort {
  write(bytes: Buffer): Promise<void>;
}

export interface SimulatorStats {
  framesSent: number;
  corruptFramesSent: number;
  commandsReceived: number;
}

export class ReaderSimulator {
  readonly stats: SimulatorStats = { framesSent: 0, corruptFramesSent: 0, commandsReceived: 0 };
  private readonly behaviour: Behaviour;
  private readonly random: Random;
  private port: SimPort | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private round: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: SimulatorOptions) {
    this.behaviour = behaviourFor(options.protocol, options);
    this.random = seededRandom(options.seed ?? 1);
  }

  /** A host is connected: start talking to it. */
  attach(port: SimPort): void {
    this.detach();
    this.port = port;
    this.behaviour.commands?.reset();
    this.ticker = setInterval(() => {
      const frames = this.behaviour.unasked();
      if (frames) this.send(frames);
    }, this.options.intervalMs);
  }

  detach(): void {
    this.port = null;
    if (this.ticker) clearInterval(this.ticker);
    if (this.round) clearTimeout(this.round);
    this.ticker = null;
    this.round = null;
  }

  receive(chunk: Buffer): void {
    this.behaviour.commands?.push(chunk, (frame) => {
      if (frame.kind === 'command') this.command(frame.cmd);
    });
  }

  private command(cmd: number): void {
    this.stats.commandsReceived++;
    // Busy with a round: a real reader drops commands until it is done.
    if (this.round) return;
    const { frames, delayed } = this.behaviour.answer(cmd);
    if (!delayed) {
      this.send(frames);
      return;
    }
    this.round = setTimeout(() => {
      this.round = null;
      this.send(frames);
    }, this.options.intervalMs);
  }

  private send(frames: Buffer[]): void {
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
