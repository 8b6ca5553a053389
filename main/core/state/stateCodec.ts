// The area state as plain JSON data and back, for snapshots (store/snapshot.ts). The index and
// the change marks are not saved: the index follows from the rest (indexState), and a snapshot is
// taken only when the rule engine has seen every change.
//
// STATE_FORMAT names this shape. Change it whenever the state or anything in it gains, loses or
// changes the meaning of a field, or the reducer changes what an event does to the state: a
// snapshot of another format is not used (the station rebuilds from the record instead), which is
// always safe. tests/core/snapshot.test.ts pins the fields of format 1.
import { indexState, placeOf } from './areaIndex.js';
import { emptyState, type AreaState, type Session } from './model.js';

export const STATE_FORMAT = 1;

type Saved = Exclude<keyof AreaState, 'index' | 'changes'>;
type SavedSession = Omit<Session, 'officers'> & { officers: string[] };
/** A map as its entries; anything else as it is. */
type Entries<T> = T extends Map<string, infer V> ? [string, V][] : T;

/** Every field of the state but the index and the change marks. */
export type EncodedState = Omit<{ [K in Saved]: Entries<AreaState[K]> }, 'sessions' | 'presence' | 'lastAt'> & {
  sessions: [string, SavedSession][];
  /** A room by its id (a place is saved as its room's id alone, place.ts). */
  presence: [string, { room: string } | 'outside'][];
  /** JSON has no -Infinity: null is "no event yet". */
  lastAt: number | null;
};

export function encodeState(s: AreaState): EncodedState {
  return {
    configured: s.configured, area: s.area, settings: s.settings,
    rooms: [...s.rooms], readers: [...s.readers], cameras: [...s.cameras], officers: [...s.officers], persons: [...s.persons],
    sessions: [...s.sessions].map(([id, x]): [string, SavedSession] => [id, { ...x, officers: [...x.officers] }]),
    tags: [...s.tags], unknownTags: [...s.unknownTags], presence: [...s.presence].map(([who, w]) => [who, w === 'outside' ? w : { room: w.room }]),
    cameraStatus: [...s.cameraStatus], deviceStatus: [...s.deviceStatus], storage: s.storage, lastSegmentAt: [...s.lastSegmentAt],
    alarms: [...s.alarms], activeAlarms: [...s.activeAlarms], nextAlarmNo: s.nextAlarmNo,
    lastAt: Number.isFinite(s.lastAt) ? s.lastAt : null,
    clockJumps: s.clockJumps,
  };
}

/**
 * The state an encoded one describes. The data was written by encodeState of this format and its
 * digest checked before it gets here, so its shape is taken as given.
 */
export function decodeState(e: EncodedState): AreaState {
  const s = emptyState();
  s.configured = e.configured;
  s.area = e.area;
  s.settings = e.settings;
  s.rooms = new Map(e.rooms);
  s.readers = new Map(e.readers);
  s.cameras = new Map(e.cameras);
  s.officers = new Map(e.officers);
  s.persons = new Map(e.persons);
  s.sessions = new Map(e.sessions.map(([id, x]) => [id, { ...x, officers: new Set(x.officers) }]));
  s.tags = new Map(e.tags);
  s.unknownTags = new Map(e.unknownTags);
  s.presence = new Map(e.presence.map(([who, w]) => [who, w === 'outside' ? w : placeOf(s, w.room)]));
  s.cameraStatus = new Map(e.cameraStatus);
  s.deviceStatus = new Map(e.deviceStatus);
  s.storage = e.storage;
  s.lastSegmentAt = new Map(e.lastSegmentAt);
  s.alarms = new Map(e.alarms);
  s.activeAlarms = new Map(e.activeAlarms);
  s.nextAlarmNo = e.nextAlarmNo;
  s.lastAt = e.lastAt ?? Number.NEGATIVE_INFINITY;
  s.clockJumps = e.clockJumps;
  indexState(s);
  return s;
}
