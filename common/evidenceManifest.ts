// The manifest of an evidence export (manifest.json): what was exported and from what — the area,
// room, session, person and officers; per camera its MP4, the source segments with their SHA-256,
// recorded times and place in the MP4, the gaps and the segments refused as changed; the session's
// events with their chain hashes; the record's head at export time; and every file with its
// SHA-256. `npm run evidence -- verify` checks an export against it; the summary page
// (讯（询）问同步录音录像情况说明) is drawn from it. Times are UTC ms.
import { z } from 'zod';

export const MANIFEST_FORMAT = 'custody-station/evidence-1';
export const MANIFEST_FILE = 'manifest.json';
/** Beside the manifest: its SHA-256 in `sha256sum` format (so `sha256sum -c` checks it too). */
export const MANIFEST_HASH_FILE = 'manifest.json.sha256';
export const SUMMARY_FILE = 'summary.html';

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const ms = z.number().finite();
const named = z.object({ id: z.string(), name: z.string() });

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  exportId: z.string().min(1),
  exportedAt: ms,
  exportedBy: z.object({
    via: z.enum(['desk', 'cli']), officerId: z.string().optional(), name: z.string().optional(), account: z.string().optional(), osUser: z.string().optional(),
  }),
  timeZone: z.string(),
  area: named.nullable(),
  session: z.object({
    id: z.string(), kind: z.string(), room: named, person: z.object({ id: z.string(), name: z.string(), caseNo: z.string().nullable() }),
    officers: z.array(named), appropriateAdults: z.array(z.string()), startedAt: ms, endedAt: ms,
  }),
  cameras: z.array(z.object({
    camera: z.string(),
    /** The MP4 of this camera, or null when none of its segments could be exported. */
    file: z.string().nullable(),
    segments: z.array(z.object({ seq: z.number().int(), startedAt: ms, endedAt: ms, durationMs: ms, bytes: z.number().int(), sha256: sha, offsetMs: ms })),
    gaps: z.array(z.object({ from: ms, to: ms, reason: z.string() })),
    changed: z.array(z.object({ seq: z.number().int(), startedAt: ms, endedAt: ms, expected: sha, found: sha.nullable() })),
  })),
  events: z.array(z.object({ seq: z.number().int(), at: ms, type: z.string(), actor: z.string(), payload: z.string(), prevHash: sha, hash: sha })),
  recordHead: z.object({ seq: z.number().int(), hash: sha }),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: sha })),
});

export type EvidenceManifest = z.infer<typeof manifestSchema>;
export type ManifestCamera = EvidenceManifest['cameras'][number];
