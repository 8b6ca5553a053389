// The reader test vectors (tests/fixtures/rfid/vectors.json), checked on load.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { bytesOfHex } from '../../hardware/rfid/hex.js';
import type { DecodedFrame, FrameDecoder } from '../../hardware/rfid/frame.js';

const hex = z.string().transform((text, ctx) => {
  const bytes = bytesOfHex(text);
  if (!bytes) ctx.addIssue({ code: 'custom', message: `not hex: ${text}` });
  return bytes ?? Buffer.alloc(0);
});
const valid = z.object({ hex, tag: z.string().optional(), antenna: z.number().optional(), rssi: z.number().optional(), kind: z.string().optional() });
const invalid = z.object({ hex, why: z.string() });
const family = z.object({ framing: z.string(), valid: z.array(valid), invalid: z.array(invalid).optional() });
const schema = z.object({ em4100_ascii: family, r2000: family, chafon_uhfreader18: family });

export type Vector = z.output<typeof valid>;
export type VectorFamily = z.output<typeof family>;

export const VECTORS = schema.parse(JSON.parse(readFileSync(new URL('../fixtures/rfid/vectors.json', import.meta.url), 'utf8')));

/** Every frame a decoder makes of `bytes`, fed in one push. */
export function decodeAll(decoder: FrameDecoder, bytes: Uint8Array): DecodedFrame[] {
  const frames: DecodedFrame[] = [];
  decoder.push(bytes, (f) => frames.push(f));
  return frames;
}

/** Feeds `bytes` in pieces of the given sizes (cycled). */
export function decodeInPieces(decoder: FrameDecoder, bytes: Uint8Array, sizes: readonly number[]): DecodedFrame[] {
  const frames: DecodedFrame[] = [];
  let i = 0;
  for (let k = 0; i < bytes.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length] ?? 1);
    decoder.push(bytes.subarray(i, i + n), (f) => frames.push(f));
    i += n;
  }
  return frames;
}

export function tagsOf(frames: readonly DecodedFrame[]): string[] {
  return frames.flatMap((f) => (f.kind === 'tag' ? [f.tag] : []));
}

