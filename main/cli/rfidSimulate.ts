// `rfid simulate`: plays a reader on a serial path (or listens on tcp://HOST:PORT) for demos
// and tests. Status goes to stderr; the summary line to stdout.
import { DRIVERS } from '../../hardware/rfid/protocols.js';
import { parseTransport } from '../../hardware/rfid/transport.js';
import { startSerialSimulator, type RunningSimulator } from '../../hardware/rfid/sim/serialSimulator.js';
import type { SimulatorOptions } from '../../hardware/rfid/sim/simulator.js';
import { startTcpSimulator } from '../../hardware/rfid/sim/tcpSimulator.js';
import type { SimulateArgs } from './rfidArgs.js';

export async function runSimulate(args: SimulateArgs, out: (line: string) => void, until: Promise<void>): Promise<number> {
  const options: SimulatorOptions = {
    protocol: args.protocol, tags: args.tags, intervalMs: args.intervalMs, garbage: args.garbage,
    oneByteWrites: args.oneByteWrites, crlf: args.crlf, chafonModel: args.chafonModel, chafonActive: args.chafonActive,
  };
  const address = parseTransport(args.port);
  let running: RunningSimulator;
  if (address?.kind === 'tcp') {
    running = await startTcpSimulator(address.host, address.port, options);
    process.stderr.write(`rfid simulate: ${args.protocol} reader listening on ${args.port}\n`);
  } else {
    const baud = args.baud ?? DRIVERS[args.protocol].defaultBaud;
    running = startSerialSimulator(args.port, baud, options, (up, reason) => {
      process.stderr.write(`rfid simulate: ${args.port} ${up ? 'open' : `down (${reason})`}\n`);
    });
  }
  await until;
  await running.stop();
  out(JSON.stringify({ at: new Date().toISOString(), summary: running.simulator.stats }));
  return 0;
}
