// Hex text for tag ids, ASCII-hex frames and test vectors.

/** Upper-case hex of bytes [start, end): the form tag ids take everywhere in the station. */
export function hexOf(buf: Buffer, start: number, end: number): string {
  return buf.toString('hex', start, end).toUpperCase();
}

type Render = (buf: Buffer, start: number, end: number) => string;

// Readers repeat the same few wristbands many times a second, so decoders look tag ids up in a
// small direct-mapped cache (hash of the bytes → the bytes and their text) instead of building
// the same string again; a hit is checked byte for byte, so a collision only costs a miss.
export function cachedText(render: Render, slots = 256): Render {
  const bytes: Array<Buffer | null> = new Array<Buffer | null>(slots).fill(null);
  const texts: string[] = new Array<string>(slots).fill('');
  return (buf, start, end) => {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ (buf[i] ?? 0), 0x01000193);
    const slot = (hash ^ (hash >>> 16)) & (slots - 1);
    const kept = bytes[slot];
    if (kept && kept.length === end - start) {
      let same = true;
      for (let i = 0; i < kept.length && same; i++) same = kept[i] === buf[start + i];
      if (same) return texts[slot] ?? '';
    }
    const text = render(buf, start, end);
    bytes[slot] = Buffer.from(buf.subarray(start, end));
    texts[slot] = text;
    return text;
  };
}

/** hexOf, cached: the EPC of a UHF tag. */
export const tagIdOf: Render = cachedText(hexOf);

/** Value of each byte as an ASCII hex digit (either case), or -1: a table, as decoders look up every digit. */
export const HEX_DIGIT_VALUE: Int8Array = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (/^[0-9a-fA-F]$/.test(ch)) t[c] = parseInt(ch, 16);
  }
  return t;
})();

/** An EPC is 1–31 16-bit words (the PC word's length field has 5 bits). */
export const MAX_EPC_BYTES = 62;

/** The bytes of an EPC given in hex, for encoders; throws if it is not whole words. */
export function epcBytesOf(epc: string): Buffer {
  const bytes = /^[0-9A-Fa-f]*$/.test(epc) ? Buffer.from(epc, 'hex') : Buffer.alloc(0);
  if (bytes.length === 0 || bytes.length % 2 !== 0 || bytes.length > MAX_EPC_BYTES) throw new Error(`EPC must be 1–31 words of hex: ${epc}`);
  return bytes;
}

/** Bytes of a hex string that may contain spaces ("A0 04 01"); null if it is not hex. */
export function bytesOfHex(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(compact)) return null;
  return Buffer.from(compact, 'hex');
}
