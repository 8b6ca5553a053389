// SAM frames and the card's text, byte for byte: the commands as the readers' manuals give
// them, replies reassembled from garbage and pieces, and garbled text refused.
import { describe, expect, test } from 'vitest';
import { decodeCardText, decodeReadData, encodeCardText, encodeReadData, TEXT_BYTES } from '../../hardware/idcard/cardText.js';
import { samCommandDecoder, samReplyDecoder, type SamReply } from '../../hardware/idcard/decoder.js';
import { CMD_FIND, CMD_READ, CMD_SELECT, samFrame } from '../../hardware/idcard/framing.js';
import { simulatedPhoto } from '../../hardware/idcard/sim/simulator.js';
import { NATIONS, nationName } from '../../common/nations.js';
import { cardExpired } from '../../common/idCard.js';
import { EXPIRED_CARD, HAN_CARD, LONG_NAME_X_CARD, UYGHUR_CARD } from '../helpers/idcards.js';

const hex = (b: Buffer): string => b.toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1 ');

describe('SAM frames', () => {
  test('the host commands are the bytes the readers document', () => {
    expect(hex(samFrame(CMD_FIND))).toBe('AA AA AA 96 69 00 03 20 01 22');
    expect(hex(samFrame(CMD_SELECT))).toBe('AA AA AA 96 69 00 03 20 02 21');
    expect(hex(samFrame(CMD_READ))).toBe('AA AA AA 96 69 00 03 30 01 32');
    expect(hex(samFrame([0, 0, 0x9f, 0, 0, 0, 0]))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
  });

  test('replies are found after garbage, across one-byte pieces and two to a chunk; a wrong check byte is dropped', () => {
    const found = samFrame([0, 0, 0x9f, 0, 0, 0, 0]);
    const read = samFrame(Buffer.concat([Buffer.from([0, 0, 0x90]), encodeReadData(HAN_CARD, simulatedPhoto(HAN_CARD))]));
    const bad = Buffer.from(read);
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 1;
    // Garbage holding a preamble with a huge length must not hold back the real frames after it.
    const garbage = Buffer.from([0x00, 0xaa, 0xaa, 0x13, 0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x07, 0xff, 0x55]);
    const stream = Buffer.concat([garbage, found, bad, Buffer.from([0xaa, 0x96]), read, found]);
    const d = samReplyDecoder();
    const out: SamReply[] = [];
    for (let i = 0; i < stream.length; i++) d.push(stream.subarray(i, i + 1), (r) => out.push(r));
    expect(out.map((r) => r.sw3)).toEqual([0x9f, 0x90, 0x9f]);
    expect(d.stats.badFrames).toBe(1);
    const data = decodeReadData(out[1]?.data ?? Buffer.alloc(0));
    expect(data).toMatchObject({ ok: true, card: HAN_CARD });
  });

  test('the simulator side reads host commands, and ignores the reader\'s replies', () => {
    const d = samCommandDecoder();
    const seen: number[][] = [];
    d.push(Buffer.concat([samFrame(CMD_FIND), samFrame([0, 0, 0x80]), samFrame(CMD_READ)]), (c) => seen.push([c.cmd, c.para]));
    expect(seen).toEqual([[0x20, 0x01], [0x00, 0x00], [0x30, 0x01]]);
  });
});

describe('card text', () => {
  test.each([HAN_CARD, UYGHUR_CARD, EXPIRED_CARD, LONG_NAME_X_CARD])('$name round-trips through the 256 bytes', (card) => {
    const text = encodeCardText(card);
    expect(text.length).toBe(TEXT_BYTES);
    expect(decodeCardText(text)).toEqual({ ok: true, card });
  });

  test('fields are UCS-2LE at their offsets, padded with spaces', () => {
    const text = encodeCardText(UYGHUR_CARD);
    expect(text.toString('utf16le', 0, 30)).toBe(UYGHUR_CARD.name);
    expect(text.toString('utf16le', 30, 32)).toBe('2');
    expect(text.toString('utf16le', 32, 36)).toBe('05');
    expect(text.toString('utf16le', 36, 52)).toBe('19621102');
    expect(text.toString('utf16le', 52, 122)).toBe(UYGHUR_CARD.address);
    expect(text.toString('utf16le', 122, 158)).toBe('65010219621102128X');
    expect(text.toString('utf16le', 204, 220)).toBe('长期      ');
    expect(text.toString('utf16le', 220, 256)).toBe(' '.repeat(18));
  });

  test('a field longer than the card holds is refused when encoding', () => {
    expect(() => encodeCardText({ ...HAN_CARD, address: '北'.repeat(36) })).toThrow(/address/);
  });

  test.each([
    ['gender', 30, '3'], ['nation', 32, '60'], ['birthDate', 36, '19851332'], ['idNumber', 122, '11010519850312201Y'],
    ['validity', 188, '2037/5/1'],
  ])('garbled %s is refused, not turned into a card', (problem, offset, value) => {
    const text = encodeCardText(HAN_CARD);
    Buffer.from(value, 'utf16le').copy(text, offset);
    expect(decodeCardText(text)).toEqual({ ok: false, problem });
  });

  test('a read reply of the wrong length is refused', () => {
    const data = encodeReadData(HAN_CARD, simulatedPhoto(HAN_CARD));
    expect(decodeReadData(data.subarray(0, data.length - 1))).toEqual({ ok: false, problem: 'length' });
  });
});

describe('nations and validity', () => {
  test('GB/T 3304: 56 groups from 01 汉 to 56 基诺, then 97 and 98', () => {
    expect(Object.keys(NATIONS)).toHaveLength(58);
    expect([nationName('01'), nationName('56'), nationName('97'), nationName('98'), nationName('57'), nationName('constructor')])
      .toEqual(['汉', '基诺', '其他', '外国血统中国籍人士', null, null]);
  });

  test('a card is expired only after its last valid day; 长期 never', () => {
    expect(cardExpired(EXPIRED_CARD, '2018-09-01')).toBe(false);
    expect(cardExpired(EXPIRED_CARD, '2018-09-02')).toBe(true);
    expect(cardExpired(UYGHUR_CARD, '2999-01-01')).toBe(false);
  });
});
