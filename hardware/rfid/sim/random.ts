// A small seeded generator: simulated garbage, fuzz input and bench traffic are reproducible,
// so a failure can be replayed byte for byte.
export type Random = () => number;

/** mulberry32: uniform 32-bit values scaled to [0, 1). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(random: Random, length: number): Buffer {
  const out = Buffer.alloc(length);
  let i = 0;
  for (; i + 4 <= length; i += 4) out.writeUInt32LE(Math.floor(random() * 4294967296), i);
  for (; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

export function randomHex(random: Random, bytes: number): string {
  return randomBytes(random, bytes).toString('hex').toUpperCase();
}
