// 随身物品: an itemised list (name, quantity, features, 是否涉案, locker) stored against the person.
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import type { PersonDetail } from '../../../../common/views.js';
import { navigate, routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Field, FormError } from '../../widgets/Field.js';
import { RowsEditor } from '../../widgets/RowsEditor.js';
import { PersonFrame } from '../person/PersonFrame.js';
import { ItemsTable } from './ItemsTable.js';

type ItemRow = { name: string; quantity: number; features: string; caseRelated: boolean; locker: string };

const blank = (): ItemRow => ({ name: '', quantity: 1, features: '', caseRelated: false, locker: '' });

/** A row with nothing typed in it is no item (the empty last row of the table, typically). */
const blankRow = (r: ItemRow): boolean => r.name.trim() === '' && r.features.trim() === '' && r.locker.trim() === '' && !r.caseRelated;

function StoreForm({ person }: { readonly person: PersonDetail }) {
  const [rows, setRows] = useState<ItemRow[]>([blank()]);
  const [locker, setLocker] = useState('');
  const filled = rows.map((r, i) => ({ r, i })).filter(({ r }) => !blankRow(r));
  const problems = [
    filled.length === 0 && { message: T.belongings.needOne, field: 'items' },
    ...filled.flatMap(({ r, i }) => [
      r.name.trim() === '' && { message: T.belongings.needName, field: `items.${i}.name` },
      !(Number.isInteger(r.quantity) && r.quantity > 0) && { message: T.belongings.badQuantity, field: `items.${i}.quantity` },
    ]),
  ];
  const submission = useSubmit(problems);
  const id = person.summary.id;
  // A refusal about the list as a whole (not one of its cells).
  const whole = submission.errors.find((x) => x.field === 'items');

  const store = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!submission.check(problems)) return;
    const items = filled.map(({ r }) => ({
      name: r.name.trim(), quantity: r.quantity, caseRelated: r.caseRelated,
      ...(r.features.trim() ? { features: r.features.trim() } : {}), ...(r.locker.trim() ? { locker: r.locker.trim() } : {}),
    }));
    const outcome = await submission.run({ type: 'belongings.store', personId: id, items, ...(locker.trim() ? { locker: locker.trim() } : {}) });
    if (outcome.ok) navigate({ name: 'collect', id });
  };

  return (
    <form {...submission.form} onSubmit={(e) => void store(e)}>
      <h3>{T.belongings.newItems}</h3>
      <FormError message={submission.unclaimed(['items', 'locker'])} />
      <RowsEditor caption={T.belongings.newItems} rows={rows} onChange={setRows} blank={blank} path="items" errorFor={submission.errorFor} autoFocus
        columns={[
          { key: 'name', label: T.belongings.name, kind: 'text', required: true },
          { key: 'quantity', label: T.belongings.quantity, kind: 'number', required: true, className: 'col-num' },
          { key: 'features', label: T.belongings.features, kind: 'text' },
          { key: 'caseRelated', label: T.belongings.caseRelated, kind: 'checkbox', className: 'col-check' },
          { key: 'locker', label: T.belongings.locker, kind: 'text', className: 'col-short' },
        ]} />
      {whole && <p className="field-error" role="alert" data-error-for="items" data-form-error tabIndex={-1}>{whole.message}</p>}
      <div className="form-grid">
        <Field label={T.belongings.defaultLocker} name="locker" hint={T.belongings.defaultLockerHint} error={submission.errorFor('locker')}>
          {(c) => <input {...c} className="mono" value={locker} onChange={(e) => setLocker(e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={submission.busy}>{submission.busy ? T.common.busy : T.belongings.store}</button>
        <a className="button" href={routeHref({ name: 'collect', id })}>{T.belongings.skip}</a>
      </div>
    </form>
  );
}

export function BelongingsScreen({ id }: { readonly id: string }) {
  const { may } = useStation();
  return (
    <PersonFrame id={id} page="belongings">
      {(person) => (
        <section className="panel">
          <h2>{T.belongings.title}</h2>
          <h3>{T.belongings.stored}</h3>
          <ItemsTable items={person.items} />
          {person.summary.status !== 'exited' && may('belongings.store') && <StoreForm key={person.summary.id} person={person} />}
        </section>
      )}
    </PersonFrame>
  );
}
