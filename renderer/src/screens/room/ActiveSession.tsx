// A session in progress, as the room's operator runs it: who is questioned, by whom, for how
// long, whether the room is recorded; officers and appropriate adults joining and leaving; the end.
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { SESSION_KIND_LABELS } from '../../../../common/messages.js';
import type { RoomView, SessionView } from '../../../../common/views.js';
import { formatDateTime, formatSpan } from '../../../../common/zonedTime.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useNow } from '../../station/now.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Field, FormError } from '../../widgets/Field.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';
import { PersonBadges } from '../../widgets/PersonBadges.js';
import { R } from '../../../../common/recordingText.js';

export function ActiveSession({ room, session }: { readonly room: RoomView; readonly session: SessionView }) {
  const { overview, names, timeZone, may } = useStation();
  const now = useNow();
  const [officer, setOfficer] = useState('');
  const [adult, setAdult] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submission = useSubmit();
  const person = names.persons.get(session.personId);
  const operate = may('session.join');
  const interrogationLike = session.kind !== 'identification';

  const run = async (command: Parameters<typeof submission.run>[0]): Promise<void> => {
    const outcome = await submission.run(command);
    if (outcome.ok) { setOfficer(''); setAdult(''); }
  };
  const joinOfficer = (e: FormEvent): void => { e.preventDefault(); if (officer) void run({ type: 'session.join', sessionId: session.id, officer }); };
  const joinAdult = (e: FormEvent): void => { e.preventDefault(); if (adult.trim()) void run({ type: 'session.join', sessionId: session.id, appropriateAdult: adult.trim() }); };
  const end = (): void => {
    if (!confirming) { setConfirming(true); return; }
    setConfirming(false);
    void submission.run({ type: 'session.end', sessionId: session.id });
  };

  return (
    <section className="panel session-panel" data-session={session.id}>
      <h2>{T.room.session.title(SESSION_KIND_LABELS[session.kind])}</h2>
      <div className="session-warnings">
        {person?.minor && session.appropriateAdults.length === 0 && <p className="warning">{T.room.session.warnMinor}</p>}
        {interrogationLike && session.officers.length < 2 && <p className="warning">{T.room.session.warnOfficers}</p>}
        {room.recordingRequired && room.recording !== 'recorded' && <p className="warning">{T.room.session.warnRecording}</p>}
      </div>
      <dl className="facts">
        <dt>{T.room.session.person}</dt>
        <dd>
          <a href={routeHref({ name: 'person', id: session.personId })}>{names.person(session.personId)}</a>
          {person && <PersonBadges person={person} />}
        </dd>
        <dt>{T.room.session.started}</dt><dd>{formatDateTime(session.startedAt, timeZone)} · <a href={routeHref({ name: 'session', id: session.id })}>{R.session.open}</a></dd>
        <dt>{T.room.session.elapsed}</dt><dd className="mono" data-elapsed>{formatSpan(now - session.startedAt)}</dd>
        <dt>{T.room.session.officers}</dt>
        <dd>
          <ul className="plain">
            {session.officers.map((o) => (
              <li key={o}>
                {names.officer(o)}
                {operate && <button type="button" className="small" disabled={submission.busy}
                  onClick={() => void run({ type: 'session.leave', sessionId: session.id, officer: o })}>{T.room.session.leave}</button>}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{T.room.session.adults}</dt><dd>{session.appropriateAdults.join('、') || T.room.session.noAdult}</dd>
      </dl>
      <FormError message={submission.unclaimed([])} />
      {operate && (
        <div className="session-controls">
          <form noValidate className="inline-form" onSubmit={joinOfficer}>
            <Field label={T.room.session.joinOfficer} name="officer">
              {(c) => <OfficerSelect control={c} officers={overview?.officers ?? []} value={officer} onChange={setOfficer} exclude={session.officers} />}
            </Field>
            <button type="submit" disabled={submission.busy || !officer}>{T.room.session.join}</button>
          </form>
          <form noValidate className="inline-form" onSubmit={joinAdult}>
            <Field label={T.room.session.joinAdult} name="appropriateAdult">
              {(c) => <input {...c} value={adult} placeholder={T.room.session.adultName} onChange={(e) => setAdult(e.target.value)} />}
            </Field>
            <button type="submit" disabled={submission.busy || !adult.trim()}>{T.room.session.join}</button>
          </form>
          <div className="actions">
            <button type="button" className={confirming ? 'danger' : 'primary'} onClick={end} onBlur={() => setConfirming(false)} disabled={submission.busy}>
              {confirming ? T.room.session.confirmEnd : T.room.session.end}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
