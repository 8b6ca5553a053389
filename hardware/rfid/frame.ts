// What a decoder makes of one valid frame, and the contract every decoder keeps.
export type DecodedFrame =
  | { kind: 'tag'; tag: string; antenna: number | null; rssi: number | null }
  /** A reader-originated frame that is not a read; `roundEnd` says an inventory round is over. */
  | { kind: 'reply'; roundEnd: boolean }
  /** A host's command (seen by the simulator, or by the listen tool fed a capture). */
  | { kind: 'command'; cmd: number };

/** Receives decoded frames; must not throw (the decoder would lose the rest of the chunk). */
export type FrameSink<F = DecodedFrame> = (frame: F) => void;

export interface DecoderStats {
  /** Frames that passed their checksum and layout checks. */
  frames: number;
  /** Complete candidate frames that failed their checksum or layout check. */
  badFrames: number;
  /** Bytes fed in, and how many of them lay outside any valid frame (garbage, a wrong baud rate). */
  bytes: number;
  droppedBytes: number;
}

/** `F`: what a frame decodes to (a wristband reader's DecodedFrame unless another protocol says). */
export interface FrameDecoder<F = DecodedFrame> {
  /** Feeds bytes as they arrive; frames may be split across calls. Never throws. */
  push(chunk: Uint8Array, out: FrameSink<F>): void;
  /** Forgets a partial frame (after a reconnect its tail will never come). Keeps the counters. */
  reset(): void;
  readonly stats: Readonly<DecoderStats>;
}

/** Shared replies: they carry nothing per frame, so decoders need not allocate them. */
export const ROUND_END: DecodedFrame = Object.freeze({ kind: 'reply', roundEnd: true });
export const ALIVE: DecodedFrame = Object.freeze({ kind: 'reply', roundEnd: false });
