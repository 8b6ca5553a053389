// Starting a questioning session: the person, the kind, the officers, an appropriate adult for a
// minor; optionally registering them all as present in the room first, so that the station does
// not count the officers as elsewhere.
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { ROLE_SHORT_LABELS, SESSION_KIND_LABELS } from '../../../../common/messages.js';
import type { RoomView } from '../../../../common/views.js';
import { SESSION_KINDS, type SessionKind } from '../../../../common/vocab.js';
import { whereaboutsText } from '../../format/whereabouts.js';
import { useStation } from '../../station/context.js';
import { errorMessage } from '../../station/errors.js';
import { sessionId } from '../../station/ids.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Field, FormError } from '../../widgets/Field.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { OfficerChecklist } from '../../widgets/OfficerChecklist.js';

const FIELDS = ['personId', 'kind', 'officers', 'appropriateAdult'];

function defaultKind(room: RoomView): SessionKind {
  return room.kind === 'inquiry' ? 'inquiry' : room.kind === 'identification' ? 'identification' : 'interrogation';
}

export function StartSession({ room }: { readonly room: RoomView }) {
  const { overview, bridge, names } = useStation();
  const [personId, setPersonId] = useState('');
  const [kind, setKind] = useState<SessionKind>(() => defaultKind(room));
  const [officers, setOfficers] = useState<string[]>([]);
  const [adult, setAdult] = useState('');
  const [moveIn, setMoveIn] = useState(true);
  const submission = useSubmit();
  const candidates = (overview?.persons ?? [])
    .filter((p) => p.status === 'in' && p.activeSession === null)
    .sort((a, b) => Number(room.persons.includes(b.id)) - Number(room.persons.includes(a.id)));
  const chosen = candidates.find((p) => p.id === personId);

  const start = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!chosen) return submission.fail(T.room.start.needPerson, 'personId');
    if (officers.length === 0) return submission.fail(T.room.start.needOfficer, 'officers');
    try {
      if (moveIn) {
        for (const who of [chosen.id, ...officers]) {
          const here = room.persons.includes(who) || room.officers.includes(who);
          if (!here && !(await submission.run({ type: 'person.move', who, room: room.id })).ok) return;
        }
      }
      const detail = await bridge.invoke('person', { id: chosen.id });
      const sessionsSoFar = detail?.sessions.length ?? 0;
      await submission.run({
        type: 'session.start', sessionId: sessionId(chosen.id, sessionsSoFar), room: room.id, personId: chosen.id, kind, officers,
        ...(adult.trim() ? { appropriateAdult: adult.trim() } : {}),
      });
    } catch (err) {
      submission.fail(errorMessage(err));
    }
  };

  return (
    <section className="panel">
      <h2>{T.room.start.title}</h2>
      {candidates.length === 0 ? <p className="muted">{T.room.start.noPersons}</p> : (
        <form onSubmit={(e) => void start(e)}>
          <FormError message={submission.unclaimed(FIELDS)} />
          <div className="form-grid">
            <Field label={T.room.start.person} name="personId" required error={submission.errorFor('personId')}>
              {(c) => (
                <select {...c} value={personId} onChange={(e) => setPersonId(e.target.value)}>
                  <option value="">{T.common.choose}</option>
                  {candidates.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}（{ROLE_SHORT_LABELS[p.role]}{p.minor ? `·${T.badges.minor}` : ''}）{room.persons.includes(p.id) ? T.room.start.inRoom : ` · ${whereaboutsText(p.whereabouts, names)}`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={T.room.start.kind} name="kind" required error={submission.errorFor('kind')}>
              {(c) => (
                <select {...c} value={kind} onChange={(e) => setKind(e.target.value as SessionKind)}>
                  {SESSION_KINDS.map((k) => <option key={k} value={k}>{SESSION_KIND_LABELS[k]}</option>)}
                </select>
              )}
            </Field>
            <Field label={T.room.start.adult} name="appropriateAdult" required={chosen?.minor === true} error={submission.errorFor('appropriateAdult')}
              hint={chosen?.minor ? <span className="hint-bad">{T.room.start.adultRequired}</span> : T.room.start.adultHint}>
              {(c) => <input {...c} value={adult} onChange={(e) => setAdult(e.target.value)} />}
            </Field>
          </div>
          <FieldGroup legend={T.room.start.officers} name="officers" error={submission.errorFor('officers')}
            hint={kind !== 'identification' && officers.length < 2 ? T.room.start.twoOfficers : undefined}>
            <OfficerChecklist officers={overview?.officers ?? []} selected={officers} onChange={setOfficers} />
          </FieldGroup>
          <label className="check"><input type="checkbox" checked={moveIn} onChange={(e) => setMoveIn(e.target.checked)} /> {T.room.start.moveIn}</label>
          <div className="actions">
            <button type="submit" className="primary" disabled={submission.busy}>{submission.busy ? T.common.busy : T.room.start.button}</button>
          </div>
        </form>
      )}
    </section>
  );
}
