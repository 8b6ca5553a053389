import { expect, test } from 'vitest';
import { bytesOfHex, cachedText, hexOf, HEX_DIGIT_VALUE, tagIdOf } from '../../hardware/rfid/hex.js';

test('tag ids are upper-case hex of the bytes', () => {
  const buf = Buffer.from([0x00, 0xe2, 0x00, 0x30, 0xab, 0xff]);
  expect(hexOf(buf, 1, 5)).toBe('E20030AB');
  expect(tagIdOf(buf, 1, 5)).toBe('E20030AB');
  expect(tagIdOf(buf, 2, 6)).toBe('0030ABFF');
});

test('the id cache never answers with another tag\'s text, even when every tag shares one slot', () => {
  let renders = 0;
  const oneSlot = cachedText((buf, start, end) => {
    renders++;
    return hexOf(buf, start, end);
  }, 1);
  const a = Buffer.from('3008AAAA', 'hex');
  const b = Buffer.from('3008BBBB', 'hex');
  const shorter = Buffer.from('3008', 'hex');
  expect([oneSlot(a, 0, 4), oneSlot(a, 0, 4), oneSlot(b, 0, 4), oneSlot(shorter, 0, 2), oneSlot(a, 0, 4)]).toEqual(['3008AAAA', '3008AAAA', '3008BBBB', '3008', '3008AAAA']);
  expect(renders).toBe(4);
});

test('a cached id is not tied to the buffer it came from', () => {
  const buf = Buffer.from('3008CCCC', 'hex');
  expect(tagIdOf(buf, 0, 4)).toBe('3008CCCC');
  buf.fill(0x11);
  expect(tagIdOf(Buffer.from('3008CCCC', 'hex'), 0, 4)).toBe('3008CCCC');
  expect(tagIdOf(buf, 0, 4)).toBe('11111111');
});

test('hex digits and hex text', () => {
  expect([..."09afAF"].map((c) => HEX_DIGIT_VALUE[c.charCodeAt(0)])).toEqual([0, 9, 10, 15, 10, 15]);
  expect(HEX_DIGIT_VALUE['g'.charCodeAt(0)]).toBe(-1);
  expect(bytesOfHex('A0 04 01')).toEqual(Buffer.from([0xa0, 0x04, 0x01]));
  expect(bytesOfHex('A0 4')).toBeNull();
});
