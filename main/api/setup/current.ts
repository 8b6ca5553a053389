// The set-up as it stands, for the page: the area model from the record and each device's
// connection from the settings file — with every camera password left out (`passSet` says one
// is kept).
import { emptyDraft, type AreaDraft, type AreaSetupView, type CameraConnection } from '../../../common/areaSetup.js';
import type { AreaState } from '../../core/state/model.js';
import { presentByRoom } from './effects.js';
import type { DeviceConnections, StoredCamera } from './plan.js';

/** A kept camera connection as the page may see it. */
export function shownCamera(c: StoredCamera): CameraConnection {
  return { rtsp: c.rtsp, onvif: c.onvif, user: c.user, profile: c.profile, passSet: c.pass !== null && c.pass !== '' };
}

export function currentDraft(state: AreaState, devices: DeviceConnections): AreaDraft {
  if (!state.configured || !state.area) return { ...emptyDraft(), deskReader: devices.deskReader, idCardReader: devices.idCardReader };
  const camera = (id: string): CameraConnection | null => {
    const c = devices.cameras[id];
    return c ? shownCamera(c) : null;
  };
  return {
    area: { ...state.area },
    rooms: [...state.rooms.values()].map((r) => ({ ...r })),
    readers: [...state.readers.values()].map((r) => ({ id: r.id, room: r.room, role: r.role, connection: devices.readers[r.id] ?? null })),
    cameras: [...state.cameras.values()].map((c) => ({ id: c.id, room: c.room, connection: camera(c.id) })),
    officers: [...state.officers.values()].map((o) => ({ id: o.id, name: o.name, gender: o.gender, tag: o.tag })),
    settings: { ...state.settings },
    deskReader: devices.deskReader,
    idCardReader: devices.idCardReader,
  };
}

export function setupView(state: AreaState, devices: DeviceConnections, o: { readonly example: boolean; readonly settingsFile: string }): AreaSetupView {
  const inSession = [...new Set([...state.sessions.values()].filter((s) => s.endedAt === null).map((s) => s.room))];
  return {
    configured: state.configured, example: o.example, draft: currentDraft(state, devices),
    registeredOfficers: [...state.officers.keys()], present: Object.fromEntries(presentByRoom(state)), inSession, settingsFile: o.settingsFile,
  };
}
