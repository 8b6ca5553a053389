// 更正登记信息: a fact registered wrongly (name, gender, birth date, ID number, role, case number,
// basis, wristband) is put right with a reason and the approving officer. The record is never
// edited: the station records the correction, and the timeline, the form and the ledger show the
// old and the new value. Each field is entered with the same widget and checks as at entry.
import { useState, type FormEvent, type ReactNode } from 'react';
import { T } from '../../../../common/deskText.js';
import { CORRECTION_FIELD_LABELS, correctionValueLabel, GENDER_LABELS, ROLE_LABELS } from '../../../../common/messages.js';
import type { PersonDetail } from '../../../../common/views.js';
import { BASES, GENDERS, PERSON_ROLES, type Basis, type CorrectableField, type Gender, type PersonRole } from '../../../../common/vocab.js';
import { formatDate } from '../../../../common/zonedTime.js';
import { useStation } from '../../station/context.js';
import { matchesField, useSubmit, type Submission } from '../../station/useSubmit.js';
import { ChoiceGroup } from '../../widgets/ChoiceGroup.js';
import { DateInput } from '../../widgets/dates/DateInput.js';
import { Field, FormError } from '../../widgets/Field.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';
import { BasisField } from '../entry/BasisField.js';
import { idNumberHint } from '../entry/idNumberHint.js';
import { IdHintText } from '../entry/IdentityFields.js';
import { TagField } from '../entry/TagField.js';
import {
  correctableFields, correctionCommand, correctionProblems, emptyCorrection, fieldName, newValues, recordedValues, type CorrectionDraft,
} from './correctionDraft.js';

const GENDER_CHOICES = GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }));
const ROLE_CHOICES = PERSON_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

interface ValueProps {
  readonly field: CorrectableField;
  readonly draft: CorrectionDraft;
  readonly person: PersonDetail;
  readonly set: (field: CorrectableField, value: string) => void;
  readonly submission: Submission;
  readonly today: string;
}

/** What a new resident ID number says about the person, when it disagrees with what is registered. */
function idDiffers(draft: CorrectionDraft, person: PersonDetail, today: string): string | null {
  const hint = idNumberHint(draft.values.idNumber, today);
  if (hint.kind !== 'ok') return null;
  const was = recordedValues(person);
  const parts = [
    !draft.picked.includes('birthDate') && hint.facts.birthDate !== was.birthDate && `${T.person.birth} ${hint.facts.birthDate}`,
    !draft.picked.includes('gender') && hint.facts.gender !== was.gender && GENDER_LABELS[hint.facts.gender],
  ].filter((x): x is string => typeof x === 'string');
  return parts.length === 0 ? null : T.correct.idDiffers(parts.join('、'));
}

/** The new value of one ticked field, in the entry form's widget for it. */
function NewValue({ field, draft, person, set, submission, today }: ValueProps) {
  const label = T.correct.newValue(CORRECTION_FIELD_LABELS[field]);
  const name = fieldName(field);
  const error = submission.errorFor(name);
  const was = <span className="muted">{T.correct.current(correctionValueLabel(field, recordedValues(person)[field]))}</span>;
  const value = draft.values[field];
  const text = (extra: { className?: string; maxLength?: number } = {}): ReactNode => (
    <Field label={label} name={name} required error={error} hint={was}>
      {(c) => <input {...c} {...extra} value={value} autoComplete="off" autoFocus onChange={(e) => set(field, e.target.value)} />}
    </Field>
  );
  switch (field) {
    case 'name': return text({ maxLength: 60 });
    case 'caseNo': return text({ className: 'mono' });
    case 'gender':
      return <ChoiceGroup legend={label} name={name} required error={error} hint={was} choices={GENDER_CHOICES} value={value as Gender} autoFocus onChange={(g) => set(field, g)} />;
    case 'role':
      return <ChoiceGroup legend={label} name={name} required error={error} hint={was} choices={ROLE_CHOICES} value={value as PersonRole} autoFocus onChange={(r) => set(field, r)} />;
    case 'basis':
      return <BasisField name={name} value={BASES.includes(value as Basis) ? value as Basis : ''} required error={error} autoFocus onChange={(b) => set(field, b)} />;
    case 'birthDate':
      return (
        <Field label={label} name={name} required error={error} hint={<>{was} · {T.dates.dateHint}</>}>
          {(c) => <DateInput control={c} value={value} onChange={(v) => set(field, v)} label={CORRECTION_FIELD_LABELS[field]} today={today} max={today} autoFocus />}
        </Field>
      );
    case 'idNumber': {
      const differs = idDiffers(draft, person, today);
      return (
        <Field label={label} name={name} required error={error}
          hint={<>{was} · <IdHintText hint={idNumberHint(value, today)} />{differs && <strong className="hint-bad" data-id-differs> {differs}</strong>}</>}>
          {(c) => <input {...c} className="mono" value={value} maxLength={18} autoComplete="off" autoFocus onChange={(e) => set(field, e.target.value.toUpperCase())} />}
        </Field>
      );
    }
    case 'tag':
      return <TagField name={name} label={label} value={value} error={error} autoFocus onChange={(v) => set(field, v)} />;
  }
}

export function CorrectForm({ person }: { readonly person: PersonDetail }) {
  const { overview, may, timeZone, skewMs } = useStation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<CorrectionDraft>(() => emptyCorrection(person));
  const [done, setDone] = useState<string | null>(null);
  const today = formatDate(Date.now() + skewMs, timeZone);
  const problems = correctionProblems(draft, person, today);
  const submission = useSubmit(problems);
  if (!may('person.correct')) return null;
  const p = person.summary;
  const fields = correctableFields(person);

  const begin = (): void => {
    setDraft(emptyCorrection(person));
    setDone(null);
    submission.clear();
    setOpen(true);
  };
  const toggle = (f: CorrectableField, on: boolean): void => setDraft((d) => ({
    ...d,
    picked: fields.filter((x) => (x === f ? on : d.picked.includes(x))),
    // Unticked, a field goes back to what is recorded: nothing half-typed is sent later.
    values: on ? d.values : { ...d.values, [f]: recordedValues(person)[f] },
  }));
  const set = (f: CorrectableField, value: string): void => setDraft((d) => ({ ...d, values: { ...d.values, [f]: value } }));

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!submission.check(problems)) return;
    const outcome = await submission.run(correctionCommand(draft, p.id));
    if (!outcome.ok) return;
    const was = recordedValues(person);
    const now = newValues(draft);
    setDone(T.correct.done(draft.picked.map((f) => T.timeline.correctedField(CORRECTION_FIELD_LABELS[f], correctionValueLabel(f, was[f]), correctionValueLabel(f, now[f]))).join('；')));
    setOpen(false);
  };

  // A refusal naming a field not on the form (or none) shows at the top of the form.
  const claimed = [...draft.picked.map(fieldName), 'reason', 'approvedBy'];
  const pickerError = submission.errors.find((x) => x.field === 'fields')?.message;
  const unclaimed = submission.errors.filter((x) => x.field !== 'fields' && !claimed.some((f) => matchesField(x.field, f))).map((x) => x.message).join('；');

  if (!open) {
    return (
      <section className="action-box" data-correct>
        <h3>{T.correct.title}</h3>
        {done && <p className="note" role="status" data-correct-done>{done}</p>}
        <button type="button" onClick={begin}>{T.correct.open}</button>
      </section>
    );
  }
  return (
    <section className="action-box correct-box" data-correct>
      <h3>{T.correct.title}</h3>
      <form {...submission.form} onSubmit={(e) => void save(e)}>
        <FormError message={unclaimed || undefined} />
        <FieldGroup legend={T.correct.fields} name="fields" required error={pickerError} wide
          hint={p.status === 'exited' ? T.correct.noTagAfterExit : undefined}>
          <div className="correct-fields">
            {fields.map((f, i) => {
              const picked = draft.picked.includes(f);
              return (
                <div key={f} className={`correct-field${picked ? ' picked' : ''}`} data-correct-field={f}>
                  <label className="check">
                    <input type="checkbox" checked={picked} autoFocus={i === 0} onChange={(e) => toggle(f, e.target.checked)} />
                    <span>{CORRECTION_FIELD_LABELS[f]}</span>
                  </label>
                  {picked && <NewValue field={f} draft={draft} person={person} set={set} submission={submission} today={today} />}
                </div>
              );
            })}
          </div>
        </FieldGroup>
        <div className="form-grid">
          <Field label={T.correct.reason} name="reason" required error={submission.errorFor('reason')} wide>
            {(c) => <input {...c} value={draft.reason} placeholder={T.correct.reasonPlaceholder} onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))} />}
          </Field>
          <Field label={T.correct.approver} name="approvedBy" required error={submission.errorFor('approvedBy')}>
            {(c) => <OfficerSelect control={c} officers={overview?.officers ?? []} value={draft.approvedBy} onChange={(v) => setDraft((d) => ({ ...d, approvedBy: v }))} />}
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={submission.busy}>{submission.busy ? T.common.busy : T.correct.submit}</button>
          <button type="button" onClick={() => setOpen(false)}>{T.correct.cancel}</button>
        </div>
      </form>
    </section>
  );
}
