// Which subjects a change can alter, by what the rules look at, and every subject of each kind.
// A rule names the ones it depends on (rules/*.ts); the differential test against the full
// evaluator (tests/rules/differential.test.ts) is what holds these lists complete.
import { sessionsOf } from '../core/state/areaIndex.js';
import type { AreaState, Person, Room } from '../core/state/model.js';
import type { Changes } from '../core/state/changes.js';
import type { Dependencies, SubjectSource } from './types.js';

// Most events touch nothing of a kind: the length checks spare the loops their iterators.

/**
 * Rooms whose active sessions changed, and the room of each camera whose status changed (not its
 * officers: whether a room is recorded does not depend on who guards it), of the rooms the area
 * has for which `keep` holds.
 */
export function sessionsOrCamerasTouched(keep: (room: Room) => boolean): Dependencies {
  const kept = (state: AreaState, id: string): boolean => {
    const room = state.rooms.get(id);
    return room !== undefined && keep(room);
  };
  return {
    kinds: ['attendance', 'devices'],
    touched: (changes, state, mark) => {
      if (changes.attendance.length > 0) for (const room of changes.attendance) if (kept(state, room)) mark(room);
      if (changes.devices.length > 0) {
        for (const id of changes.devices) {
          const cam = state.cameras.get(id);
          if (cam && kept(state, cam.room)) mark(cam.room);
        }
      }
    },
  };
}

/** Sessions that changed, and the active session of persons whose facts changed. */
export const sessionsChanged: Dependencies = {
  kinds: ['sessions', 'persons'],
  touched: (changes, state, mark) => {
    if (changes.sessions.length > 0) for (const id of changes.sessions) mark(id);
    if (changes.persons.length > 0) {
      for (const id of changes.persons) {
        const s = state.persons.get(id)?.activeSession;
        if (s) mark(s);
      }
    }
  },
};

/** Whether the officer `o`, who moved, came to or left `room`, or came to be known to be somewhere or stopped being known. */
function cameLeftOrLocated(changes: Changes, o: string, room: string): boolean {
  for (const g of changes.guards) if (g.place.room === room) return true;
  return changes.located.includes(o);
}

/**
 * The sessions of sessionsChanged, and the active sessions of officers who moved where that can
 * change whether they count as with the session: an officer counts where the session is, or when
 * not known, so a move between two other rooms changes nothing.
 */
export const sessionsTouched: Dependencies = {
  kinds: [...sessionsChanged.kinds, 'officers', 'guards', 'located'],
  touched: (changes, state, mark) => {
    sessionsChanged.touched(changes, state, mark);
    if (changes.officers.length > 0) {
      for (const o of changes.officers) for (const s of sessionsOf(state, o)) if (cameLeftOrLocated(changes, o, s.room)) mark(s.id);
    }
  },
};

/**
 * Persons whose facts changed, and those who moved for whom `moveMatters` holds. A rule whose
 * condition can hold for a person only while some facts hold (a suspect, not yet searched) need
 * not look at anyone else who moves: their condition was false before the move and still is.
 */
export function personsWhoMatter(moveMatters: (p: Person) => boolean): Dependencies {
  return {
    kinds: [...factsTouched.kinds, 'moved'],
    touched: (changes, state, mark) => {
      factsTouched.touched(changes, state, mark);
      if (changes.moved.length > 0) {
        for (const p of changes.moved) if (moveMatters(p)) mark(p.id);
      }
    },
  };
}

/** Persons whose facts changed: what the time-driven rules look at. */
export const factsTouched: Dependencies = {
  kinds: ['persons'],
  touched: (changes, _state, mark) => {
    if (changes.persons.length > 0) for (const id of changes.persons) mark(id);
  },
};

export const devicesTouched: Dependencies = {
  kinds: ['devices'],
  touched: (changes, _state, mark) => {
    if (changes.devices.length > 0) for (const id of changes.devices) mark(id);
  },
};

export const tagsTouched: Dependencies = {
  kinds: ['tags'],
  touched: (changes, _state, mark) => {
    if (changes.tags.length > 0) for (const tag of changes.tags) mark(tag);
  },
};

export const everyRoom: SubjectSource = (state, mark) => {
  for (const id of state.rooms.keys()) mark(id);
};

export const everyActiveSession: SubjectSource = (state, mark) => {
  for (const id of state.index.activeSessions.keys()) mark(id);
};

export const everyPersonInCustody: SubjectSource = (state, mark) => {
  for (const p of state.persons.values()) if (p.exited === null) mark(p.id);
};

export const everyDevice: SubjectSource = (state, mark) => {
  for (const id of state.deviceStatus.keys()) mark(id);
  for (const id of state.cameraStatus.keys()) mark(id);
};

export const everyUnknownTag: SubjectSource = (state, mark) => {
  for (const tag of state.unknownTags.keys()) mark(tag);
};
