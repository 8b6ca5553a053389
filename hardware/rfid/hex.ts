// Hex text for tag ids, ASCII-hex frames and test vectors.

/** Upper-case hex of bytes [start, end): the form tag ids take everywhere in the station. */
export function hexOf(buf: Buffer, start: number, end: number): string {
  return buf.toString('hex', start, end).toUpperCase();
}

/** Value of each byte as an ASCII hex digit (either case), or -1: a table, as decoders look up every digit. */
export const HEX_DIGIT_VALUE: Int8Array = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (/^[0-9a-fA-F]$/.test(ch)) t[c] = parseInt(ch, 16);
  }
  return t;
})();

/** Bytes of a hex string that may contain spaces ("A0 04 01"); null if it is not hex. */
export function bytesOfHex(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(compact)) return null;
  return Buffer.from(compact, 'hex');
}
