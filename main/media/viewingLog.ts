// 观看记录: each live view and playback is written when it opens (so that a viewing the station
// did not live to close is still on the log) and closed with its end — and, for playback, the
// last recorded instant sent. A log that cannot be written (a full disk) never stops the picture;
// it is said in the station's log instead.
import type { RecordingStore, ViewingStart } from '../core/store/recordings.js';

export interface Viewing {
  /** The recorded instant sent last (playback), kept as the viewing goes on. */
  reached(at: number): void;
  end(): void;
}

export class ViewingLog {
  constructor(private readonly store: RecordingStore, private readonly now: () => number, private readonly log: (line: string) => void) {}

  open(v: Omit<ViewingStart, 'at'>): Viewing {
    let id: number | null = null;
    try {
      id = this.store.startViewing({ ...v, at: this.now() });
    } catch (err) {
      this.log(`viewing log: could not write the ${v.kind} of ${v.camera} by ${v.account}: ${(err as Error).message}`);
    }
    let last: number | null = v.mediaFrom;
    let ended = false;
    return {
      reached: (at) => { last = last === null ? at : Math.max(last, at); },
      end: () => {
        if (ended || id === null) return;
        ended = true;
        try {
          this.store.endViewing(id, this.now(), v.kind === 'playback' ? last : null);
        } catch (err) {
          this.log(`viewing log: could not close entry ${id}: ${(err as Error).message}`);
        }
      },
    };
  }
}
