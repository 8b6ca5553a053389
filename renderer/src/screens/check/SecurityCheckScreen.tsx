// 人身安全检查: who checked (a female person needs female checkers or a doctor), what the person
// says about their health and drinking, injuries by location, dangerous items, the full-body
// check and the witness. All of it is recorded as the check's findings.
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import type { PersonDetail } from '../../../../common/views.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { findingsRecord, type AlcoholState, type DangerousItem, type Injury } from '../../format/findings.js';
import { navigate } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Field, FormError } from '../../widgets/Field.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { CaseOfficersButton, OfficerChecklist } from '../../widgets/OfficerChecklist.js';
import { RowsEditor } from '../../widgets/RowsEditor.js';
import { PersonFrame } from '../person/PersonFrame.js';
import { CheckRecord } from './CheckRecord.js';

const FIELDS = ['checkers', 'doctor', 'findings'];

function CheckForm({ person }: { readonly person: PersonDetail }) {
  const { overview, names, timeZone, skewMs, may } = useStation();
  const [startedAt] = useState(() => Date.now() + skewMs);
  const [checkers, setCheckers] = useState<string[]>([]);
  const [doctor, setDoctor] = useState(false);
  const [witness, setWitness] = useState('');
  const [illness, setIllness] = useState('');
  const [infectious, setInfectious] = useState<boolean | null>(false);
  const [alcohol, setAlcohol] = useState<AlcoholState>('none');
  const [injuries, setInjuries] = useState<Injury[]>([]);
  const [dangerous, setDangerous] = useState<DangerousItem[]>([]);
  const [body, setBody] = useState('');
  const problems = [checkers.length === 0 && { message: T.check.selectChecker, field: 'checkers' }];
  const submission = useSubmit(problems);
  const officers = overview?.officers ?? [];
  const female = person.summary.gender === 'female';
  const notFemale = female && !doctor ? checkers.filter((c) => names.officers.get(c)?.gender !== 'female') : [];

  if (!may('security.check')) return null;

  const record = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!submission.check(problems)) return;
    const findings = findingsRecord({ startedAt, illness, infectious, alcohol, injuries, dangerousItems: dangerous, bodyCheck: body, witness });
    const outcome = await submission.run({ type: 'security.check', personId: person.summary.id, checkers, doctor, findings });
    if (outcome.ok) navigate({ name: 'belongings', id: person.summary.id });
  };

  return (
    <form {...submission.form} onSubmit={(e) => void record(e)} className="check-form">
      <p className="muted">{T.check.startedAt(formatDateTime(startedAt, timeZone))}</p>
      <FormError message={submission.unclaimed(FIELDS)} />
      <div className="two-columns">
        <FieldGroup legend={T.check.checkers} name="checkers" error={submission.errorFor('checkers')}
          hint={notFemale.length > 0
            ? <span className="hint-bad">{T.check.femaleWarning(notFemale.map((c) => names.officer(c)).join('、'))}</span>
            : female ? T.check.femaleRule : undefined}>
          <CaseOfficersButton caseOfficers={person.officers} selected={checkers} onChange={setCheckers} />
          <OfficerChecklist officers={officers} selected={checkers} onChange={setCheckers} showGender first={person.officers} autoFocus />
          <label className="check"><input type="checkbox" checked={doctor} onChange={(e) => setDoctor(e.target.checked)} /> {T.check.doctor}</label>
        </FieldGroup>
        <FieldGroup legend={T.check.selfReport} name="findings.selfReport">
          <Field label={T.check.illness} name="findings.illness">
            {(c) => <input {...c} value={illness} onChange={(e) => setIllness(e.target.value)} />}
          </Field>
          <div className="form-grid">
            <Field label={T.check.infectious} name="findings.infectious">
              {(c) => (
                <select {...c} value={infectious === null ? '' : String(infectious)} onChange={(e) => setInfectious(e.target.value === '' ? null : e.target.value === 'true')}>
                  <option value="false">{T.common.no}</option>
                  <option value="true">{T.common.yes}</option>
                </select>
              )}
            </Field>
            <Field label={T.check.alcohol} name="findings.alcohol">
              {(c) => (
                <select {...c} value={alcohol} onChange={(e) => setAlcohol(e.target.value as AlcoholState)}>
                  {(Object.keys(T.check.alcoholValues) as AlcoholState[]).map((a) => <option key={a} value={a}>{T.check.alcoholValues[a]}</option>)}
                </select>
              )}
            </Field>
          </div>
        </FieldGroup>
      </div>
      <FieldGroup legend={T.check.inspection} name="findings.inspection" wide>
        <div className="two-columns">
          <RowsEditor caption={T.check.injuries} rows={injuries} onChange={setInjuries} blank={() => ({ location: '', description: '' })}
            columns={[{ key: 'location', label: T.check.injuryLocation, kind: 'text', className: 'col-short' }, { key: 'description', label: T.check.injuryDescription, kind: 'text' }]} />
          <RowsEditor caption={T.check.dangerous} rows={dangerous} onChange={setDangerous} blank={() => ({ name: '', handling: '' })}
            columns={[{ key: 'name', label: T.check.dangerousName, kind: 'text' }, { key: 'handling', label: T.check.dangerousHandling, kind: 'text' }]} />
        </div>
        <div className="form-grid">
          <Field label={T.check.body} name="findings.bodyCheck" wide>
            {(c) => <input {...c} value={body} placeholder={T.check.bodyPlaceholder} onChange={(e) => setBody(e.target.value)} />}
          </Field>
          <Field label={T.check.witness} name="findings.witness">
            {(c) => <input {...c} value={witness} onChange={(e) => setWitness(e.target.value)} />}
          </Field>
        </div>
      </FieldGroup>
      <div className="actions">
        <button type="submit" className="primary" disabled={submission.busy || person.summary.status === 'exited'}>{submission.busy ? T.common.busy : T.check.record}</button>
      </div>
    </form>
  );
}

export function SecurityCheckScreen({ id }: { readonly id: string }) {
  return (
    <PersonFrame id={id} page="check">
      {(person) => (
        <section className="panel">
          <h2>{T.check.title}</h2>
          {person.checks.length > 0 && (
            <div className="recorded">
              <h3>{T.check.recorded}</h3>
              {person.checks.map((c) => <CheckRecord key={c.seq} check={c} />)}
            </div>
          )}
          {person.summary.status !== 'exited' && <CheckForm key={person.summary.id} person={person} />}
        </section>
      )}
    </PersonFrame>
  );
}
