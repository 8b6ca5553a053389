import { describe, expect, test } from 'vitest';
import { em4100Decoder } from '../../hardware/rfid/em4100/decoder.js';
import { em4100Frame } from '../../hardware/rfid/em4100/encoder.js';
import { decodeAll, decodeInPieces, tagsOf, VECTORS } from '../helpers/rfidVectors.js';

const family = VECTORS.em4100_ascii;

describe('EM4100 vectors', () => {
  test.each(family.valid.map((v) => [v.tag ?? '', v] as const))('valid %s', (tag, v) => {
    const d = em4100Decoder();
    expect(decodeAll(d, v.hex)).toEqual([{ kind: 'tag', tag, antenna: null, rssi: null }]);
    expect(d.stats).toMatchObject({ frames: 1, badFrames: 0, droppedBytes: 0 });
  });

  test.each((family.invalid ?? []).map((v) => [v.why, v] as const))('invalid: %s', (_why, v) => {
    const d = em4100Decoder();
    expect(decodeAll(d, v.hex)).toEqual([]);
    expect(d.stats).toMatchObject({ frames: 0, badFrames: 1 });
  });
});

describe('EM4100 frames', () => {
  test('the encoder writes the vectors byte for byte (with and without CR LF)', () => {
    expect(em4100Frame('62E3086CED')).toEqual(family.valid[0]?.hex);
    expect(em4100Frame('7C0055F8C4', true)).toEqual(family.valid[2]?.hex);
  });

  test('lower-case digits are read and the tag normalised to upper case', () => {
    const frame = Buffer.from(em4100Frame('62E3086CED').toString('latin1').toLowerCase(), 'latin1');
    expect(tagsOf(decodeAll(em4100Decoder(), frame))).toEqual(['62E3086CED']);
  });

  test('a frame split at every byte, and several frames in one chunk', () => {
    const stream = Buffer.concat([em4100Frame('0100073AE0'), em4100Frame('62E3086CED', true), em4100Frame('7C0055F8C4')]);
    const expected = ['0100073AE0', '62E3086CED', '7C0055F8C4'];
    expect(tagsOf(decodeInPieces(em4100Decoder(), stream, [1]))).toEqual(expected);
    expect(tagsOf(decodeInPieces(em4100Decoder(), stream, [3, 7, 2]))).toEqual(expected);
    expect(tagsOf(decodeAll(em4100Decoder(), stream))).toEqual(expected);
  });

  test('resynchronises: a frame cut short by a new STX, stray STX/ETX and noise cost no read', () => {
    const good = em4100Frame('62E3086CED');
    const stream = Buffer.concat([Buffer.from('\x02\x0362E3', 'latin1'), good, Buffer.from('zz\x03\x02\x02', 'latin1'), good]);
    const d = em4100Decoder();
    expect(tagsOf(decodeAll(d, stream))).toEqual(['62E3086CED', '62E3086CED']);
    expect(d.stats.badFrames).toBe(0);
  });

  test('a wrong terminator or a broken CR LF is a bad frame, and the next frame still reads', () => {
    const good = em4100Frame('62E3086CED');
    const noEtx = Buffer.from(good);
    noEtx[13] = 0x04;
    const brokenCrLf = Buffer.from(em4100Frame('62E3086CED', true));
    brokenCrLf[14] = 0x0d;
    const d = em4100Decoder();
    expect(tagsOf(decodeAll(d, Buffer.concat([noEtx, brokenCrLf, good])))).toEqual(['62E3086CED']);
    expect(d.stats.badFrames).toBe(2);
  });

  test('reset() forgets a partial frame', () => {
    const good = em4100Frame('62E3086CED');
    const d = em4100Decoder();
    d.push(good.subarray(0, 8), () => undefined);
    d.reset();
    // The rest of the old frame alone is garbage; a whole new frame reads.
    expect(tagsOf(decodeAll(d, Buffer.concat([good.subarray(8), good])))).toEqual(['62E3086CED']);
  });
});
