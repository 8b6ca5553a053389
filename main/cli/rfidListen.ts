// `rfid listen`: one JSON line per read and per status change, then a summary. For installers
// checking a reader's wiring, port and baud rate: every read is shown (no dedup, no RSSI floor).
import { parseReaderConfig } from '../../hardware/rfid/config.js';
import { ReaderManager } from '../../hardware/rfid/manager.js';
import type { ReaderSink } from '../../hardware/rfid/types.js';
import type { ListenArgs } from './rfidArgs.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export async function runListen(args: ListenArgs, out: (line: string) => void, until: Promise<void>): Promise<number> {
  const config = parseReaderConfig({
    id: 'listen', room: null, role: 'exit', transport: args.transport, protocol: args.protocol,
    ...(args.baud === null ? {} : { baud: args.baud }), dedupMs: 0,
  });
  let reads = 0;
  const sink: ReaderSink = {
    tagRead(r) {
      reads++;
      out(JSON.stringify({ at: iso(r.at), tag: r.tag, antenna: r.antenna, rssi: r.rssi }));
    },
    deviceStatus(_reader, online, at, reason) {
      out(JSON.stringify({ at: iso(at), status: online ? 'online' : 'offline', reason }));
    },
  };
  const manager = new ReaderManager([config], sink);
  manager.start();
  await until;
  await manager.stop();
  const status = manager.status()[0];
  out(JSON.stringify({ at: iso(Date.now()), summary: { framesDecoded: status?.framesDecoded ?? 0, badFrames: status?.badFrames ?? 0, reads } }));
  return 0;
}
