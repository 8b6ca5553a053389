// All configured readers: the one object the station holds.
import type { ReaderConfig } from './config.js';
import type { Connector } from './link.js';
import { ReaderLink, type ReaderStatus } from './readerLink.js';
import { connectorFor, parseTransport } from './transport.js';
import type { ReaderSink } from './types.js';

export type { ReaderStatus } from './readerLink.js';

export interface ReaderManagerOptions {
  /** UTC ms for reads and status changes (default Date.now). */
  now?: () => number;
  /** How to reach a reader (default: serial or TCP from its transport); tests swap it. */
  connector?: (config: ReaderConfig) => Connector;
  /** Reconnect delay: starts at min, doubles to max (defaults 100 ms and 1 s). */
  backoffMinMs?: number;
  backoffMaxMs?: number;
  /** Where faults that belong in a log go (default stderr). */
  log?: (line: string) => void;
}

function defaultConnector(config: ReaderConfig): Connector {
  const address = parseTransport(config.transport);
  if (!address) throw new Error(`reader "${config.id}": field "transport": is not a serial path or tcp://host:port`);
  return connectorFor(address, config.baud);
}

export class ReaderManager {
  private readonly links: ReaderLink[];

  constructor(configs: ReaderConfig[], sink: ReaderSink, opts: ReaderManagerOptions = {}) {
    const ids = new Set(configs.map((c) => c.id));
    if (ids.size !== configs.length) throw new Error('reader ids must be unique');
    const connector = opts.connector ?? defaultConnector;
    const now = opts.now ?? Date.now;
    const log = opts.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
    // One second at most between attempts keeps a replugged reader's first read under 2 s.
    const backoff = { minMs: opts.backoffMinMs ?? 100, maxMs: opts.backoffMaxMs ?? 1000 };
    this.links = configs.map((config) => new ReaderLink(config, sink, { connector: connector(config), now, backoff, log }));
  }

  start(): void {
    for (const link of this.links) link.start();
  }

  /** Closes every reader; the sink hears nothing more once this is called. */
  async stop(): Promise<void> {
    await Promise.all(this.links.map((link) => link.stop()));
  }

  status(): ReaderStatus[] {
    return this.links.map((link) => link.status());
  }
}
