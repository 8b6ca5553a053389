// The wristband readers of the configuration, feeding the station: reads become tag.read (the
// core decides whether they move anyone), link changes become device.status. The desk's
// enrolment reader is not a room reader: what it reads is only offered to the desk for binding a
// new wristband at entry, so showing a fresh wristband is no unknown tag.
import { parseReaderConfig, type ReaderConfig } from '../../hardware/rfid/config.js';
import { ReaderManager } from '../../hardware/rfid/manager.js';
import type { TagReading } from '../../hardware/rfid/types.js';
import type { ReportPort } from './ports.js';

export const DESK_READER_ID = 'DESK-ENROL';

/** The area's readers that name a transport (the others are placed by hand), validated. */
export function readersFromConfig(area: Record<string, unknown> | undefined): ReaderConfig[] {
  const list = area?.readers;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error('must be a list');
  return list.flatMap((entry, i) => (entry && typeof entry === 'object' && 'transport' in entry ? [parseReaderConfig(entry, i)] : []));
}

export interface ReaderPorts extends ReportPort {
  /** A wristband shown to the desk's enrolment reader, offered to the desk for binding. */
  deskTag(seen: { readonly tag: string; readonly at: number }): void;
}

export class ReaderService {
  private readonly rooms: ReaderManager | null;
  private readonly desk: ReaderManager | null;

  constructor(ports: ReaderPorts, readers: readonly ReaderConfig[], deskReader: ReaderConfig | null) {
    const log = (line: string): void => ports.log(`rfid: ${line}`);
    const report = (reader: string, command: Record<string, unknown>): void => ports.report(command, `device:${reader}`);
    this.rooms = readers.length === 0 ? null : new ReaderManager([...readers], {
      tagRead: (r: TagReading) => report(r.reader, { type: 'tag.read', reader: r.reader, tag: r.tag, rssi: r.rssi, antenna: r.antenna }),
      deviceStatus: (reader, online) => report(reader, { type: 'device.status', device: reader, online }),
    }, { log, now: ports.now });
    this.desk = deskReader === null ? null : new ReaderManager([deskReader], {
      tagRead: (r) => ports.deskTag({ tag: r.tag, at: r.at }),
      deviceStatus: (_reader, online, _at, reason) => log(`desk reader ${online ? 'online' : `offline (${reason})`}`),
    }, { log, now: ports.now });
  }

  start(): void {
    this.rooms?.start();
    this.desk?.start();
  }

  async stop(): Promise<void> {
    await Promise.all([this.rooms?.stop(), this.desk?.stop()]);
  }
}
