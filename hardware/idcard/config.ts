// The desk's ID-card reader in the station config (`idCardReader`). Parsing fills every default;
// an error names the field at fault.
import { z } from 'zod';
import { parseTransport, TRANSPORT_HINT } from '../rfid/transport.js';
import { SAM_BAUD } from './framing.js';

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

export const ID_CARD_DEFAULTS = { baud: SAM_BAUD, pollMs: 300, watchdogMs: 3000 } as const;

export const idCardReaderSchema = z.strictObject({
  transport: z.string().refine((t) => parseTransport(t) !== null, `must be ${TRANSPORT_HINT}`),
  baud: z.number().int().min(1200).max(4_000_000).optional(),
  pollMs: z.number().int().min(50).max(10_000).optional(),
  watchdogMs: z.number().int().min(500).max(3_600_000).optional(),
}).superRefine((r, ctx) => {
  const poll = r.pollMs ?? ID_CARD_DEFAULTS.pollMs;
  if ((r.watchdogMs ?? ID_CARD_DEFAULTS.watchdogMs) < 2 * poll) ctx.addIssue({ code: 'custom', path: ['watchdogMs'], message: `must be at least twice pollMs (${poll})` });
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
