// A room of the area as presence sees it: the persons there, counted as the room rules count them
// (occupants.ts), the officers present, the sessions running in it and the cameras watching it.
// A state has one place per room id for its whole life, and someone's whereabouts is the place
// itself: a move reaches both rooms' figures, and a rule a person's room, without looking
// anything up by id.
import type { Camera, Room, Session } from './model.js';
import { RoomOccupants } from './occupants.js';

export const NO_CAMERAS: readonly Camera[] = Object.freeze([]);

export class Place extends RoomOccupants {
  /** The room as the area describes it now; undefined: a room the area does not (or no longer) have. */
  spec: Room | undefined;
  /** Officers present (the set may be empty: officers come and go all day). */
  readonly officers = new Set<string>();
  /** Sessions started in the room and not ended. */
  readonly sessions = new Set<Session>();
  cameras: readonly Camera[] = NO_CAMERAS;
  /**
   * The rule engine's note of the room conditions over these figures (main/rules/engine.ts), a bit
   * per such rule: which can hold in this room at all (-1: not worked out since the area last
   * changed), and which held when the engine last looked. Not part of the area's state.
   */
  countsKept = -1;
  countsHeld = 0;

  constructor(readonly room: string, spec: Room | undefined) {
    super();
    this.spec = spec;
  }

  /** Saved as the room's id alone (a snapshot, a test's dump): the rest follows from the state. */
  toJSON(): { room: string } {
    return { room: this.room };
  }
}
