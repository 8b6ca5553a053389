// A person's recordings (录像): each session and each stay in a room that must be recorded, with
// playback from there for the roles allowed it.
import { R } from '../../../../common/recordingText.js';
import { formatDateTime, formatSpan } from '../../../../common/zonedTime.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useMediaAccess } from '../../station/useMediaAccess.js';
import { useQuery } from '../../station/useQuery.js';

export function PersonRecordings({ id }: { readonly id: string }) {
  const { timeZone } = useStation();
  const access = useMediaAccess();
  const { data } = useQuery('personRecordings', { id });
  if (!data || data.length === 0) return null;
  return (
    <section className="panel person-recordings">
      <h2>{R.timeline.recordings}</h2>
      <ul className="plain">
        {data.map((s) => (
          <li key={`${s.session ?? 'stay'}-${s.room}-${s.from}`} data-recording-span={s.session ?? 'stay'}>
            <span>{formatDateTime(s.from, timeZone)} · {s.roomName} · {formatSpan(s.to - s.from)}</span>{' '}
            {s.session
              ? <a href={routeHref({ name: 'session', id: s.session })}>{access.playback ? R.timeline.playSession : R.session.open}</a>
              : access.playback && <a href={routeHref({ name: 'playback', room: s.room, from: s.from, to: s.to, person: id })}>{R.timeline.playStay}</a>}
          </li>
        ))}
      </ul>
    </section>
  );
}
