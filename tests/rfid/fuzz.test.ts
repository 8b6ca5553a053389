// 10 MB of random bytes through each decoder, whole and in random pieces: no read may come
// out and nothing may throw. Seeded, so a failure replays exactly.
import { describe, expect, test } from 'vitest';
import { DRIVERS } from '../../hardware/rfid/protocols.js';
import { randomBytes, seededRandom } from '../../hardware/rfid/sim/random.js';
import { PROTOCOLS } from '../../hardware/rfid/types.js';

const SIZE = 10 * 1024 * 1024;

describe.each(PROTOCOLS)('%s decoder fuzz', (protocol) => {
  test('10 MB of random bytes: zero reads, no exception', () => {
    const random = seededRandom(0x5eed + protocol.length);
    const bytes = randomBytes(random, SIZE);
    const decoder = DRIVERS[protocol].decoder();
    let reads = 0;
    let offset = 0;
    // Pieces from 1 byte to 64 KiB: short ones exercise the carry between pushes.
    while (offset < bytes.length) {
      const n = random() < 0.3 ? 1 + Math.floor(random() * 16) : 1 + Math.floor(random() * 65536);
      decoder.push(bytes.subarray(offset, offset + n), (f) => {
        if (f.kind === 'tag') reads++;
      });
      offset += n;
    }
    expect(reads).toBe(0);
    expect(decoder.stats.bytes).toBe(SIZE);
    // Almost every byte is garbage; a checksum that passes by chance must not become a read.
    expect(decoder.stats.droppedBytes).toBeGreaterThan(SIZE * 0.99);
  });
});
