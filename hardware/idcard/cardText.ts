// The card's 256 bytes of text: UCS-2LE fields of fixed width, padded with spaces. Decoding
// checks every field's form, so a reply that passed its check byte but is still garbled (the
// XOR check misses two errors that cancel) is refused rather than turned into a wrong card.
import { isCalendarDate } from '../../common/dates.js';
import { NO_END, type IdCard } from '../../common/idCard.js';
import { nationName } from '../../common/nations.js';

export const TEXT_BYTES = 256;
export const PHOTO_BYTES = 1024;

/** Field widths in bytes, in card order; `reserved` ends the text. */
export const TEXT_LAYOUT = [
  ['name', 30], ['gender', 2], ['nation', 4], ['birthDate', 16], ['address', 70],
  ['idNumber', 36], ['authority', 30], ['validFrom', 16], ['validUntil', 16], ['reserved', 36],
] as const;

type RawField = (typeof TEXT_LAYOUT)[number][0];
type RawText = Record<RawField, string>;

function fields(text: Buffer): RawText {
  const out = {} as RawText;
  let at = 0;
  for (const [name, width] of TEXT_LAYOUT) {
    // Spaces pad a field; some readers' SAM firmware pads the reserved part with NULs.
    out[name] = text.toString('utf16le', at, at + width).replace(/[ \0]+$/u, '');
    at += width;
  }
  return out;
}

const compactDate = (d: string): string | null => {
  if (!/^\d{8}$/.test(d)) return null;
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return isCalendarDate(iso) ? iso : null;
};

export type TextProblem = 'length' | 'name' | 'gender' | 'nation' | 'birthDate' | 'address' | 'idNumber' | 'authority' | 'validity';

/** The card the text says, or the first field that is not in the card's form. */
export function decodeCardText(text: Buffer): { ok: true; card: IdCard } | { ok: false; problem: TextProblem } {
  if (text.length !== TEXT_BYTES) return { ok: false, problem: 'length' };
  const f = fields(text);
  // A control character or a lone surrogate is no part of a printed card.
  const printable = (s: string): boolean => s.length > 0 && !/[\u0000-\u001f\ud800-\udfff]/u.test(s);
  if (!printable(f.name)) return { ok: false, problem: 'name' };
  const gender = f.gender === '1' ? 'male' : f.gender === '2' ? 'female' : null;
  if (!gender) return { ok: false, problem: 'gender' };
  const nation = nationName(f.nation);
  if (nation === null) return { ok: false, problem: 'nation' };
  const birthDate = compactDate(f.birthDate);
  if (!birthDate) return { ok: false, problem: 'birthDate' };
  if (!printable(f.address)) return { ok: false, problem: 'address' };
  if (!/^\d{17}[\dX]$/.test(f.idNumber)) return { ok: false, problem: 'idNumber' };
  if (!printable(f.authority)) return { ok: false, problem: 'authority' };
  const validFrom = compactDate(f.validFrom);
  const validUntil = f.validUntil === NO_END ? NO_END : compactDate(f.validUntil);
  if (!validFrom || !validUntil || (validUntil !== NO_END && validUntil < validFrom)) return { ok: false, problem: 'validity' };
  return {
    ok: true,
    card: { name: f.name, gender, nation: f.nation, nationName: nation, birthDate, address: f.address, idNumber: f.idNumber, authority: f.authority, validFrom, validUntil },
  };
}

/** The 256 bytes of a card's text (for the simulator and tests); throws if a field is too long. */
export function encodeCardText(card: IdCard): Buffer {
  const raw: RawText = {
    name: card.name, gender: card.gender === 'male' ? '1' : '2', nation: card.nation,
    birthDate: card.birthDate.replaceAll('-', ''), address: card.address, idNumber: card.idNumber, authority: card.authority,
    validFrom: card.validFrom.replaceAll('-', ''), validUntil: card.validUntil === NO_END ? NO_END : card.validUntil.replaceAll('-', ''), reserved: '',
  };
  const out = Buffer.alloc(TEXT_BYTES);
  let at = 0;
  for (const [name, width] of TEXT_LAYOUT) {
    const bytes = Buffer.from(raw[name], 'utf16le');
    if (bytes.length > width) throw new Error(`card field ${name} is longer than ${width / 2} characters: ${raw[name]}`);
    out.fill(Buffer.from(' ', 'utf16le'), at, at + width);
    bytes.copy(out, at);
    at += width;
  }
  return out;
}

/** The data of a read reply: text length, photo length (2 bytes each, big-endian), text, WLT photo. */
export function decodeReadData(data: Buffer): { ok: true; card: IdCard; photo: Buffer } | { ok: false; problem: TextProblem } {
  if (data.length < 4) return { ok: false, problem: 'length' };
  const textLength = data.readUInt16BE(0);
  const photoLength = data.readUInt16BE(2);
  if (textLength !== TEXT_BYTES || photoLength > PHOTO_BYTES || data.length !== 4 + textLength + photoLength) return { ok: false, problem: 'length' };
  const decoded = decodeCardText(data.subarray(4, 4 + textLength));
  if (!decoded.ok) return decoded;
  return { ok: true, card: decoded.card, photo: Buffer.from(data.subarray(4 + textLength)) };
}

export function encodeReadData(card: IdCard, photo: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(TEXT_BYTES, 0);
  head.writeUInt16BE(photo.length, 2);
  return Buffer.concat([head, encodeCardText(card), photo]);
}
