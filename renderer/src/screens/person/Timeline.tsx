// Everything the record holds about the person, in order, read from the `timeline` method.
import { T } from '../../../../common/deskText.js';
import { formatDateTimeSeconds } from '../../../../common/zonedTime.js';
import { timelineLine } from '../../format/timeline.js';
import { useStation } from '../../station/context.js';
import { useQuery } from '../../station/useQuery.js';
import { R } from '../../../../common/recordingText.js';
import type { TimelineEntry } from '../../../../common/views.js';
import { routeHref } from '../../router/route.js';

/** The session a timeline line is about, whose recording it leads to. */
function sessionOf(ev: TimelineEntry): string | null {
  switch (ev.type) {
    case 'session.start':
    case 'session.end':
    case 'evidence.export':
      return ev.payload.sessionId;
    default:
      return null;
  }
}

export function Timeline({ id }: { readonly id: string }) {
  const { names, timeZone } = useStation();
  const { data, error } = useQuery('timeline', { id });
  return (
    <section className="panel timeline-panel">
      <h2>{T.timeline.title}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      {data === undefined ? <p>{T.common.loading}</p> : data.length === 0 ? <p className="muted">{T.timeline.empty}</p> : (
        <ol className="timeline">
          {data.map((ev) => {
            const line = timelineLine(ev, names, timeZone);
            return (
              <li key={ev.seq} className={`tl-${line.kind}`} data-type={ev.type}>
                <time>{formatDateTimeSeconds(ev.at, timeZone)}</time>
                <strong>{line.title}</strong>
                {line.detail && <span className="tl-detail">{line.detail}</span>}
                <span className="tl-actor">{T.timeline.by(line.actor)}</span>
                {sessionOf(ev) && <a className="tl-link" href={routeHref({ name: 'session', id: sessionOf(ev) ?? '' })}>{R.session.open}</a>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
