// What a station sends the county and what it hears back (HTTPS, the enrolment token as a bearer
// token). A station pushes its events in seq order from the last one the county acknowledged;
// every push also says where the station's record ends now, so that the county can tell how far
// behind it is, and notice a record that was shortened or rewritten even when nothing new comes.
import { z } from 'zod';

export const INGEST_BASE = '/ingest/v1';
/** GET: what the county holds of this station: {station, seq, hash, verified}. */
export const HEAD_PATH = `${INGEST_BASE}/head`;
/** POST a PushRequest: answered with a PushReply (200), or a PushRefusal (401, 409, 413, 503). */
export const PUSH_PATH = `${INGEST_BASE}/push`;

/** Events per push at most, and bytes: a station further behind sends several. */
export const MAX_PUSH_EVENTS = 2000;
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

export const pushEventSchema = z.object({
  seq: z.number().int().min(1),
  at: z.number().int(),
  type: z.string().min(1).max(100),
  actor: z.string().max(200),
  /** The event's canonical JSON, as the station hashed it. */
  payload: z.string().max(MAX_PUSH_BYTES),
  prevHash: hash,
  hash,
}).strict();

export const chainPointSchema = z.object({ seq: z.number().int().min(0), hash }).strict();

export const pushRequestSchema = z.object({
  /** The station's own head when this push was read. */
  head: chainPointSchema,
  /** The station's time zone (its local days in the county's statistics). */
  timeZone: z.string().min(1).max(64).optional(),
  events: z.array(pushEventSchema).max(MAX_PUSH_EVENTS),
}).strict();

export type PushEvent = z.infer<typeof pushEventSchema>;
export type PushRequest = z.infer<typeof pushRequestSchema>;
export interface ChainPoint { readonly seq: number; readonly hash: string }

/** The county holds the station's record up to `seq` (hash `hash`). */
export interface PushReply extends ChainPoint { readonly station: string; readonly verified: boolean }

export type RefusalCode = 'FORK' | 'GAP' | 'BROKEN' | 'SHORTENED' | 'TOKEN' | 'BUSY' | 'TOO_LARGE' | 'BAD_REQUEST';

/** Why a push was refused, in words for the desk; with what the county holds when it can say. */
export interface PushRefusal { readonly code: RefusalCode; readonly message: string; readonly seq?: number; readonly hash?: string }
