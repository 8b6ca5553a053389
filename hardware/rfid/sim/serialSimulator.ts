// A simulated device on a serial path (one end of a socat pty pair, or a real port looped to
// the station through a null-modem cable). Like a real device it comes back when its port
// does: a short fixed retry, because the bench times how fast the *driver* finds a replug.
import { Reconnector } from '../reconnector.js';
import { serialConnector } from '../serialTransport.js';
import { ReaderSimulator, type SimulatorOptions } from './simulator.js';
import type { SimPort } from './wire.js';

/** Any simulated device: it talks while attached to a port and hears what the host sends. */
export interface SimDevice {
  attach(port: SimPort): void;
  detach(): void;
  receive(chunk: Buffer): void;
}

export interface RunningSimulator {
  readonly simulator: ReaderSimulator;
  stop(): Promise<void>;
}

/** Keeps `device` attached to the serial path whenever the path can be opened. */
export function serveOnSerial(
  path: string,
  baudRate: number,
  device: SimDevice,
  onState: (up: boolean, reason: string) => void = () => undefined,
): { stop(): Promise<void> } {
  const reconnector: Reconnector = new Reconnector(serialConnector(path, baudRate), { minMs: 20, maxMs: 50 }, {
    up: () => {
      device.attach({ write: (bytes) => reconnector.write(bytes) });
      onState(true, 'port open');
    },
    data: (chunk) => device.receive(chunk),
    down: (reason) => {
      device.detach();
      onState(false, reason);
    },
  });
  reconnector.start();
  return {
    stop: async () => {
      device.detach();
      await reconnector.stop();
    },
  };
}

export function startSerialSimulator(
  path: string,
  baudRate: number,
  options: SimulatorOptions,
  onState: (up: boolean, reason: string) => void = () => undefined,
): RunningSimulator {
  const simulator = new ReaderSimulator(options);
  const served = serveOnSerial(path, baudRate, simulator, onState);
  return { simulator, stop: () => served.stop() };
}
