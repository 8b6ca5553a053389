// A simulated reader, independent of how it is connected: it sends frames unasked or answers
// commands (see behaviour.ts), optionally with garbage and corrupted frames between real ones
// and one byte per write, to put a driver's resynchronisation and reassembly to work.
import type { Protocol } from '../types.js';
import { behaviourFor, type Behaviour, type BehaviourOptions } from './behaviour.js';
import { SimWire, type SimPort, type WireOptions, type WireStats } from './wire.js';

export type { SimPort } from './wire.js';

export interface SimulatorOptions extends BehaviourOptions, WireOptions {
  protocol: Protocol;
  /** EM4100 / CHAFON active: time between frames. R2000 / CHAFON answer mode: length of a round. */
  intervalMs: number;
}

export interface SimulatorStats extends WireStats {
  commandsReceived: number;
}

export class ReaderSimulator {
  readonly stats: SimulatorStats = { framesSent: 0, corruptFramesSent: 0, commandsReceived: 0 };
  private readonly behaviour: Behaviour;
  private readonly wire: SimWire;
  private ticker: NodeJS.Timeout | null = null;
  private round: NodeJS.Timeout | null = null;

  constructor(private readonly options: SimulatorOptions) {
    this.behaviour = behaviourFor(options.protocol, options);
    this.wire = new SimWire(options, this.stats);
  }

  /** A host is connected: start talking to it. */
  attach(port: SimPort): void {
    this.detach();
    this.wire.attach(port);
    this.behaviour.commands?.reset();
    this.ticker = setInterval(() => {
      const frames = this.behaviour.unasked();
      if (frames) this.send(frames);
    }, this.options.intervalMs);
  }

  detach(): void {
    this.wire.detach();
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
    this.wire.send(frames);
  }
}
