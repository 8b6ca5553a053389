// Readers in the station config. Parsing fills every default, so the manager sees complete
// configs; an error names the reader and the field at fault.
import { z } from 'zod';
import { READER_DEFAULTS, watchdogShortfall } from '../../common/readerLink.js';
import { READER_ROLES, type ReaderRole } from '../../common/vocab.js';
import { DRIVERS } from './protocols.js';
import { parseTransport, TRANSPORT_HINT } from './transport.js';
import { PROTOCOLS, type Protocol } from './types.js';

export interface ReaderConfig {
  id: string;
  room: string | null;
  role: ReaderRole;
  /** A serial device path (prefer /dev/serial/by-id/…) or tcp://host:port. */
  transport: string;
  protocol: Protocol;
  baud: number;
  /** Reads weaker than this are dropped (in the reader's RSSI unit); null keeps all. */
  rssiMin: number | null;
  /** A tag is passed on at most once per window per reader; 0 passes every read. */
  dedupMs: number;
  /** A polled (UHF) reader silent this long is offline. */
  watchdogMs: number;
  /** Poll period of a polled (UHF) reader. */
  pollMs: number;
}

export { READER_DEFAULTS };

/** One reader as the station config writes it (optional fields get defaults in parseReaderConfig). */
export const readerConfigSchema = z.strictObject({
  id: z.string().min(1, 'must not be empty'),
  room: z.string().min(1, 'must not be empty').nullish(),
  role: z.enum(READER_ROLES, { error: `must be one of ${READER_ROLES.join(', ')}` }),
  transport: z.string().refine((t) => parseTransport(t) !== null, `must be ${TRANSPORT_HINT}`),
  protocol: z.enum(PROTOCOLS, { error: `must be one of ${PROTOCOLS.join(', ')}` }),
  baud: z.number().int().min(300).max(4_000_000).optional(),
  rssiMin: z.number().finite().optional(),
  dedupMs: z.number().int().min(0).max(3_600_000).optional(),
  watchdogMs: z.number().int().min(100).max(3_600_000).optional(),
  pollMs: z.number().int().min(10).max(60_000).optional(),
}).superRefine((r, ctx) => {
  // A room reader without a room could never place anyone: the station would ignore its reads.
  if (r.role === 'room' && !r.room) ctx.addIssue({ code: 'custom', path: ['room'], message: 'is required for a room reader' });
  if (watchdogShortfall(r, READER_DEFAULTS) !== null) ctx.addIssue({ code: 'custom', path: ['watchdogMs'], message: `must be at least twice pollMs (${r.pollMs ?? READER_DEFAULTS.pollMs})` });
});

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const field = issue.path.map(String).join('.');
  return field ? `field "${field}": ${issue.message}` : issue.message;
}

function nameOf(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 ? `reader "${id}"` : `reader #${index + 1}`;
}

export function parseReaderConfig(raw: unknown, index = 0): ReaderConfig {
  const result = readerConfigSchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(`${nameOf(raw, index)}: ${first ? describe(first) : 'invalid'}`);
  }
  const r = result.data;
  return {
    id: r.id,
    room: r.room ?? null,
    role: r.role,
    transport: r.transport,
    protocol: r.protocol,
    baud: r.baud ?? DRIVERS[r.protocol].defaultBaud,
    rssiMin: r.rssiMin ?? null,
    dedupMs: r.dedupMs ?? READER_DEFAULTS.dedupMs,
    watchdogMs: r.watchdogMs ?? READER_DEFAULTS.watchdogMs,
    pollMs: r.pollMs ?? READER_DEFAULTS.pollMs,
  };
}

/** The `readers` list of the station config. */
export function parseReaderConfigs(raw: unknown): ReaderConfig[] {
  if (!Array.isArray(raw)) throw new Error('readers: must be a list');
  const configs = raw.map((r, i) => parseReaderConfig(r, i));
  const ids = new Set<string>();
  const transports = new Map<string, string>();
  for (const c of configs) {
    if (ids.has(c.id)) throw new Error(`reader "${c.id}": field "id": is used by another reader`);
    ids.add(c.id);
    const other = transports.get(c.transport);
    if (other) throw new Error(`reader "${c.id}": field "transport": is already used by reader "${other}"`);
    transports.set(c.transport, c.id);
  }
  return configs;
}
