// The checks the three reader families put on their frames.

/** CRC-16/MCRF4XX (CHAFON): poly 0x1021 reflected (0x8408), init 0xFFFF, no final xor. */
const CRC_TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x8408 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

export function crc16Mcrf4xx(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) crc = (crc >>> 8) ^ (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  return crc;
}

/** R2000: the two's complement of the byte sum, so that all bytes including it sum to 0. */
export function r2000Checksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += bytes[i] ?? 0;
  return -sum & 0xff;
}

/** EM4100 ASCII readers: XOR of the data bytes. */
export function xor8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i] ?? 0;
  return x;
}
