// Arguments of `npm run rfid -- listen|simulate …`, checked in full before anything opens a
// port: a mistake is a UsageError that names the option at fault (exit status 2).
import { parseArgs, UsageError } from './args.js';
import { parseTransport, TRANSPORT_HINT } from '../../hardware/rfid/transport.js';
import { PROTOCOLS, type Protocol } from '../../hardware/rfid/types.js';
import type { ChafonModel } from '../../hardware/rfid/chafon/encoder.js';

export const RFID_USAGE = `usage:
  npm run rfid -- listen --port PATH|tcp://HOST:PORT --protocol em4100|r2000|chafon [--baud N]
  npm run rfid -- simulate --port PATH|tcp://HOST:PORT --protocol em4100|r2000|chafon --tags T1,T2
                 [--interval-ms N] [--baud N] [--garbage] [--one-byte-writes]
                 [--crlf (em4100)] [--model uhfreader18|uhfreader288 (chafon)] [--active (chafon)]
  (prefer /dev/serial/by-id/… paths; simulate on tcp://HOST:PORT listens there)`;

export interface ListenArgs {
  command: 'listen';
  transport: string;
  protocol: Protocol;
  baud: number | null;
}

export interface SimulateArgs {
  command: 'simulate';
  port: string;
  protocol: Protocol;
  tags: string[];
  intervalMs: number;
  baud: number | null;
  garbage: boolean;
  oneByteWrites: boolean;
  crlf: boolean;
  chafonModel: ChafonModel;
  chafonActive: boolean;
}

export type RfidArgs = ListenArgs | SimulateArgs;

const LISTEN_OPTIONS = { port: 'string', protocol: 'string', baud: 'string' } as const;
const SIMULATE_OPTIONS = {
  ...LISTEN_OPTIONS, tags: 'string', 'interval-ms': 'string', garbage: 'boolean', 'one-byte-writes': 'boolean',
  crlf: 'boolean', model: 'string', active: 'boolean',
} as const;
const MODELS: readonly ChafonModel[] = ['uhfreader18', 'uhfreader288'];

export function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing --${name}`);
  return value;
}

function protocolOf(value: string | undefined): Protocol {
  const p = required(value, 'protocol');
  if (!(PROTOCOLS as readonly string[]).includes(p)) throw new UsageError(`unknown protocol "${p}" (expected ${PROTOCOLS.join(', ')})`);
  return p as Protocol;
}

/** A --port that names a serial path or tcp://host:port (shared with the ID-card tool). */
export function portOf(value: string | undefined): string {
  const port = required(value, 'port');
  if (!parseTransport(port)) throw new UsageError(`--port "${port}" is not ${TRANSPORT_HINT}`);
  return port;
}

export function positiveInt(value: string | undefined, name: string, max: number): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

function tagsOf(value: string | undefined, protocol: Protocol): string[] {
  if (value === undefined) throw new UsageError('missing --tags (comma-separated hex tag ids; "" for a reader that sees none)');
  const tags = value.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
  for (const t of tags) {
    const ok = protocol === 'em4100' ? /^[0-9A-Fa-f]{10}$/.test(t) : /^([0-9A-Fa-f]{4}){1,31}$/.test(t);
    if (!ok) {
      const want = protocol === 'em4100' ? '10 hex digits' : 'an EPC of 1–31 words (4–124 hex digits, a multiple of 4)';
      throw new UsageError(`--tags: "${t}" is not a ${protocol} tag id (${want})`);
    }
  }
  return tags.map((t) => t.toUpperCase());
}

function onlyFor(protocol: Protocol, wanted: Protocol, given: boolean, name: string): void {
  if (given && protocol !== wanted) throw new UsageError(`--${name} applies to ${wanted} only`);
}

export function parseRfidArgs(argv: readonly string[]): RfidArgs {
  const [command, ...rest] = argv;
  switch (command) {
    case 'listen': {
      const { positional, options } = parseArgs(rest, LISTEN_OPTIONS);
      if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
      return { command, transport: portOf(options.port), protocol: protocolOf(options.protocol), baud: positiveInt(options.baud, 'baud', 4_000_000) };
    }
    case 'simulate': {
      const { positional, options } = parseArgs(rest, SIMULATE_OPTIONS);
      if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
      const protocol = protocolOf(options.protocol);
      onlyFor(protocol, 'em4100', options.crlf === true, 'crlf');
      onlyFor(protocol, 'chafon', options.model !== undefined, 'model');
      onlyFor(protocol, 'chafon', options.active === true, 'active');
      const model = options.model ?? 'uhfreader18';
      if (!(MODELS as readonly string[]).includes(model)) throw new UsageError(`--model must be one of ${MODELS.join(', ')}, not "${model}"`);
      return {
        command,
        port: portOf(options.port),
        protocol,
        tags: tagsOf(options.tags, protocol),
        intervalMs: positiveInt(options['interval-ms'], 'interval-ms', 3_600_000) ?? (protocol === 'em4100' ? 500 : 50),
        baud: positiveInt(options.baud, 'baud', 4_000_000),
        garbage: options.garbage === true,
        oneByteWrites: options['one-byte-writes'] === true,
        crlf: options.crlf === true,
        chafonModel: model as ChafonModel,
        chafonActive: options.active === true,
      };
    }
    case undefined:
      throw new UsageError('missing command (listen or simulate)');
    default:
      throw new UsageError(`unknown command "${command}" (expected listen or simulate)`);
  }
}
