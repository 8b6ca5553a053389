// A byte link to a reader (a serial port or a TCP connection), as the rest of the layer sees it.
export interface LinkEvents {
  data(chunk: Buffer): void;
  /** The link went away by itself (unplug, peer closed, I/O error). Called at most once. */
  closed(reason: string): void;
}

export interface Link {
  /** Resolves once the bytes are handed to the OS; rejects if the link failed. */
  write(bytes: Uint8Array): Promise<void>;
  /** Closes the link; `closed` is not called for a close asked for here. */
  close(): Promise<void>;
}

/** Opens a link; rejects if it cannot be opened now (no such device, connection refused). */
export type Connector = (events: LinkEvents) => Promise<Link>;

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
