// What the RFID layer hands to the station, and the protocols it speaks. The station turns
// `tagRead` into its `tag.read` command and `deviceStatus` into `device.status`.
export const PROTOCOLS = ['em4100', 'r2000', 'chafon'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

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
