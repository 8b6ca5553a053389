import { describe, expect, test } from 'vitest';
import { chafonDecoder } from '../../hardware/rfid/chafon/decoder.js';
import {
  chafonActiveFrame, chafonFrame, chafonHeartbeat, chafonInventoryCommand, chafonInventoryReply, chafonNoTag,
} from '../../hardware/rfid/chafon/encoder.js';
import { decodeAll, decodeInPieces, tagsOf, VECTORS } from '../helpers/rfidVectors.js';

const family = VECTORS.chafon_uhfreader18;
const byKind = (kind: string) => family.valid.find((v) => v.kind?.startsWith(kind))?.hex ?? Buffer.alloc(0);
const EPC = 'E200301666130121155074EF';

describe('CHAFON vectors', () => {
  test('the tag reply (Status 0x03, more frames follow): one read, no end of round', () => {
    const v = family.valid.find((x) => x.tag !== undefined);
    const d = chafonDecoder();
    expect(decodeAll(d, v?.hex ?? Buffer.alloc(0))).toEqual([{ kind: 'tag', tag: v?.tag, antenna: null, rssi: null }]);
    expect(d.stats).toMatchObject({ frames: 1, badFrames: 0 });
  });

  test('"no tag" ends the round; the inventory commands are commands', () => {
    expect(decodeAll(chafonDecoder(), byKind('reply: no tag'))).toEqual([{ kind: 'reply', roundEnd: true }]);
    expect(decodeAll(chafonDecoder(), byKind('command: inventory, address 0'))).toEqual([{ kind: 'command', cmd: 1 }]);
    expect(decodeAll(chafonDecoder(), byKind('command: inventory, broadcast'))).toEqual([{ kind: 'command', cmd: 1 }]);
  });

  test('the encoder writes the vectors byte for byte', () => {
    expect(chafonInventoryCommand()).toEqual(byKind('command: inventory, broadcast'));
    expect(chafonInventoryCommand(0x00)).toEqual(byKind('command: inventory, address 0'));
    expect(chafonNoTag()).toEqual(byKind('reply: no tag'));
    expect(chafonInventoryReply(0x03, [{ epc: '000000000000000000000313' }], 'uhfreader18')).toEqual(family.valid.find((x) => x.tag)?.hex);
  });

  test('a flipped bit anywhere in the tag vector is a bad frame, never a read', () => {
    const good = family.valid.find((x) => x.tag)?.hex ?? Buffer.alloc(0);
    for (let i = 0; i < good.length; i++) {
      const bad = Buffer.from(good);
      bad[i] = (bad[i] ?? 0) ^ 0x10;
      expect(tagsOf(decodeAll(chafonDecoder(), bad))).toEqual([]);
    }
  });
});

describe('CHAFON answer mode', () => {
  test('UHFReader18: several tags in one frame; Status 0x01 ends the round', () => {
    const frame = chafonInventoryReply(0x01, [{ epc: EPC }, { epc: '3008' }], 'uhfreader18');
    expect(decodeAll(chafonDecoder(), frame)).toEqual([
      { kind: 'tag', tag: EPC, antenna: null, rssi: null },
      { kind: 'tag', tag: '3008', antenna: null, rssi: null },
      { kind: 'reply', roundEnd: true },
    ]);
  });

  test('UHFReader288: antenna mask and RSSI per tag', () => {
    const frame = chafonInventoryReply(0x03, [{ epc: EPC, antenna: 2, rssi: 0x6b }, { epc: '3008', antenna: 2, rssi: 0x64 }], 'uhfreader288');
    expect(decodeAll(chafonDecoder(), frame)).toEqual([
      { kind: 'tag', tag: EPC, antenna: 2, rssi: 0x6b },
      { kind: 'tag', tag: '3008', antenna: 2, rssi: 0x64 },
    ]);
    // The UHFReader288 end of a round: Status 0x01 with no tags.
    expect(decodeAll(chafonDecoder(), chafonInventoryReply(0x01, [], 'uhfreader288'))).toEqual([{ kind: 'reply', roundEnd: true }]);
  });

  test('error statuses end the round without reads', () => {
    for (const status of [0xf8, 0xfb, 0xfe, 0xff]) {
      expect(decodeAll(chafonDecoder(), chafonFrame(0x00, 0x01, [status]))).toEqual([{ kind: 'reply', roundEnd: true }]);
    }
  });

  test('a tag list that fits neither layout is a bad frame', () => {
    // Num says 2 tags, one is there.
    const d = chafonDecoder();
    expect(decodeAll(d, chafonFrame(0x00, 0x01, [0x01, 0x02, 0x02, 0x30, 0x08]))).toEqual([]);
    expect(d.stats.badFrames).toBe(1);
  });
});

describe('CHAFON active mode (0xEE)', () => {
  test('UHFReader18: a bare EPC', () => {
    expect(decodeAll(chafonDecoder(), chafonActiveFrame({ epc: EPC }, 'uhfreader18'))).toEqual([{ kind: 'tag', tag: EPC, antenna: null, rssi: null }]);
  });

  test('UHFReader288: antenna, EPC, RSSI; the heartbeat is a reply', () => {
    expect(decodeAll(chafonDecoder(), chafonActiveFrame({ epc: EPC, antenna: 3, rssi: 0x55 }, 'uhfreader288'))).toEqual([
      { kind: 'tag', tag: EPC, antenna: 3, rssi: 0x55 },
    ]);
    expect(decodeAll(chafonDecoder(), chafonHeartbeat(7))).toEqual([{ kind: 'reply', roundEnd: false }]);
  });
});

describe('CHAFON streams', () => {
  const frames = [
    chafonInventoryReply(0x03, [{ epc: EPC }], 'uhfreader18'),
    chafonActiveFrame({ epc: '3008', antenna: 1, rssi: 0x40 }, 'uhfreader288'),
    chafonInventoryReply(0x01, [{ epc: '30083008' }], 'uhfreader18'),
  ];
  const expected = [EPC, '3008', '30083008'];

  test('split at every byte, in odd pieces, and whole', () => {
    const stream = Buffer.concat(frames);
    for (const sizes of [[1], [4, 1, 9], [stream.length]]) expect(tagsOf(decodeInPieces(chafonDecoder(), stream, sizes))).toEqual(expected);
  });

  test('garbage that looks like frame starts costs no read and does not delay the next frame', () => {
    // 0x40 0x00 0x01 0x03 announces a 65-byte inventory reply that never comes.
    const junk = Buffer.from([0x40, 0x00, 0x01, 0x03, 0xff, 0xee, 0x00]);
    const d = chafonDecoder();
    const out = decodeAll(d, Buffer.concat([junk, frames[0] ?? Buffer.alloc(0)]));
    expect(tagsOf(out)).toEqual([EPC]);
    const stream = Buffer.concat(frames.flatMap((f) => [junk, f]));
    expect(tagsOf(decodeInPieces(chafonDecoder(), stream, [1]))).toEqual(expected);
  });
});
