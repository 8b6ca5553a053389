// The form's activity log (讯问、询问、等候、休息、饮食…): stays in rooms from the movements, the
// questioning sessions, and meals and rests, in time order.
import { T } from '../../../../common/deskText.js';
import { ROOM_KIND_LABELS, SESSION_KIND_LABELS } from '../../../../common/messages.js';
import type { MovementView, PersonDetail } from '../../../../common/views.js';
import type { RoomKind } from '../../../../common/vocab.js';

export interface ActivityRow { readonly start: number; readonly end: number | null; readonly room: string; readonly activity: string; readonly remark: string }

export interface RoomLookup {
  name(id: string): string;
  kind(id: string): RoomKind | null;
  officer(id: string): string;
}

const A = T.form.activities;

function stayActivity(kind: RoomKind | null): string {
  switch (kind) {
    case 'waiting': return A.waiting;
    case 'medical': return A.medical;
    case 'toilet': return A.toilet;
    case null: return A.stay('');
    default: return A.stay(ROOM_KIND_LABELS[kind]);
  }
}

function roomAt(moves: readonly MovementView[], at: number): string | null {
  let room: string | null = null;
  for (const m of moves) if (m.at <= at) room = m.toRoom;
  return room;
}

export function activityRows(p: PersonDetail, rooms: RoomLookup): ActivityRow[] {
  const rows: ActivityRow[] = [];
  const moves = p.movements;
  moves.forEach((m, i) => {
    const end = moves[i + 1]?.at ?? p.exit?.at ?? null;
    if (m.toRoom) {
      rows.push({ start: m.at, end, room: rooms.name(m.toRoom), activity: stayActivity(rooms.kind(m.toRoom)), remark: m.source === 'rfid' ? A.reader : A.manual });
    } else if (m.outside && m.source === 'rfid') {
      rows.push({ start: m.at, end: null, room: '', activity: A.outside, remark: '' });
    }
  });
  for (const s of p.sessions) {
    const remark = [A.officers(s.officers.map((o) => rooms.officer(o)).join('、')), ...s.appropriateAdults.map((a) => A.adult(a))].join('；');
    rows.push({ start: s.startedAt, end: s.endedAt, room: rooms.name(s.room), activity: SESSION_KIND_LABELS[s.kind], remark });
  }
  for (const c of p.care) {
    const room = roomAt(moves, c.at);
    rows.push({ start: c.at, end: null, room: room ? rooms.name(room) : '', activity: c.kind === 'meal' ? A.meal : c.kind === 'rest' ? A.rest : c.kind, remark: c.note ?? '' });
  }
  return rows.sort((a, b) => a.start - b.start);
}
