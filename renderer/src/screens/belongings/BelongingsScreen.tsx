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

function StoreForm({ person }: { readonly person: PersonDetail }) {
  const [rows, setRows] = useState<ItemRow[]>([blank()]);
  const [locker, setLocker] = useState('');
  const submission = useSubmit();
  const id = person.summary.id;

  const store = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const items = rows.filter((r) => r.name.trim() !== '').map((r) => ({
      name: r.name.trim(), quantity: r.quantity, caseRelated: r.caseRelated,
      ...(r.features.trim() ? { features: r.features.trim() } : {}), ...(r.locker.trim() ? { locker: r.locker.trim() } : {}),
    }));
    if (items.length === 0) return submission.fail(T.belongings.needOne, 'items');
    const outcome = await submission.run({ type: 'belongings.store', personId: id, items, ...(locker.trim() ? { locker: locker.trim() } : {}) });
    if (outcome.ok) navigate({ name: 'collect', id });
  };

  return (
    <form onSubmit={(e) => void store(e)}>
      <h3>{T.belongings.newItems}</h3>
      <FormError message={submission.unclaimed(['items', 'locker'])} />
      <div className="form-grid">
        <Field label={T.belongings.defaultLocker} name="locker" hint={T.belongings.defaultLockerHint} error={submission.errorFor('locker')}>
          {(c) => <input {...c} className="mono" value={locker} onChange={(e) => setLocker(e.target.value)} />}
        </Field>
      </div>
      <RowsEditor caption={T.belongings.newItems} rows={rows} onChange={setRows} blank={blank} path="items" errorFor={submission.errorFor}
        columns={[
          { key: 'name', label: T.belongings.name, kind: 'text', required: true },
          { key: 'quantity', label: T.belongings.quantity, kind: 'number', required: true, className: 'col-num' },
          { key: 'features', label: T.belongings.features, kind: 'text' },
          { key: 'caseRelated', label: T.belongings.caseRelated, kind: 'checkbox', className: 'col-check' },
          { key: 'locker', label: T.belongings.locker, kind: 'text', className: 'col-short' },
        ]} />
      {submission.error?.field === 'items' && <p className="field-error" role="alert" data-error-for="items">{submission.error.message}</p>}
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
