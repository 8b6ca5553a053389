// The desk's ID-card reader in the station config (`idCardReader`). Parsing fills every default;
// an error names the field at fault.
import { z } from 'zod';
import { parseTransport, TRANSPORT_HINT } from '../rfid/transport.js';
import { ID_CARD_DEFAULTS, ID_CARD_LIMITS, watchdogShortfall } from '../../common/readerLink.js';

export interface IdCardReaderConfig {
  id: string;
  /** A serial device path (prefer /dev/serial/by-id/…) or tcp://host:port of a serial server. */
  transport: string;
  baud: number;
  /** Time between "find card" polls while no card is being read. */
  pollMs: number;
  /** A reader that answers nothing this long is offline (it answers every poll). */
  watchdogMs: number;
}

// One source with the set-up page's check (common/areaSetup.ts idCardConnectionSchema).
export { ID_CARD_DEFAULTS };
const L = ID_CARD_LIMITS;

export const idCardReaderSchema = z.strictObject({
  transport: z.string().refine((t) => parseTransport(t) !== null, `must be ${TRANSPORT_HINT}`),
  baud: z.number().int().min(L.baud.min).max(L.baud.max).optional(),
  pollMs: z.number().int().min(L.pollMs.min).max(L.pollMs.max).optional(),
  watchdogMs: z.number().int().min(L.watchdogMs.min).max(L.watchdogMs.max).optional(),
}).superRefine((r, ctx) => {
  if (watchdogShortfall(r, ID_CARD_DEFAULTS) !== null) ctx.addIssue({ code: 'custom', path: ['watchdogMs'], message: `must be at least twice pollMs (${r.pollMs ?? ID_CARD_DEFAULTS.pollMs})` });
});

export function parseIdCardReaderConfig(raw: unknown, id: string): IdCardReaderConfig {
  const result = idCardReaderSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const what = issue?.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : `${issue?.path.length ? `field "${issue.path.map(String).join('.')}": ` : ''}${issue?.message ?? 'invalid'}`;
    throw new Error(`idCardReader: ${what}`);
  }
  const r = result.data;
  return {
    id, transport: r.transport, baud: r.baud ?? ID_CARD_DEFAULTS.baud,
    pollMs: r.pollMs ?? ID_CARD_DEFAULTS.pollMs, watchdogMs: r.watchdogMs ?? ID_CARD_DEFAULTS.watchdogMs,
  };
}
