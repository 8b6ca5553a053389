import { describe, expect, test } from 'vitest';
import { r2000Decoder } from '../../hardware/rfid/r2000/decoder.js';
import { r2000FirmwareQuery, r2000Frame, r2000InventoryCommand, r2000RoundEnd, r2000TagFrame } from '../../hardware/rfid/r2000/encoder.js';
import { r2000Checksum } from '../../hardware/rfid/checksums.js';
import { decodeAll, decodeInPieces, tagsOf, VECTORS } from '../helpers/rfidVectors.js';

const family = VECTORS.r2000;
const tagVectors = family.valid.filter((v) => v.tag !== undefined);

describe('R2000 vectors', () => {
  test.each(tagVectors.map((v) => [v.tag ?? '', v] as const))('tag frame %s', (tag, v) => {
    const d = r2000Decoder();
    expect(decodeAll(d, v.hex)).toEqual([{ kind: 'tag', tag, antenna: v.antenna, rssi: v.rssi }]);
    expect(d.stats).toMatchObject({ frames: 1, badFrames: 0 });
  });

  test('end of round and the firmware reply are replies; the host commands are commands', () => {
    const byKind = (kind: string) => family.valid.find((v) => v.kind?.startsWith(kind))?.hex ?? Buffer.alloc(0);
    expect(decodeAll(r2000Decoder(), byKind('end of round'))).toEqual([{ kind: 'reply', roundEnd: true }]);
    expect(decodeAll(r2000Decoder(), byKind('reply: firmware'))).toEqual([{ kind: 'reply', roundEnd: false }]);
    // An echoed inventory (repeat 1) must not pass for a reader's error reply.
    expect(decodeAll(r2000Decoder(), byKind('command: real-time'))).toEqual([{ kind: 'command', cmd: 0x89 }]);
    expect(decodeAll(r2000Decoder(), byKind('command: get firmware'))).toEqual([{ kind: 'command', cmd: 0x72 }]);
  });

  test('the invalid vector is dropped and counted; with the right checksum (AE) it decodes', () => {
    const bad = family.invalid?.[0]?.hex ?? Buffer.alloc(0);
    const d = r2000Decoder();
    expect(decodeAll(d, bad)).toEqual([]);
    expect(d.stats).toMatchObject({ frames: 0, badFrames: 1 });
    const fixed = Buffer.from(bad);
    fixed[fixed.length - 1] = 0xae;
    expect(decodeAll(r2000Decoder(), fixed)).toEqual([{ kind: 'reply', roundEnd: true }]);
  });

  test('the encoder writes the vectors byte for byte', () => {
    const hexes = family.valid.map((v) => v.hex.toString('hex'));
    expect(hexes).toContain(r2000InventoryCommand(1, 0x01).toString('hex'));
    expect(hexes).toContain(r2000Frame(0x01, 0x72).toString('hex'));
    // FreqAnt 0x04: frequency point 1, antenna 0.
    expect(hexes).toContain(r2000TagFrame({ epc: 'E200301666130121155074EF', antenna: 0, rssi: -60, freq: 1 }).toString('hex'));
    expect(hexes).toContain(r2000RoundEnd(0, 0x11, 5).toString('hex'));
  });
});

describe('R2000 frames', () => {
  const a = r2000TagFrame({ epc: 'E200301666130121155074EF', antenna: 1, rssi: -60 });
  const b = r2000TagFrame({ epc: '3008', antenna: 3, rssi: -70, freq: 9 });
  const end = r2000RoundEnd(0, 12, 2);

  test('split at every byte and in odd pieces, with the round end', () => {
    const stream = Buffer.concat([a, b, end]);
    for (const sizes of [[1], [2, 5, 3], [stream.length]]) {
      const frames = decodeInPieces(r2000Decoder(), stream, sizes);
      expect(frames).toEqual([
        { kind: 'tag', tag: 'E200301666130121155074EF', antenna: 1, rssi: -60 },
        { kind: 'tag', tag: '3008', antenna: 3, rssi: -70 },
        { kind: 'reply', roundEnd: true },
      ]);
    }
  });

  test('antennas 5–8 of 8-port boards: RSSI bit 7 adds 4', () => {
    const frame = r2000TagFrame({ epc: '3008', antenna: 6, rssi: -55 });
    expect(decodeAll(r2000Decoder(), frame)).toEqual([{ kind: 'tag', tag: '3008', antenna: 6, rssi: -55 }]);
  });

  test('a tag frame with phase bytes after the RSSI', () => {
    const plain = r2000TagFrame({ epc: '30083008', antenna: 0, rssi: -60 });
    const body = [...plain.subarray(4, plain.length - 1), 0x12, 0x34];
    expect(tagsOf(decodeAll(r2000Decoder(), r2000Frame(0x01, 0x89, body)))).toEqual(['30083008']);
  });

  test('session inventory (0x8B) tag frames read the same', () => {
    expect(tagsOf(decodeAll(r2000Decoder(), r2000TagFrame({ epc: '3008', antenna: 0, rssi: -60 }, 0x8b)))).toEqual(['3008']);
  });

  test('a PC word that disagrees with the length is a bad frame, not a read', () => {
    const frame = Buffer.from(a);
    frame[5] = 0x20; // PC says 4 words, the frame holds 6
    frame[frame.length - 1] = r2000Checksum(frame, 0, frame.length - 1);
    const d = r2000Decoder();
    expect(decodeAll(d, frame)).toEqual([]);
    expect(d.stats.badFrames).toBe(1);
  });

  test('a stray 0xA0 announcing a long frame does not hold back the frame after it', () => {
    const d = r2000Decoder();
    const frames = decodeAll(d, Buffer.concat([Buffer.from([0xa0, 0x45, 0x01, 0x89]), a]));
    expect(tagsOf(frames)).toEqual(['E200301666130121155074EF']);
  });

  test('garbage full of 0xA0 between frames costs no read', () => {
    const junk = Buffer.from([0xa0, 0xa0, 0x13, 0xa0, 0x04, 0x01, 0x89, 0xa0]);
    const stream = Buffer.concat([junk, a, junk, b, junk, end, junk]);
    expect(tagsOf(decodeInPieces(r2000Decoder(), stream, [1]))).toEqual(['E200301666130121155074EF', '3008']);
    expect(tagsOf(decodeAll(r2000Decoder(), stream))).toEqual(['E200301666130121155074EF', '3008']);
  });

  test('the driver\'s commands are the documented frames, to the broadcast address', () => {
    expect(r2000InventoryCommand().toString('hex')).toBe('a004ff8901d3');
    expect(r2000FirmwareQuery().toString('hex')).toBe('a003ff72ec');
  });
});
