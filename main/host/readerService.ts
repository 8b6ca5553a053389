// The wristband readers of the configuration, feeding the station: reads become tag.read (the
// core decides whether they move anyone), link changes become device.status. The desk's
// enrolment reader is not a room reader: what it reads is only offered to the desk for binding a
// new wristband at entry, so showing a fresh wristband is no unknown tag.
import { parseReaderConfig, type ReaderConfig } from '../../hardware/rfid/config.js';
import { ReaderManager } from '../../hardware/rfid/manager.js';
import type { TagReading } from '../../hardware/rfid/types.js';
import type { StationHost } from './stationHost.js';

export const DESK_READER_ID = 'DESK-ENROL';

/** The area's readers that name a transport (the others are placed by hand), validated. */
export function readersFromConfig(area: Record<string, unknown> | undefined): ReaderConfig[] {
  const list = area?.readers;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error('configuration area.readers must be a list');
  return list.flatMap((entry, i) => (entry && typeof entry === 'object' && 'transport' in entry ? [parseReaderConfig(entry, i)] : []));
}

export class ReaderService {
  private readonly rooms: ReaderManager | null;
  private readonly desk: ReaderManager | null;

  constructor(private readonly host: StationHost, readers: readonly ReaderConfig[], deskReader: ReaderConfig | null) {
    const log = (line: string): void => host.log(`rfid: ${line}`);
    this.rooms = readers.length === 0 ? null : new ReaderManager([...readers], {
      tagRead: (r: TagReading) => this.submit(r.reader, { type: 'tag.read', reader: r.reader, tag: r.tag, rssi: r.rssi, antenna: r.antenna }),
      deviceStatus: (reader, online) => this.submit(reader, { type: 'device.status', device: reader, online }),
    }, { log, now: host.now });
    this.desk = deskReader === null ? null : new ReaderManager([deskReader], {
      tagRead: (r) => { host.deskTag = { tag: r.tag, at: r.at }; },
      deviceStatus: (_reader, online, _at, reason) => log(`desk reader ${online ? 'online' : `offline (${reason})`}`),
    }, { log, now: host.now });
  }

  private submit(reader: string, command: Record<string, unknown>): void {
    const r = this.host.station.submit(command, { actor: `device:${reader}` });
    if (!r.ok) this.host.log(`rfid: ${String(command.type)} from ${reader} refused: ${r.rejection.message}`);
  }

  start(): void {
    this.rooms?.start();
    this.desk?.start();
  }

  async stop(): Promise<void> {
    await Promise.all([this.rooms?.stop(), this.desk?.stop()]);
  }
}
