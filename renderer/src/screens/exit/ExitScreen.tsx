// 出区: destination, what becomes of each stored item — returned (返还), transferred (移交) or kept
// (扣押), the last two with where — chosen item by item (nothing is pre-set: an item no one settled
// is no item returned), the approver; then straight to the printable form.
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { DESTINATION_LABELS } from '../../../../common/messages.js';
import type { ItemView, PersonDetail } from '../../../../common/views.js';
import { DESTINATIONS, DISPOSITIONS, type Destination, type Disposition } from '../../../../common/vocab.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { navigate, routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useSubmit, type Problem } from '../../station/useSubmit.js';
import { ChoiceGroup } from '../../widgets/ChoiceGroup.js';
import { Field, FormError } from '../../widgets/Field.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';
import { printWhenOpened } from '../form/printOnOpen.js';
import { PersonFrame } from '../person/PersonFrame.js';

interface Settlement { readonly disposition: Disposition | ''; readonly note: string }

const FIELDS = ['destination', 'approvedBy', 'note', 'belongings'];
const DESTINATION_CHOICES = DESTINATIONS.map((d) => ({ value: d, label: DESTINATION_LABELS[d] }));
const DISPOSITION_CHOICES = DISPOSITIONS.map((d) => ({ value: d, label: T.exit.dispositions[d] }));
const EMPTY: Settlement = { disposition: '', note: '' };

/** What the form must have before the station is asked: a destination, and each item settled (with where, unless returned). */
export function exitProblems(destination: Destination | '', items: readonly ItemView[], settle: Readonly<Record<string, Settlement>>): Problem[] {
  return [
    destination === '' && { message: T.exit.needDestination, field: 'destination' },
    ...items.flatMap((it, i) => {
      const s = settle[it.id] ?? EMPTY;
      return [
        s.disposition === '' && { message: T.exit.needDisposition, field: `belongings.${i}.disposition` },
        s.disposition !== '' && s.disposition !== 'returned' && s.note.trim() === '' && { message: T.exit.needWhere, field: `belongings.${i}.note` },
      ];
    }),
  ];
}

function ItemSettlement({ item, index, value, onChange, errorFor }: {
  readonly item: ItemView; readonly index: number; readonly value: Settlement;
  readonly onChange: (s: Partial<Settlement>) => void; readonly errorFor: (field: string) => string | undefined;
}) {
  const whereError = errorFor(`belongings.${index}.note`);
  return (
    <tr data-item={item.id}>
      <td className="num">{index + 1}</td>
      <td className="wrap">{item.name}{item.features ? <small className="muted"> · {item.features}</small> : null}</td>
      <td className="num">{item.quantity}</td>
      <td className="mono">{item.locker ?? ''}</td>
      <td>
        <ChoiceGroup legend={`${item.name} ${T.exit.disposition}`} name={`belongings.${index}.disposition`} inline required
          choices={DISPOSITION_CHOICES} value={value.disposition} onChange={(d: Disposition) => onChange({ disposition: d })}
          error={errorFor(`belongings.${index}.disposition`) ?? errorFor(`belongings.${index}.item`)} />
      </td>
      <td>
        {value.disposition !== '' && value.disposition !== 'returned' && (
          <>
            <input aria-label={`${item.name} ${T.exit.itemNote}`} value={value.note} placeholder={T.exit.wherePlaceholder[value.disposition]}
              aria-invalid={whereError ? true : undefined} aria-required onChange={(e) => onChange({ note: e.target.value })} />
            {whereError && <p className="field-error" role="alert" data-error-for={`belongings.${index}.note`}>{whereError}</p>}
          </>
        )}
      </td>
    </tr>
  );
}

function ExitForm({ person }: { readonly person: PersonDetail }) {
  const { overview } = useStation();
  const id = person.summary.id;
  const items = person.items.filter((i) => i.disposition === null);
  const [destination, setDestination] = useState<Destination | ''>('');
  const [approver, setApprover] = useState('');
  const [note, setNote] = useState('');
  const [settle, setSettle] = useState<Record<string, Settlement>>({});
  const problems = exitProblems(destination, items, settle);
  const submission = useSubmit(problems);
  const setItem = (item: string, s: Partial<Settlement>): void => setSettle((m) => ({ ...m, [item]: { ...EMPTY, ...m[item], ...s } }));

  const leave = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!submission.check(problems)) return;
    const belongings = items.map((i) => {
      const s = settle[i.id] ?? EMPTY;
      return { item: i.id, disposition: s.disposition as Disposition, ...(s.note.trim() ? { note: s.note.trim() } : {}) };
    });
    const outcome = await submission.run({
      type: 'person.exit', personId: id, destination, belongings,
      belongingsReturned: belongings.every((b) => b.disposition === 'returned'),
      ...(approver ? { approvedBy: approver } : {}), ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (!outcome.ok) return;
    printWhenOpened(id);
    navigate({ name: 'form', id });
  };

  return (
    <form {...submission.form} onSubmit={(e) => void leave(e)}>
      {person.summary.activeSession && <p className="warning">{T.exit.sessionRunning}</p>}
      {person.summary.status === 'temp_exit' && <p className="note">{T.exit.onTempExit}</p>}
      <FormError message={submission.unclaimed(FIELDS)} />
      <ChoiceGroup legend={T.exit.destination} name="destination" required wide autoFocus choices={DESTINATION_CHOICES} value={destination}
        onChange={setDestination} error={submission.errorFor('destination')} />
      <h3>{T.exit.belongings}</h3>
      {items.length === 0 ? <p className="muted">{T.exit.noItems}</p> : (
        <>
          <button type="button" className="small" onClick={() => setSettle((m) => Object.fromEntries(items.map((i) => [i.id, { disposition: 'returned' as const, note: m[i.id]?.note ?? '' }])))}>
            {T.exit.allReturned}
          </button>
          <table className="data settle">
            <thead>
              <tr><th>#</th><th>{T.belongings.name}</th><th className="num">{T.belongings.quantity}</th><th>{T.belongings.locker}</th><th>{T.exit.disposition}</th><th>{T.exit.itemNote}</th></tr>
            </thead>
            <tbody>
              {items.map((it, i) => (
                <ItemSettlement key={it.id} item={it} index={i} value={settle[it.id] ?? EMPTY} onChange={(s) => setItem(it.id, s)} errorFor={submission.errorFor} />
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="form-grid">
        <Field label={T.exit.approver} name="approvedBy" error={submission.errorFor('approvedBy')}>
          {(c) => <OfficerSelect control={c} officers={overview?.officers ?? []} value={approver} onChange={setApprover} />}
        </Field>
        <Field label={T.exit.note} name="note" wide>
          {(c) => <input {...c} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
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
