// 信息采集: the checklist (fingerprint, DNA, portrait, urine…); what was collected is shown with
// its time and cannot be ticked again.
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { COLLECTION_LABELS } from '../../../../common/messages.js';
import type { PersonDetail } from '../../../../common/views.js';
import { COLLECTION_ITEMS } from '../../../../common/vocab.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { navigate } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Field, FormError } from '../../widgets/Field.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { PersonFrame } from '../person/PersonFrame.js';

function CollectForm({ person }: { readonly person: PersonDetail }) {
  const { timeZone, may } = useStation();
  const [ticked, setTicked] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const [stored, setStored] = useState(false);
  const submission = useSubmit();
  const done = new Map(person.collections.map((c) => [c.item, c.at]));
  const storedOf = new Map(person.collections.map((c) => [c.item, c.stored]));
  const extra = [...done.keys()].filter((k) => !(COLLECTION_ITEMS as readonly string[]).includes(k));
  const open = person.summary.status !== 'exited' && may('info.collect');

  const record = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const items = [...ticked, ...other.split(/[,，、\s]+/).map((s) => s.trim()).filter((s) => s && !done.has(s))];
    if (!submission.check([items.length === 0 && { message: T.collect.needOne, field: 'items' }])) return;
    const outcome = await submission.run({ type: 'info.collect', personId: person.summary.id, items, stored });
    if (outcome.ok) navigate({ name: 'person', id: person.summary.id });
  };

  return (
    <form {...submission.form} onSubmit={(e) => void record(e)}>
      <FormError message={submission.unclaimed(['items'])} />
      <FieldGroup legend={T.collect.checklist} name="items" error={submission.errorFor('items')}>
        <div className="checklist checklist-grid">
          {[...COLLECTION_ITEMS, ...extra].map((item, i) => {
            const at = done.get(item);
            return (
              <label key={item} className={`check${at !== undefined ? ' check-done' : ''}`}>
                <input type="checkbox" disabled={at !== undefined || !open} checked={at !== undefined || ticked.includes(item)}
                  autoFocus={open && i === [...COLLECTION_ITEMS, ...extra].findIndex((x) => !done.has(x))}
                  onChange={(e) => setTicked(e.target.checked ? [...ticked, item] : ticked.filter((x) => x !== item))} />
                <span>{COLLECTION_LABELS[item] ?? item}</span>
                {at !== undefined && (
                  <small className="muted">
                    {T.collect.collectedAt(formatDateTime(at, timeZone))}
                    {storedOf.get(item) === true ? ` · ${T.collect.storedMark}` : storedOf.get(item) === false ? ` · ${T.collect.notStoredMark}` : ''}
                  </small>
                )}
              </label>
            );
          })}
        </div>
      </FieldGroup>
      {open && (
        <>
          <div className="form-grid">
            <Field label={T.collect.other} name="other">
              {(c) => <input {...c} value={other} placeholder={T.collect.otherPlaceholder} onChange={(e) => setOther(e.target.value)} />}
            </Field>
            <label className="check">
              <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
              <span>{T.collect.stored}</span>
            </label>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={submission.busy}>{submission.busy ? T.common.busy : T.collect.record}</button>
          </div>
        </>
      )}
    </form>
  );
}

export function CollectionScreen({ id }: { readonly id: string }) {
  return (
    <PersonFrame id={id} page="collect">
      {(person) => (
        <section className="panel">
          <h2>{T.collect.title}</h2>
          <CollectForm key={person.summary.id} person={person} />
        </section>
      )}
    </PersonFrame>
  );
}
