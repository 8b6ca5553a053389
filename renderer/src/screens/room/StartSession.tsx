// Starting a questioning session: the person, the kind, the officers (the person's case officers
// offered first), an appropriate adult for a minor; optionally registering them all as present in
// the room first, so that the station does not count the officers as elsewhere. In a room that
// must be recorded and is not, the operator is asked to confirm, and the record keeps that it was
// confirmed (confirmedUnrecorded).
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { RECORDING_LABELS, ROLE_SHORT_LABELS, SESSION_KIND_LABELS } from '../../../../common/messages.js';
import type { RoomView } from '../../../../common/views.js';
import { SESSION_KINDS, type SessionKind } from '../../../../common/vocab.js';
import { whereaboutsText } from '../../format/whereabouts.js';
import { useStation } from '../../station/context.js';
import { errorMessage } from '../../station/errors.js';
import { sessionId } from '../../station/ids.js';
import { useQuery } from '../../station/useQuery.js';
import { useSubmit } from '../../station/useSubmit.js';
import { ChoiceGroup } from '../../widgets/ChoiceGroup.js';
import { Field, FormError } from '../../widgets/Field.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { Modal } from '../../widgets/Modal.js';
import { CaseOfficersButton, OfficerChecklist } from '../../widgets/OfficerChecklist.js';

const FIELDS = ['personId', 'kind', 'officers', 'appropriateAdult'];
const KIND_CHOICES = SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }));

function defaultKind(room: RoomView): SessionKind {
  return room.kind === 'inquiry' ? 'inquiry' : room.kind === 'identification' ? 'identification' : 'interrogation';
}

/** Whether starting here needs the operator's confirmation: a room that must be recorded and is not. */
export function unrecordedRoom(room: RoomView): boolean {
  return room.recordingRequired && room.recording !== 'recorded';
}

function ConfirmUnrecorded({ room, onConfirm, onCancel }: { readonly room: RoomView; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  const reasons = room.cameras.map((c) => c.reason).filter((r): r is string => Boolean(r));
  return (
    <Modal title={T.room.start.unrecordedTitle} onClose={onCancel}>
      <p className="warning" data-unrecorded-confirm>{T.room.start.unrecordedText(room.name, RECORDING_LABELS[room.recording])}</p>
      {reasons.length > 0 && <p className="muted">{reasons.map((r) => T.camera.reason(r)).join('；')}</p>}
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm}>{T.room.start.unrecordedConfirm}</button>
        <button type="button" data-autofocus onClick={onCancel}>{T.room.start.unrecordedCancel}</button>
      </div>
    </Modal>
  );
}

export function StartSession({ room }: { readonly room: RoomView }) {
  const { overview, bridge, names } = useStation();
  const [personId, setPersonId] = useState('');
  const [kind, setKind] = useState<SessionKind>(() => defaultKind(room));
  const [officers, setOfficers] = useState<string[]>([]);
  const [adult, setAdult] = useState('');
  const [moveIn, setMoveIn] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const candidates = (overview?.persons ?? [])
    .filter((p) => p.status === 'in' && p.activeSession === null)
    .sort((a, b) => Number(room.persons.includes(b.id)) - Number(room.persons.includes(a.id)));
  const chosen = candidates.find((p) => p.id === personId);
  const problems = [
    !chosen && { message: T.room.start.needPerson, field: 'personId' },
    officers.length === 0 && { message: T.room.start.needOfficer, field: 'officers' },
  ];
  const submission = useSubmit(problems);
  const detail = useQuery('person', personId ? { id: personId } : null).data;
  const caseOfficers = personId && detail ? detail.officers.filter((o) => names.officers.has(o)) : [];

  const begin = async (confirmedUnrecorded: boolean): Promise<void> => {
    if (!chosen) return;
    try {
      if (moveIn) {
        for (const who of [chosen.id, ...officers]) {
          const here = room.persons.includes(who) || room.officers.includes(who);
          if (!here && !(await submission.run({ type: 'person.move', who, room: room.id })).ok) return;
        }
      }
      const fresh = await bridge.invoke('person', { id: chosen.id });
      const sessionsSoFar = fresh?.sessions.length ?? 0;
      await submission.run({
        type: 'session.start', sessionId: sessionId(chosen.id, sessionsSoFar), room: room.id, personId: chosen.id, kind, officers,
        ...(adult.trim() ? { appropriateAdult: adult.trim() } : {}),
        ...(confirmedUnrecorded ? { confirmedUnrecorded: true } : {}),
      });
    } catch (err) {
      submission.fail(errorMessage(err));
    }
  };

  const start = (e: FormEvent): void => {
    e.preventDefault();
    if (!submission.check(problems)) return;
    if (unrecordedRoom(room)) setConfirming(true);
    else void begin(false);
  };

  return (
    <section className="panel">
      <h2>{T.room.start.title}</h2>
      {unrecordedRoom(room) && <p className="warning">{T.room.session.warnRecording}（{RECORDING_LABELS[room.recording]}）</p>}
      {candidates.length === 0 ? <p className="muted">{T.room.start.noPersons}</p> : (
        <form {...submission.form} onSubmit={start}>
          <FormError message={submission.unclaimed(FIELDS)} />
          <div className="form-grid">
            <Field label={T.room.start.person} name="personId" required error={submission.errorFor('personId')}>
              {(c) => (
                <select {...c} value={personId} onChange={(e) => setPersonId(e.target.value)} autoFocus={room.officers.length === 0}>
                  <option value="">{T.common.choose}</option>
                  {candidates.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}（{ROLE_SHORT_LABELS[p.role]}{p.minor ? `·${T.badges.minor}` : ''}）{room.persons.includes(p.id) ? T.room.start.inRoom : ` · ${whereaboutsText(p.whereabouts, names)}`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <ChoiceGroup legend={T.room.start.kind} name="kind" required choices={KIND_CHOICES} value={kind} onChange={setKind} error={submission.errorFor('kind')} />
            <Field label={T.room.start.adult} name="appropriateAdult" required={chosen?.minor === true} error={submission.errorFor('appropriateAdult')}
              hint={chosen?.minor ? <span className="hint-bad">{T.room.start.adultRequired}</span> : T.room.start.adultHint}>
              {(c) => <input {...c} value={adult} onChange={(e) => setAdult(e.target.value)} />}
            </Field>
          </div>
          <FieldGroup legend={T.room.start.officers} name="officers" error={submission.errorFor('officers')}
            hint={kind !== 'identification' && officers.length < 2 ? T.room.start.twoOfficers : undefined}>
            <CaseOfficersButton caseOfficers={caseOfficers} selected={officers} onChange={setOfficers} />
            <OfficerChecklist officers={overview?.officers ?? []} selected={officers} onChange={setOfficers} first={caseOfficers} firstMark={T.room.start.caseOfficerMark} />
          </FieldGroup>
          <label className="check"><input type="checkbox" checked={moveIn} onChange={(e) => setMoveIn(e.target.checked)} /> {T.room.start.moveIn}</label>
          <div className="actions">
            <button type="submit" className="primary" disabled={submission.busy}>{submission.busy ? T.common.busy : T.room.start.button}</button>
          </div>
        </form>
      )}
      {confirming && <ConfirmUnrecorded room={room} onCancel={() => setConfirming(false)} onConfirm={() => { setConfirming(false); void begin(true); }} />}
    </section>
  );
}
