// 人员基本情况: name, document, and gender / birth date (derived from a resident ID number).
import { T } from '../../../../common/deskText.js';
import { GENDER_LABELS, ID_TYPE_LABELS, ID_TYPES, type IdType } from '../../../../common/messages.js';
import { GENDERS, type Gender } from '../../../../common/vocab.js';
import type { Submission } from '../../station/useSubmit.js';
import { Field } from '../../widgets/Field.js';
import { identityOf, type EntryDraft } from './draft.js';
import { idNumberHint, type IdHint } from './idNumberHint.js';

interface Props {
  readonly draft: EntryDraft;
  readonly set: <K extends keyof EntryDraft>(key: K, value: EntryDraft[K]) => void;
  readonly submission: Submission;
  readonly today: string;
}

function IdHintText({ hint }: { readonly hint: IdHint }) {
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

export function IdentityFields({ draft, set, submission, today }: Props) {
  const identity = identityOf(draft);
  const residentId = draft.idType === 'resident_id';
  const hint = residentId ? idNumberHint(draft.idNumber, today) : null;
  return (
    <>
      <Field label={T.entry.name} name="person.name" required error={submission.errorFor('person.name')}>
        {(c) => <input {...c} value={draft.name} onChange={(e) => set('name', e.target.value)} autoFocus required maxLength={60} />}
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
        hint={hint ? <IdHintText hint={hint} /> : T.entry.otherIdNote}>
        {(c) => (
          <input {...c} value={draft.idNumber} inputMode="text" maxLength={residentId ? 18 : 40} autoComplete="off"
            className="mono" onChange={(e) => set('idNumber', residentId ? e.target.value.toUpperCase() : e.target.value)} />
        )}
      </Field>
      <Field label={T.entry.gender} name="person.gender" required error={submission.errorFor('person.gender')} hint={identity.fromId ? T.entry.derivedFromId : undefined}>
        {(c) => (
          <select {...c} value={identity.gender} disabled={identity.fromId} required onChange={(e) => set('gender', e.target.value as Gender | '')}>
            <option value="">{T.common.choose}</option>
            {GENDERS.map((g) => <option key={g} value={g}>{GENDER_LABELS[g]}</option>)}
          </select>
        )}
      </Field>
      <Field label={T.entry.birthDate} name="person.birthDate" required error={submission.errorFor('person.birthDate')} hint={identity.fromId ? T.entry.derivedFromId : undefined}>
        {(c) => (identity.fromId
          ? <input {...c} value={identity.birthDate} readOnly />
          : <input {...c} type="date" value={identity.birthDate} required max={today} onChange={(e) => set('birthDate', e.target.value)} />)}
      </Field>
    </>
  );
}
