// RFID bench figures, merged by `npm run bench`; `tsx bench/rfid.ts` prints them alone.
//   rfid_<protocol>_decode_mb_s          decode throughput, 10^6 bytes/s (median of 5 passes over
//                                        16 MiB of valid frames, 1% of them after garbage)
//   rfid_<protocol>_replug_read_ms       from socat restarted (device plugged back) to the first
//                                        read, median over unplugged spells of 0, 0.5 and 2 s
//   rfid_<protocol>_replug_read_max_ms   the slowest of those
// The serial line itself carries about 0.01 MB/s; the replug target is under 2 s.
import { pathToFileURL } from 'node:url';
import { parseReaderConfig } from '../hardware/rfid/config.js';
import { ReaderManager } from '../hardware/rfid/manager.js';
import { DRIVERS } from '../hardware/rfid/protocols.js';
import { seededRandom } from '../hardware/rfid/sim/random.js';
import { startSerialSimulator } from '../hardware/rfid/sim/serialSimulator.js';
import { SocatPair } from '../hardware/rfid/sim/socatPair.js';
import { generateTraffic } from '../hardware/rfid/sim/traffic.js';
import { PROTOCOLS, type Protocol, type ReaderSink } from '../hardware/rfid/types.js';

const TRAFFIC_BYTES = 16 * 1024 * 1024;
const CHUNK = 64 * 1024;
const PASSES = 5;
const UNPLUGGED_MS = [0, 500, 2000];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function decodeThroughput(protocol: Protocol): number {
  const traffic = generateTraffic(protocol, TRAFFIC_BYTES, 0.01, seededRandom(42));
  const bytes = traffic.bytes;
  const pass = (length: number): { ms: number; reads: number } => {
    const decoder = DRIVERS[protocol].decoder();
    let reads = 0;
    const start = performance.now();
    for (let i = 0; i < length; i += CHUNK) {
      decoder.push(bytes.subarray(i, Math.min(i + CHUNK, length)), (f) => {
        if (f.kind === 'tag') reads++;
      });
    }
    return { ms: performance.now() - start, reads };
  };
  pass(bytes.length); // warm-up: let the JIT settle before timing
  const rates: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    const { ms, reads } = pass(bytes.length);
    // A fast decoder that loses reads is no figure at all.
    if (reads !== traffic.tags.length) throw new Error(`${protocol}: decoded ${reads} reads of ${traffic.tags.length}`);
    rates.push(bytes.length / 1e6 / (ms / 1000));
  }
  return round(median(rates), 1);
}

/** A sink that resolves waits on the next read, or on a status change, of its one reader. */
class BenchSink implements ReaderSink {
  reads = 0;
  online = false;
  private waiter: (() => void) | null = null;
  private test: () => boolean = () => false;

  tagRead(): void {
    this.reads++;
    this.check();
  }

  deviceStatus(_reader: string, online: boolean): void {
    this.online = online;
    this.check();
  }

  until(test: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: timed out waiting for ${what}`)), timeoutMs);
      this.test = test;
      this.waiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private check(): void {
    if (this.waiter && this.test()) {
      const w = this.waiter;
      this.waiter = null;
      w();
    }
  }
}

/** Replug times in ms, one per unplugged spell, with the station's default reader settings. */
async function replugTimes(protocol: Protocol): Promise<number[]> {
  const pair = await SocatPair.open();
  const config = parseReaderConfig({ id: 'bench', room: 'bench', role: 'room', transport: pair.a, protocol, dedupMs: 0 });
  const tags = protocol === 'em4100' ? ['62E3086CED'] : ['E200301666130121155074EF'];
  const simulator = startSerialSimulator(pair.b, config.baud, { protocol, tags, intervalMs: protocol === 'em4100' ? 50 : 20 });
  const sink = new BenchSink();
  const manager = new ReaderManager([config], sink);
  const times: number[] = [];
  try {
    manager.start();
    await sink.until(() => sink.reads > 0, 'the first read');
    for (const unpluggedMs of UNPLUGGED_MS) {
      await pair.unplug();
      await sink.until(() => !sink.online, 'offline after unplug');
      // A bench may wait: this is how long the device stays unplugged.
      await new Promise((resolve) => setTimeout(resolve, unpluggedMs));
      const start = performance.now();
      await pair.plug();
      const mark = sink.reads;
      await sink.until(() => sink.reads > mark, 'a read after replug');
      times.push(performance.now() - start);
    }
  } finally {
    await manager.stop();
    await simulator.stop();
    await pair.close();
  }
  return times;
}

export async function benchRfid(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const protocol of PROTOCOLS) figures[`rfid_${protocol}_decode_mb_s`] = decodeThroughput(protocol);
  for (const protocol of PROTOCOLS) {
    const times = await replugTimes(protocol);
    figures[`rfid_${protocol}_replug_read_ms`] = round(median(times), 0);
    figures[`rfid_${protocol}_replug_read_max_ms`] = round(Math.max(...times), 0);
  }
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchRfid().then((figures) => {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  }, (err: unknown) => {
    process.stderr.write(`bench/rfid: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
