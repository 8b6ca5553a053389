import { describe, expect, test } from 'vitest';
import { crc16Mcrf4xx, r2000Checksum, xor8 } from '../../hardware/rfid/checksums.js';
import { VECTORS } from '../helpers/rfidVectors.js';

describe('CRC-16/MCRF4XX', () => {
  test('the catalogue check value: "123456789" gives 0x6F91', () => {
    expect(crc16Mcrf4xx(Buffer.from('123456789', 'ascii'))).toBe(0x6f91);
  });

  test.each(VECTORS.chafon_uhfreader18.valid.map((v) => [v.hex.toString('hex'), v.hex] as const))('CHAFON vector %s: CRC LSB first', (_name, frame) => {
    const crc = crc16Mcrf4xx(frame, 0, frame.length - 2);
    expect([crc & 0xff, crc >> 8]).toEqual([frame[frame.length - 2], frame[frame.length - 1]]);
  });

  test('a range of a larger buffer', () => {
    const inner = Buffer.from('123456789', 'ascii');
    expect(crc16Mcrf4xx(Buffer.concat([Buffer.from([1, 2]), inner, Buffer.from([3])]), 2, 11)).toBe(0x6f91);
  });
});

describe('R2000 checksum', () => {
  test.each(VECTORS.r2000.valid.map((v) => [v.hex.toString('hex'), v.hex] as const))('vector %s: two\'s complement of the byte sum', (_name, frame) => {
    expect(r2000Checksum(frame, 0, frame.length - 1)).toBe(frame[frame.length - 1]);
    // Equivalently, all bytes including the checksum sum to 0 mod 256.
    expect(frame.reduce((a, b) => a + b, 0) & 0xff).toBe(0);
  });

  test('the invalid vector: published BC, AE is right', () => {
    const frame = VECTORS.r2000.invalid?.[0]?.hex ?? Buffer.alloc(0);
    expect(frame[frame.length - 1]).toBe(0xbc);
    expect(r2000Checksum(frame, 0, frame.length - 1)).toBe(0xae);
  });
});

describe('EM4100 XOR', () => {
  test('62E3086CED checks to 08', () => {
    expect(xor8(Buffer.from('62E3086CED', 'hex'))).toBe(0x08);
  });
});
