// 讯（询）问录像: one session — who, where, by whom, when — with its room's recording over it
// (playback for the roles allowed it, the time scale's gaps for everyone) and its evidence exports
// (made from here by an operator, a supervisor or an administrator).
import { R, sessionKindText } from '../../../../common/recordingText.js';
import type { SessionRecording } from '../../../../common/recordings.js';
import { formatDateTimeSeconds, formatSpan } from '../../../../common/zonedTime.js';
import { PlaybackPlayer } from '../../media/PlaybackPlayer.js';
import type { ScaleMark } from '../../media/TimeScale.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useQuery } from '../../station/useQuery.js';
import { useMediaAccess } from '../../station/useMediaAccess.js';
import { ExportPanel } from './ExportPanel.js';

export function sessionMarks(s: SessionRecording['session']): ScaleMark[] {
  return [
    { at: s.startedAt, label: R.playback.legend.sessionStart, kind: 'start' },
    ...(s.endedAt === null ? [] : [{ at: s.endedAt, label: R.playback.legend.sessionEnd, kind: 'end' as const }]),
  ];
}

function Facts({ s }: { readonly s: SessionRecording['session'] }) {
  const { timeZone } = useStation();
  const t = (ms: number): string => formatDateTimeSeconds(ms, timeZone);
  return (
    <section className="panel">
      <h2>{R.session.facts}</h2>
      <dl className="facts">
        <dt>{R.session.person}</dt><dd><a href={routeHref({ name: 'person', id: s.personId })}>{s.personName}</a>（{s.personId}）</dd>
        <dt>{R.session.caseNo}</dt><dd>{s.caseNo ?? R.summary.none}</dd>
        <dt>{R.session.room}</dt><dd><a href={routeHref({ name: 'room', id: s.room })}>{s.roomName}</a></dd>
        <dt>{R.session.kind}</dt><dd>{sessionKindText(s.kind)}</dd>
        <dt>{R.session.officers}</dt><dd>{s.officers.map((o) => o.name).join('、')}</dd>
        <dt>{R.session.adults}</dt><dd>{s.appropriateAdults.join('、') || R.summary.none}</dd>
        <dt>{R.session.started}</dt><dd>{t(s.startedAt)}</dd>
        <dt>{R.session.ended}</dt><dd>{s.endedAt === null ? R.session.running : t(s.endedAt)}</dd>
        {s.endedAt !== null && <><dt>{R.session.duration}</dt><dd>{formatSpan(s.endedAt - s.startedAt)}</dd></>}
      </dl>
    </section>
  );
}

function Coverage({ rec }: { readonly rec: SessionRecording }) {
  return (
    <section className="panel">
      <h2>{R.session.recording}</h2>
      <ul className="plain">
        {rec.plan.cameras.map((c) => {
          const gaps = c.pieces.filter((p) => p.kind === 'gap' || p.kind === 'changed').length;
          return <li key={c.camera} data-coverage={c.camera}><span className="mono">{c.camera}</span>：{R.session.segments(c.segments)}，{gaps === 0 ? R.session.noGaps : R.session.gaps(gaps)}</li>;
        })}
      </ul>
    </section>
  );
}

export function SessionScreen({ id }: { readonly id: string }) {
  const { timeZone } = useStation();
  const access = useMediaAccess();
  const { data, error } = useQuery('sessionRecording', { id });
  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (data === undefined) return <p>{R.playback.loading}</p>;
  if (data === null) return <p className="form-error" role="alert">{R.session.notFound(id)}</p>;
  const s = data.session;
  return (
    <div className="session-screen">
      <div className="screen-head">
        <h1>{R.session.title(sessionKindText(s.kind))}</h1>
        <span className="muted">{s.roomName} · {s.personName}</span>
      </div>
      <div className="session-columns">
        <div>
          {access.playback
            ? <PlaybackPlayer key={`${s.id}-${data.plan.to}`} plan={data.plan} purpose={{ session: s.id }} marks={sessionMarks(s)} timeZone={timeZone} />
            : <p className="note">{R.playback.notAllowed}</p>}
        </div>
        <div>
          <Facts s={s} />
          <Coverage rec={data} />
          <ExportPanel rec={data} />
        </div>
      </div>
    </div>
  );
}
