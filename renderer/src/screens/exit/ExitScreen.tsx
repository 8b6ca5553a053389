// 出区: destination, the fate of each stored item (returned, transferred or kept), approver; then
// straight to the printable form.
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { DESTINATION_LABELS, DISPOSITION_LABELS } from '../../../../common/messages.js';
import type { PersonDetail } from '../../../../common/views.js';
import { DESTINATIONS, DISPOSITIONS, type Destination, type Disposition } from '../../../../common/vocab.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { navigate, routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Field, FormError } from '../../widgets/Field.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';
import { PersonFrame } from '../person/PersonFrame.js';

interface Settlement { readonly disposition: Disposition; readonly note: string }

const FIELDS = ['destination', 'approvedBy', 'note', 'belongings'];

function ExitForm({ person }: { readonly person: PersonDetail }) {
  const { overview } = useStation();
  const id = person.summary.id;
  const items = person.items.filter((i) => i.disposition === null);
  const [destination, setDestination] = useState<Destination | ''>('');
  const [approver, setApprover] = useState('');
  const [note, setNote] = useState('');
  const [settle, setSettle] = useState<Record<string, Settlement>>(() => Object.fromEntries(items.map((i) => [i.id, { disposition: 'returned', note: '' }])));
  const submission = useSubmit();
  const setItem = (item: string, s: Partial<Settlement>): void => setSettle((m) => ({ ...m, [item]: { disposition: 'returned', note: '', ...m[item], ...s } }));

  const leave = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const belongings = items.map((i) => {
      const s = settle[i.id] ?? { disposition: 'returned' as const, note: '' };
      return { item: i.id, disposition: s.disposition, ...(s.note.trim() ? { note: s.note.trim() } : {}) };
    });
    const outcome = await submission.run({
      type: 'person.exit', personId: id, destination: destination || undefined, belongings,
      belongingsReturned: belongings.every((b) => b.disposition === 'returned'),
      ...(approver ? { approvedBy: approver } : {}), ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (outcome.ok) navigate({ name: 'form', id });
  };

  return (
    <form onSubmit={(e) => void leave(e)}>
      {person.summary.activeSession && <p className="warning">{T.exit.sessionRunning}</p>}
      {person.summary.status === 'temp_exit' && <p className="note">{T.exit.onTempExit}</p>}
      <FormError message={submission.unclaimed(FIELDS)} />
      <div className="form-grid">
        <Field label={T.exit.destination} name="destination" required error={submission.errorFor('destination')}>
          {(c) => (
            <select {...c} value={destination} required onChange={(e) => setDestination(e.target.value as Destination | '')}>
              <option value="">{T.common.choose}</option>
              {DESTINATIONS.map((d) => <option key={d} value={d}>{DESTINATION_LABELS[d]}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.exit.approver} name="approvedBy" error={submission.errorFor('approvedBy')}>
          {(c) => <OfficerSelect control={c} officers={overview?.officers ?? []} value={approver} onChange={setApprover} />}
        </Field>
        <Field label={T.exit.note} name="note" wide>
          {(c) => <input {...c} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      <h3>{T.exit.belongings}</h3>
      {items.length === 0 ? <p className="muted">{T.exit.noItems}</p> : (
        <>
          <table className="data settle">
            <thead>
              <tr><th>#</th><th>{T.belongings.name}</th><th className="num">{T.belongings.quantity}</th><th>{T.belongings.features}</th><th>{T.belongings.locker}</th><th>{T.exit.disposition}</th><th>{T.exit.itemNote}</th></tr>
            </thead>
            <tbody>
              {items.map((it, i) => {
                const s = settle[it.id] ?? { disposition: 'returned', note: '' };
                const error = submission.errorFor(`belongings.${i}`);
                return (
                  <tr key={it.id} data-item={it.id}>
                    <td className="num">{i + 1}</td><td className="wrap">{it.name}</td><td className="num">{it.quantity}</td>
                    <td className="wrap">{it.features ?? ''}</td><td className="mono">{it.locker ?? ''}</td>
                    <td>
                      <select aria-label={`${it.name} ${T.exit.disposition}`} value={s.disposition} onChange={(e) => setItem(it.id, { disposition: e.target.value as Disposition })}>
                        {DISPOSITIONS.map((d) => <option key={d} value={d}>{DISPOSITION_LABELS[d]}</option>)}
                      </select>
                      {error && <p className="field-error" role="alert">{error}</p>}
                    </td>
                    <td><input aria-label={`${it.name} ${T.exit.itemNote}`} value={s.note} onChange={(e) => setItem(it.id, { note: e.target.value })} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" className="small" onClick={() => setSettle(Object.fromEntries(items.map((i) => [i.id, { disposition: 'returned', note: settle[i.id]?.note ?? '' }])))}>
            {T.exit.allReturned}
          </button>
        </>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={submission.busy}>{submission.busy ? T.common.busy : T.exit.button}</button>
      </div>
    </form>
  );
}

export function ExitScreen({ id }: { readonly id: string }) {
  const { timeZone, may } = useStation();
  return (
    <PersonFrame id={id} page="exit">
      {(person) => (
        <section className="panel">
          <h2>{T.exit.title}</h2>
          {person.exit ? (
            <>
              <p>{T.exit.exitedAt(formatDateTime(person.exit.at, timeZone), DESTINATION_LABELS[person.exit.destination])}</p>
              <a className="button primary" href={routeHref({ name: 'form', id })}>{T.exit.toForm}</a>
            </>
          ) : may('person.exit') ? <ExitForm key={id} person={person} /> : <p className="note">{T.common.readOnly}</p>}
        </section>
      )}
    </PersonFrame>
  );
}
