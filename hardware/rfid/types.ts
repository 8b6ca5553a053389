// What the RFID layer hands to the station, and the protocols it speaks. The station turns
// `tagRead` into its `tag.read` command and `deviceStatus` into `device.status`.
// The list lives with the other vocabularies, so that the set-up page can offer it.
export { READER_PROTOCOLS as PROTOCOLS, type ReaderProtocol as Protocol } from '../../common/vocab.js';

export interface TagReading {
  reader: string;
  /** Upper-case hex: EM4100 the 5 data bytes, UHF the EPC. */
  tag: string;
  /** Antenna port counted from 0, or null when the reader does not say. */
  antenna: number | null;
  /** R2000: dBm. CHAFON UHFReader288: the reader's own scale (higher is stronger). Else null. */
  rssi: number | null;
  /** UTC ms at which the bytes carrying the read arrived. */
  at: number;
}

export interface ReaderSink {
  tagRead(r: TagReading): void;
  /** Called only when a reader's state changes; `reason` is English, for logs. */
  deviceStatus(reader: string, online: boolean, at: number, reason: string): void;
}
