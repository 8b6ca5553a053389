// The page's own checks of a draft, all at once, each at its field: what is missing or repeated,
// before anything is sent. What the record allows (an occupied room, a wristband in use) is the
// core's to say, in its dry run.
import { idCardConnectionSchema, streamKey, type AreaDraft, type CameraConnection, type DraftProblem } from '../../../../common/areaSetup.js';
import { SETTING_NAMES } from '../../../../common/settings.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';

const P = SETUP_TEXT.problems;

/** A camera's stream as tested or saved: the camera with what the recorder is given (a typed password makes it new). */
export function cameraStream(id: string, c: Pick<CameraConnection, 'rtsp' | 'user' | 'pass'>): string {
  return `${id.trim()}\n${streamKey(c)}`;
}

export type DraftPart = 'area' | 'rooms' | 'readers' | 'cameras' | 'officers' | 'settings';

function duplicates(list: readonly { id: string }[], path: string, seen: Set<string>, out: DraftProblem[]): void {
  list.forEach((x, i) => {
    const id = x.id.trim();
    if (!id) out.push({ field: `${path}.${i}.id`, message: P.required });
    else if (seen.has(id)) out.push({ field: `${path}.${i}.id`, message: P.duplicateId(id) });
    seen.add(id);
  });
}

/** Every problem of the parts asked for (the wizard checks a step at a time). `tested`: streams that passed 试录像. */
export function checkDraft(draft: AreaDraft, parts: readonly DraftPart[], tested: ReadonlySet<string>, savedStreams: ReadonlySet<string>): DraftProblem[] {
  const out: DraftProblem[] = [];
  const want = new Set(parts);
  const blank = (v: string): boolean => v.trim() === '';
  if (want.has('area')) {
    if (blank(draft.area.id)) out.push({ field: 'area.id', message: P.required });
    if (blank(draft.area.name)) out.push({ field: 'area.name', message: P.required });
  }
  if (want.has('rooms')) {
    if (draft.rooms.length === 0) out.push({ field: 'rooms', message: P.needRooms });
    duplicates(draft.rooms, 'rooms', new Set(), out);
    draft.rooms.forEach((r, i) => {
      if (blank(r.name)) out.push({ field: `rooms.${i}.name`, message: P.required });
      if (r.capacity !== null && !(Number.isInteger(r.capacity) && r.capacity > 0)) out.push({ field: `rooms.${i}.capacity`, message: P.positive });
    });
  }
  const roomIds = new Set(draft.rooms.map((r) => r.id));
  const devices = new Set<string>();
  if (want.has('readers')) {
    duplicates(draft.readers, 'readers', devices, out);
    draft.readers.forEach((r, i) => {
      if (r.role === 'room' && (r.room === null || !roomIds.has(r.room))) out.push({ field: `readers.${i}.room`, message: P.needRoom });
      if (r.connection && blank(r.connection.transport)) out.push({ field: `readers.${i}.connection.transport`, message: P.required });
    });
    // The driver's own limits, said at each field (common/areaSetup.ts).
    const card = draft.idCardReader ? idCardConnectionSchema.safeParse(draft.idCardReader) : null;
    for (const issue of card?.success === false ? card.error.issues : []) out.push({ field: ['idCardReader', ...issue.path].join('.'), message: issue.message });
  } else draft.readers.forEach((r) => devices.add(r.id.trim()));
  if (want.has('cameras')) {
    duplicates(draft.cameras, 'cameras', devices, out);
    draft.cameras.forEach((c, i) => {
      if (!roomIds.has(c.room)) out.push({ field: `cameras.${i}.room`, message: P.needRoom });
      const conn = c.connection;
      if (!conn) return;
      if (!/^rtsps?:\/\/[^/\s]+/.test(conn.rtsp.trim())) out.push({ field: `cameras.${i}.connection.rtsp`, message: P.required });
      else if (!savedStreams.has(cameraStream(c.id, conn)) && !tested.has(cameraStream(c.id, conn))) out.push({ field: `cameras.${i}.connection.test`, message: P.untested(c.id) });
    });
  }
  if (want.has('officers')) {
    duplicates(draft.officers, 'officers', new Set(), out);
    const tags = new Set<string>();
    draft.officers.forEach((o, i) => {
      if (blank(o.name)) out.push({ field: `officers.${i}.name`, message: P.required });
      if (o.tag) {
        if (tags.has(o.tag)) out.push({ field: `officers.${i}.tag`, message: P.duplicateTag(o.tag) });
        tags.add(o.tag);
      }
    });
  }
  if (want.has('settings')) {
    for (const k of SETTING_NAMES) if (!(draft.settings[k] > 0)) out.push({ field: `settings.${k}`, message: P.positive });
  }
  return out;
}

/** Which part of the page a field belongs to (to open its tab). */
export function partOf(field: string): DraftPart {
  const head = field.split('.')[0] ?? '';
  // The desk's readers are on the readers' part, outside every room.
  if (head === 'deskReader' || head === 'idCardReader') return 'readers';
  return (['area', 'rooms', 'readers', 'cameras', 'officers', 'settings'] as const).find((p) => p === head) ?? 'area';
}
