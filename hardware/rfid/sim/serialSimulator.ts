// A simulated reader on a serial path (one end of a socat pty pair, or a real port looped to
// the station through a null-modem cable). Like a real device it comes back when its port
// does: a short fixed retry, because the bench times how fast the *driver* finds a replug.
import { Reconnector } from '../reconnector.js';
import { serialConnector } from '../serialTransport.js';
import { ReaderSimulator, type SimulatorOptions } from './simulator.js';

export interface RunningSimulator {
  readonly simulator: ReaderSimulator;
  stop(): Promise<void>;
}

export function startSerialSimulator(
  path: string,
  baudRate: number,
  options: SimulatorOptions,
  onState: (up: boolean, reason: string) => void = () => undefined,
): RunningSimulator {
  const simulator = new ReaderSimulator(options);
  const reconnector: Reconnector = new Reconnector(serialConnector(path, baudRate), { minMs: 20, maxMs: 50 }, {
    up: () => {
      simulator.attach({ write: (bytes) => reconnector.write(bytes) });
      onState(true, 'port open');
    },
    data: (chunk) => simulator.receive(chunk),
    down: (reason) => {
      simulator.detach();
      onState(false, reason);
    },
  });
  reconnector.start();
  return {
    simulator,
    stop: async () => {
      simulator.detach();
      await reconnector.stop();
    },
  };
}
