// 饮食 and 休息: recorded with a short note; the time since the last meal is shown, since the
// station raises 未按时安排饮食 after the meal interval.
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import type { PersonDetail } from '../../../../common/views.js';
import { formatDateTime, formatSpan } from '../../../../common/zonedTime.js';
import { useStation } from '../../station/context.js';
import { useNow } from '../../station/now.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Field, FormError } from '../../widgets/Field.js';

export function CareForm({ person }: { readonly person: PersonDetail }) {
  const { timeZone, may } = useStation();
  const now = useNow();
  const [note, setNote] = useState('');
  const submission = useSubmit();
  const p = person.summary;
  if (!may('care.meal')) return null;

  const record = async (kind: 'care.meal' | 'care.rest'): Promise<void> => {
    const outcome = await submission.run({ type: kind, personId: p.id, ...(note.trim() ? { note: note.trim() } : {}) });
    if (outcome.ok) setNote('');
  };

  return (
    <section className="action-box">
      <h3>{T.actions.care}</h3>
      <p className="muted">
        {p.lastMealAt !== null ? T.actions.lastMeal(formatDateTime(p.lastMealAt, timeZone), formatSpan(now - p.lastMealAt)) : T.actions.noMeal(formatSpan(now - p.enteredAt))}
      </p>
      <form {...submission.form} className="inline-form" onSubmit={(e: FormEvent) => { e.preventDefault(); void record('care.meal'); }}>
        <Field label={T.actions.careNote} name="note" error={submission.errorFor('note')}>
          {(c) => <input {...c} value={note} placeholder={T.actions.careNotePlaceholder} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={submission.busy}>{T.actions.meal}</button>
        <button type="button" disabled={submission.busy} onClick={() => void record('care.rest')}>{T.actions.rest}</button>
      </form>
      <FormError message={submission.unclaimed(['note'])} />
    </section>
  );
}
