// A simulated reader behind a TCP serial server: it listens, and serves one host at a time as
// such converters do (a new connection replaces the old one).
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { RunningSimulator } from './serialSimulator.js';
import { ReaderSimulator, type SimulatorOptions } from './simulator.js';

export interface RunningTcpSimulator extends RunningSimulator {
  readonly port: number;
  /** Drops the connected host, as a converter that reboots does. */
  dropClient(): void;
}

export async function startTcpSimulator(host: string, port: number, options: SimulatorOptions): Promise<RunningTcpSimulator> {
  const simulator = new ReaderSimulator(options);
  let current: Socket | null = null;
  const server = createServer((socket) => {
    current?.destroy();
    current = socket;
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      if (current === socket) simulator.receive(chunk);
    });
    socket.on('close', () => {
      if (current !== socket) return;
      current = null;
      simulator.detach();
    });
    simulator.attach({ write: (bytes) => new Promise((ok) => socket.write(bytes, () => ok())) });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  return {
    simulator,
    port: (server.address() as AddressInfo).port,
    dropClient: () => current?.destroy(),
    stop: async () => {
      simulator.detach();
      current?.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
