// The wristband readers, feeding the station: reads become tag.read (the core decides whether they
// move anyone), link changes become device.status. Each reader has a link of its own, so that a
// change of one reader's connection reconnects that reader and no other. The desk's enrolment
// reader is not a room reader: what it reads is only offered to the desk for binding a new
// wristband at entry, so showing a fresh wristband is no unknown tag.
//
// A read test of a port a running reader holds listens to that reader (a serial port opens once).
import type { ReaderConnection } from '../../common/areaSetup.js';
import { parseReaderConfig } from '../../hardware/rfid/config.js';
import { ReaderManager } from '../../hardware/rfid/manager.js';
import type { ReaderSink, TagReading } from '../../hardware/rfid/types.js';
import { sameJson } from '../api/setup/plan.js';
import type { ReportPort } from './ports.js';

export const DESK_READER_ID = 'DESK-ENROL';

export interface ReaderPorts extends ReportPort {
  /** A wristband shown to the desk's enrolment reader, offered to the desk for binding. */
  deskTag(seen: { readonly tag: string; readonly at: number }): void;
}

interface Running {
  readonly connection: ReaderConnection;
  readonly manager: ReaderManager;
}

export class ReaderService {
  private readonly running = new Map<string, Running>();
  private readonly taps = new Map<string, Set<ReaderSink>>();
  /** Changes one after another: a port given up by one reader may be taken by the next. */
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly ports: ReaderPorts) {}

  private log(line: string): void {
    this.ports.log(`rfid: ${line}`);
  }

  private sinkOf(id: string): ReaderSink {
    const listeners = (): Iterable<ReaderSink> => this.taps.get(id) ?? [];
    if (id === DESK_READER_ID) {
      return {
        tagRead: (r) => {
          this.ports.deskTag({ tag: r.tag, at: r.at });
          for (const t of listeners()) t.tagRead(r);
        },
        deviceStatus: (reader, online, at, reason) => {
          this.log(`desk reader ${online ? 'online' : `offline (${reason})`}`);
          for (const t of listeners()) t.deviceStatus(reader, online, at, reason);
        },
      };
    }
    return {
      tagRead: (r: TagReading) => {
        this.ports.report({ type: 'tag.read', reader: r.reader, tag: r.tag, rssi: r.rssi, antenna: r.antenna }, `device:${id}`);
        for (const t of listeners()) t.tagRead(r);
      },
      deviceStatus: (reader, online, at, reason) => {
        this.ports.report({ type: 'device.status', device: reader, online }, `device:${id}`);
        for (const t of listeners()) t.deviceStatus(reader, online, at, reason);
      },
    };
  }

  /**
   * Brings the running readers in line with `wanted` (by reader id; the desk's under
   * DESK_READER_ID): a reader whose connection is unchanged keeps its link; the others are
   * stopped first, then the new ones started. A connection that does not parse is logged and
   * left out (the page checks connections before they are saved).
   */
  apply(wanted: ReadonlyMap<string, ReaderConnection>): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.stopped) return;
      const going = [...this.running].filter(([id, r]) => !sameJson(wanted.get(id), r.connection));
      await Promise.all(going.map(async ([id, r]) => {
        this.running.delete(id);
        await r.manager.stop();
        this.log(`reader ${id} stopped`);
      }));
      for (const [id, connection] of wanted) {
        if (this.running.has(id) || this.stopped) continue;
        let config;
        try {
          // A reader's link does not depend on its room: the record says where its reads place people.
          config = parseReaderConfig({ id, room: null, role: 'exit', ...connection });
        } catch (err) {
          this.log(`reader ${id} not started: ${(err as Error).message}`);
          continue;
        }
        const manager = new ReaderManager([config], this.sinkOf(id), { log: (line) => this.log(line), now: this.ports.now });
        this.running.set(id, { connection, manager });
        manager.start();
        this.log(`reader ${id} started on ${connection.transport}`);
      }
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  /** Listens to the running reader on `transport` (a read test); null when none runs there. */
  tap(transport: string, sink: ReaderSink): (() => void) | null {
    const id = [...this.running].find(([, r]) => r.connection.transport === transport)?.[0];
    if (id === undefined) return null;
    const set = this.taps.get(id) ?? new Set();
    set.add(sink);
    this.taps.set(id, set);
    return () => {
      set.delete(sink);
    };
  }

  /** The ids of the readers with a link now. */
  ids(): string[] {
    return [...this.running.keys()];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.queue.catch(() => undefined);
    await Promise.all([...this.running.values()].map((r) => r.manager.stop()));
    this.running.clear();
  }
}
