// EM4100 125 kHz ASCII readers (RDM6300/RDM630, ID-12LA/ID-20LA): STX, 10 hex digits
// (version + card), 2 hex digits of checksum (XOR of the 5 data bytes), optional CR LF, ETX.
// Default line: 9600 8N1. The reader speaks only when a card is in the field.
export const STX = 0x02;
export const ETX = 0x03;
export const CR = 0x0d;
export const LF = 0x0a;
/** 10 digits of data and 2 of checksum. */
export const HEX_DIGITS = 12;
export const EM4100_BAUD = 9600;
