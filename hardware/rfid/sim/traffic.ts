// Generated reader traffic: valid frames of one protocol with garbage between some of them.
// The bench decodes it for throughput; tests use it to check that garbage never costs a read.
import type { Protocol } from '../types.js';
import { em4100Frame } from '../em4100/encoder.js';
import { r2000RoundEnd, r2000TagFrame } from '../r2000/encoder.js';
import { chafonActiveFrame, chafonInventoryReply } from '../chafon/encoder.js';
import { randomBytes, randomHex, type Random } from './random.js';

export interface Traffic {
  bytes: Buffer;
  /** Tag reads the bytes carry, in order. */
  tags: string[];
}

/** One protocol frame carrying one read of `tag` (and, for r2000, the end of its round). */
export function frameFor(protocol: Protocol, tag: string, random: Random): Buffer {
  switch (protocol) {
    case 'em4100':
      return em4100Frame(tag, random() < 0.5);
    case 'r2000':
      return Buffer.concat([
        r2000TagFrame({ epc: tag, antenna: Math.floor(random() * 4), rssi: -40 - Math.floor(random() * 40) }),
        ...(random() < 0.25 ? [r2000RoundEnd(0, 50, 10)] : []),
      ]);
    case 'chafon':
      return random() < 0.5
        ? chafonInventoryReply(random() < 0.5 ? 0x03 : 0x01, [{ epc: tag }], 'uhfreader18')
        : chafonActiveFrame({ epc: tag, antenna: Math.floor(random() * 4), rssi: 0x40 + Math.floor(random() * 0x30) }, 'uhfreader288');
  }
}

export function randomTag(protocol: Protocol, random: Random): string {
  return randomHex(random, protocol === 'em4100' ? 5 : 12);
}

/**
 * About `size` bytes of frames; before `garbageShare` of them, 1–16 random bytes. Tags come from
 * a small pool, as in a room where the same wristbands are read over and over.
 */
export function generateTraffic(protocol: Protocol, size: number, garbageShare: number, random: Random): Traffic {
  const pool = Array.from({ length: 32 }, () => randomTag(protocol, random));
  const parts: Buffer[] = [];
  const tags: string[] = [];
  let total = 0;
  while (total < size) {
    if (random() < garbageShare) {
      const junk = randomBytes(random, 1 + Math.floor(random() * 16));
      parts.push(junk);
      total += junk.length;
    }
    const tag = pool[Math.floor(random() * pool.length)] ?? '';
    const frame = frameFor(protocol, tag, random);
    parts.push(frame);
    tags.push(tag);
    total += frame.length;
  }
  return { bytes: Buffer.concat(parts), tags };
}
