// 人员基本情况: name, document, and gender / birth date (derived from a resident ID number, and
// then shown, not asked: they are no Tab stops). A valid number already in the area is named.
import { T } from '../../../../common/deskText.js';
import { GENDER_LABELS, ID_TYPE_LABELS, ID_TYPES, type IdType } from '../../../../common/messages.js';
import { GENDERS, type Gender } from '../../../../common/vocab.js';
import { routeHref } from '../../router/route.js';
import type { Submission } from '../../station/useSubmit.js';
import { ChoiceGroup } from '../../widgets/ChoiceGroup.js';
import { DateInput } from '../../widgets/dates/DateInput.js';
import { Field } from '../../widgets/Field.js';
import { identityOf, type EntryDraft } from './draft.js';
import { idNumberHint, type IdHint } from './idNumberHint.js';
import { useSameIdInArea } from './useSameIdInArea.js';

interface Props {
  readonly draft: EntryDraft;
  readonly set: <K extends keyof EntryDraft>(key: K, value: EntryDraft[K]) => void;
  readonly submission: Submission;
  readonly today: string;
}

/** What a typed resident ID number says (also shown when an ID number is corrected). */
export function IdHintText({ hint }: { readonly hint: IdHint }) {
  switch (hint.kind) {
    case 'empty': return null;
    case 'typing': return <span>{T.entry.idTyping(hint.count)}</span>;
    case 'problem': return <span className="hint-bad" data-id-problem>{hint.message}</span>;
    case 'ok': return (
      <span className="hint-ok" data-id-ok>
        {T.entry.idOk(hint.facts.birthDate, GENDER_LABELS[hint.facts.gender], hint.age)}
        {hint.minor && <strong className="hint-bad"> · {T.entry.idMinor}</strong>}
      </span>
    );
  }
}

const GENDER_CHOICES = GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }));

export function IdentityFields({ draft, set, submission, today }: Props) {
  const identity = identityOf(draft);
  const residentId = draft.idType === 'resident_id';
  const hint = residentId ? idNumberHint(draft.idNumber, today) : null;
  const same = useSameIdInArea(draft.idNumber, residentId);
  return (
    <>
      <Field label={T.entry.name} name="person.name" required error={submission.errorFor('person.name')}>
        {(c) => <input {...c} value={draft.name} onChange={(e) => set('name', e.target.value)} autoFocus maxLength={60} />}
      </Field>
      <Field label={T.entry.idType} name="person.details.idType">
        {(c) => (
          <select {...c} value={draft.idType} onChange={(e) => set('idType', e.target.value as IdType)}>
            {ID_TYPES.map((t) => <option key={t} value={t}>{ID_TYPE_LABELS[t]}</option>)}
          </select>
        )}
      </Field>
      <Field label={T.entry.idNumber} name={residentId ? 'person.idNumber' : 'person.details.documentNumber'}
        error={submission.errorFor(residentId ? 'person.idNumber' : 'person.details.documentNumber')}
        hint={(
          <>
            {hint ? <IdHintText hint={hint} /> : T.entry.otherIdNote}
            {same && (
              <span className="hint-bad same-id" role="status" data-same-id={same.id}>
                {' '}{T.entry.sameIdInArea(same.name, same.id)} <a href={routeHref({ name: 'person', id: same.id })}>{T.entry.sameIdOpen(same.name)}</a>
              </span>
            )}
          </>
        )}>
        {(c) => (
          <input {...c} value={draft.idNumber} inputMode="text" maxLength={residentId ? 18 : 40} autoComplete="off"
            className="mono" onChange={(e) => set('idNumber', residentId ? e.target.value.toUpperCase() : e.target.value)} />
        )}
      </Field>
      {identity.fromId ? (
        <Field label={T.entry.gender} name="person.gender" hint={T.entry.derivedFromId}>
          {(c) => <input {...c} value={identity.gender ? GENDER_LABELS[identity.gender] : ''} readOnly tabIndex={-1} data-derived />}
        </Field>
      ) : (
        <ChoiceGroup legend={T.entry.gender} name="person.gender" required choices={GENDER_CHOICES} value={draft.gender}
          onChange={(g: Gender) => set('gender', g)} error={submission.errorFor('person.gender')} />
      )}
      <Field label={T.entry.birthDate} name="person.birthDate" required error={submission.errorFor('person.birthDate')}
        hint={identity.fromId ? T.entry.derivedFromId : T.dates.dateHint}>
        {(c) => (identity.fromId
          ? <input {...c} className="mono" value={identity.birthDate} readOnly tabIndex={-1} data-derived />
          : <DateInput control={c} value={draft.birthDate} onChange={(v) => set('birthDate', v)} label={T.entry.birthDate} today={today} max={today} />)}
      </Field>
    </>
  );
}
