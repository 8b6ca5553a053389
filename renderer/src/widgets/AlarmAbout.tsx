// Whom and where an alarm concerns, each a link: the persons (to their page), the room (to the
// room's page) and the officers by name. Alarms from before the station said whom they concern
// fall back to their subject in words.
import { parseSubject } from '../../../common/alarms.js';
import { T } from '../../../common/deskText.js';
import type { AlarmView } from '../../../common/views.js';
import { describeSubject } from '../format/subject.js';
import { routeHref } from '../router/route.js';
import type { Names } from '../station/names.js';

export function AlarmAbout({ alarm, names }: { readonly alarm: AlarmView; readonly names: Names }) {
  const subject = parseSubject(alarm.subject);
  const room = alarm.room ?? (subject?.kind === 'room' ? subject.id : null);
  const persons = alarm.people?.persons ?? (subject?.kind === 'person' ? [{ id: subject.id, name: names.person(subject.id) }] : []);
  const officers = alarm.people?.officers ?? [];
  const other = subject && subject.kind !== 'person' && subject.kind !== 'room' && persons.length === 0 ? describeSubject(alarm.subject, names) : '';
  return (
    <span className="alarm-about">
      {room && <a className="alarm-room" href={routeHref({ name: 'room', id: room })}>{names.room(room)}</a>}
      {persons.map((p) => <a key={p.id} className="alarm-person" href={routeHref({ name: 'person', id: p.id })}>{p.name}</a>)}
      {other && <span>{other}</span>}
      {officers.length > 0 && <span className="alarm-officers">{T.field.officers}：{officers.map((o) => o.name).join('、')}</span>}
    </span>
  );
}
