// 入区登记: identity with a live GB 11643 check, role, case, 到案方式 with its legal limit, the two
// responsible officers and the wristband. Whatever is missing is said at once, at each field, with
// the keyboard on the first; then the station decides, and its refusal is shown at the field it names.
import { useCallback, useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { ROLE_LABELS } from '../../../../common/messages.js';
import { PERSON_ROLES, type PersonRole } from '../../../../common/vocab.js';
import { formatDate } from '../../../../common/zonedTime.js';
import { navigate } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { errorMessage } from '../../station/errors.js';
import { nextPersonId } from '../../station/ids.js';
import { useSubmit } from '../../station/useSubmit.js';
import { ChoiceGroup } from '../../widgets/ChoiceGroup.js';
import { Field, FormError } from '../../widgets/Field.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';
import { ReadOnlyNote } from '../../widgets/ReadOnlyNote.js';
import { BasisField } from './BasisField.js';
import { EMPTY_DRAFT, entryCommand, fillFromCard, type EntryDraft } from './draft.js';
import { IdentityFields } from './IdentityFields.js';
import { IdCardPanel } from './IdCardPanel.js';
import { PhotoField } from './PhotoField.js';
import { ID_CARD_TEXT } from '../../../../common/idCardText.js';
import type { IdCardReadView } from '../../../../common/idCard.js';
import { TagField } from './TagField.js';
import { entryProblems } from './validate.js';

/** Fields of the form that show the station's refusals themselves; anything else shows at the top. */
const ROLE_CHOICES = PERSON_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

const FIELDS = ['person.name', 'person.idNumber', 'person.gender', 'person.birthDate', 'person.role', 'person.caseNo', 'person.basis', 'person.officers', 'person.tag', 'person.details'];

export function EntryScreen() {
  const { overview, bridge, timeZone, skewMs, may } = useStation();
  const [draft, setDraft] = useState<EntryDraft>(EMPTY_DRAFT);
  const [preparing, setPreparing] = useState(false);
  const today = formatDate(Date.now() + skewMs, timeZone);
  const problems = entryProblems(draft, today);
  const submission = useSubmit(problems);
  const set = useCallback(<K extends keyof EntryDraft>(key: K, value: EntryDraft[K]) => setDraft((d) => ({ ...d, [key]: value })), []);
  const fromCard = useCallback((read: IdCardReadView) => setDraft((d) => fillFromCard(d, read)), []);
  const officers = overview?.officers ?? [];

  if (!may('person.enter')) return <ReadOnlyNote title={T.entry.title} />;

  const register = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!submission.check(problems)) return;
    setPreparing(true);
    try {
      // Another desk may take the same id between the look-up and the entry: then once more.
      for (let attempt = 0; attempt < 2; attempt++) {
        const id = await nextPersonId(bridge, Date.now() + skewMs, timeZone);
        const outcome = await submission.run(entryCommand(draft, id));
        if (outcome.ok) {
          navigate({ name: 'check', id });
          return;
        }
        if (outcome.field !== 'person.id') return;
      }
    } catch (err) {
      submission.fail(errorMessage(err));
    } finally {
      setPreparing(false);
    }
  };

  const busy = preparing || submission.busy;
  return (
    <div className="entry">
      <div className="screen-head"><h1>{T.entry.title}</h1></div>
      <form {...submission.form} onSubmit={(e) => void register(e)}>
        <FormError message={submission.unclaimed(FIELDS)} />
        <fieldset className="form-section">
          <legend>{T.entry.sections.identity}</legend>
          <IdCardPanel draft={draft} onCard={fromCard} />
          <div className="form-grid">
            <IdentityFields draft={draft} set={set} submission={submission} today={today} />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{T.entry.sections.case}</legend>
          <div className="form-grid">
            <ChoiceGroup legend={T.entry.role} name="person.role" required error={submission.errorFor('person.role')} choices={ROLE_CHOICES}
              value={draft.role} onChange={(r: PersonRole) => set('role', r)} />
            <BasisField value={draft.basis} onChange={(b) => set('basis', b)} required={draft.role === 'suspect'} error={submission.errorFor('person.basis')} />
            <Field label={T.entry.caseNo} name="person.caseNo" error={submission.errorFor('person.caseNo')}>
              {(c) => <input {...c} className="mono" value={draft.caseNo} onChange={(e) => set('caseNo', e.target.value)} />}
            </Field>
            <Field label={T.entry.alarmNo} name="person.details.alarmNo">
              {(c) => <input {...c} className="mono" value={draft.alarmNo} onChange={(e) => set('alarmNo', e.target.value)} />}
            </Field>
            <Field label={T.entry.caseCause} name="person.details.caseCause" wide>
              {(c) => <input {...c} value={draft.caseCause} onChange={(e) => set('caseCause', e.target.value)} />}
            </Field>
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{T.entry.sections.custody}</legend>
          <div className="form-grid">
            <Field label={T.entry.officer1} name="person.officers" required error={submission.errorFor('person.officers')}>
              {(c) => <OfficerSelect control={c} officers={officers} value={draft.officer1} onChange={(v) => set('officer1', v)} exclude={[draft.officer2]} />}
            </Field>
            <Field label={T.entry.officer2} name="person.officers.1" required>
              {(c) => <OfficerSelect control={c} officers={officers} value={draft.officer2} onChange={(v) => set('officer2', v)} exclude={[draft.officer1]} />}
            </Field>
            <TagField value={draft.tag} onChange={(v) => set('tag', v)} error={submission.errorFor('person.tag')} />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{T.entry.sections.more}</legend>
          <div className="form-grid">
            <Field label={T.entry.phone} name="person.details.phone">
              {(c) => <input {...c} type="tel" value={draft.phone} onChange={(e) => set('phone', e.target.value)} />}
            </Field>
            <Field label={ID_CARD_TEXT.nation} name="person.details.nation">
              {(c) => <input {...c} value={draft.nation} maxLength={20} onChange={(e) => set('nation', e.target.value)} />}
            </Field>
            <Field label={T.entry.household} name="person.details.household">
              {(c) => <input {...c} value={draft.household} onChange={(e) => set('household', e.target.value)} />}
            </Field>
            <Field label={T.entry.address} name="person.details.address">
              {(c) => <input {...c} value={draft.address} onChange={(e) => set('address', e.target.value)} />}
            </Field>
            <Field label={T.entry.unit} name="person.details.unit">
              {(c) => <input {...c} value={draft.unit} onChange={(e) => set('unit', e.target.value)} />}
            </Field>
            <Field label={T.entry.note} name="person.details.note" wide>
              {(c) => <input {...c} value={draft.note} onChange={(e) => set('note', e.target.value)} />}
            </Field>
            <PhotoField name={draft.name} photo={draft.photo} onChange={(p) => set('photo', p)} />
          </div>
        </fieldset>
        <div className="actions sticky-actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? T.common.busy : T.entry.register}</button>
        </div>
      </form>
    </div>
  );
}
