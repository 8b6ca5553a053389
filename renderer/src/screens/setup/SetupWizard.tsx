// First run, 配置本办案区: the area, its rooms, readers, cameras, officers and rule settings, the
// first administrator, then 核对保存 — the same editors and the same dry run as 办案区设置 — and
// the save, which records the area (area.configure), writes the device connections to the
// settings file, creates the administrator's account and signs it in.
import { useState } from 'react';
import type { StationBridge } from '../../../../common/api.js';
import { emptyDraft, type AreaDraft, type AreaPreview, type DraftProblem } from '../../../../common/areaSetup.js';
import { T } from '../../../../common/deskText.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import type { SessionInfo } from '../../../../common/views.js';
import { Field, FormError } from '../../widgets/Field.js';
import { AdminStep, withAdmin, type AdminDraft } from './AdminStep.js';
import { CamerasEditor } from './CamerasEditor.js';
import { ChangePreview } from './ChangePreview.js';
import { checkDraft, type DraftPart } from './draftChecks.js';
import { OfficersEditor } from './OfficersEditor.js';
import { ReadersEditor } from './ReadersEditor.js';
import { RoomsEditor } from './RoomsEditor.js';
import { SettingsEditor } from './SettingsEditor.js';
import { problemOf, SetupContext } from './setupContext.js';
import { useSetupEditing } from './useSetupEditing.js';
import { useTask } from './useTask.js';

const W = SETUP_TEXT.wizard;
const STEP_PARTS: readonly (readonly DraftPart[])[] = [['area'], ['rooms'], ['readers'], ['cameras'], ['officers'], ['settings'], [], []];
const LAST = W.steps.length - 1;
const ADMIN_STEP = W.steps.indexOf('管理员');

function adminProblems(a: AdminDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  if (!a.officerId.trim()) out.push({ field: 'admin.officerId', message: SETUP_TEXT.problems.required });
  if (!a.name.trim()) out.push({ field: 'admin.name', message: SETUP_TEXT.problems.required });
  if (!a.password) out.push({ field: 'admin.password', message: SETUP_TEXT.problems.required });
  else if (a.password !== a.again) out.push({ field: 'admin.again', message: T.auth.passwordsDiffer });
  return out;
}

/** The step a problem's field is edited in. */
function stepOf(field: string): number {
  if (field.startsWith('admin.')) return ADMIN_STEP;
  const head = field.split('.')[0];
  const i = STEP_PARTS.findIndex((parts) => parts.some((p) => p === head));
  return i < 0 ? 0 : i;
}

export function SetupWizard({ bridge, onSignedIn, onBack }: {
  readonly bridge: StationBridge; readonly onSignedIn: (s: SessionInfo) => void; readonly onBack: () => void;
}) {
  const e = useSetupEditing(bridge, null, emptyDraft());
  const [step, setStep] = useState(0);
  const [admin, setAdmin] = useState<AdminDraft>({ officerId: '', name: '', gender: 'male', password: '', again: '' });
  const [preview, setPreview] = useState<AreaPreview | null>(null);
  const task = useTask<'review' | 'finish'>();
  const busy = task.busy !== null;
  const { draft } = e;
  const full = withAdmin(draft, admin);

  const change = (d: AreaDraft): void => {
    e.setDraft(d);
    setPreview(null);
  };
  const show = (list: readonly DraftProblem[]): void => {
    const first = list[0];
    if (first) setStep(stepOf(first.field));
    e.show(list);
  };
  const stepProblems = (s: number): DraftProblem[] => (s === ADMIN_STEP ? adminProblems(admin) : checkDraft(draft, STEP_PARTS[s] ?? [], e.tested, e.savedStreams));

  const review = async (): Promise<void> => {
    const p = await task.run('review', () => bridge.invoke('previewArea', { draft: full }));
    if (!p) return;
    setPreview(p);
    show(p.problem ? [p.problem] : []);
  };
  const next = (): void => {
    const found = stepProblems(step);
    e.show(found);
    if (found.length > 0) return;
    const to = step + 1;
    setStep(to);
    if (to === LAST) void review();
  };
  const finish = async (): Promise<void> => {
    const all = [...checkDraft(full, ['area', 'rooms', 'readers', 'cameras', 'officers', 'settings'], e.tested, e.savedStreams), ...adminProblems(admin)];
    show(all);
    if (all.length > 0) return;
    const r = await task.run('finish', () => bridge.invoke('firstRunArea', { draft: full, admin: { officerId: admin.officerId.trim(), password: admin.password } }));
    if (!r) return;
    if (r.ok) onSignedIn(r.session);
    else show([r.problem]);
  };

  return (
    <SetupContext.Provider value={e.context}>
      <main className="wizard" id="main">
        <div className="wizard-card" ref={e.root}>
          <p className="auth-app">{T.appName}</p>
          <h1>{W.title}</h1>
          <ol className="wizard-steps" aria-label={W.title}>
            {W.steps.map((s, i) => <li key={s} className={i === step ? 'current' : i < step ? 'done' : ''} aria-current={i === step ? 'step' : undefined}>{s}</li>)}
          </ol>
          <h2>{W.steps[step]}</h2>
          {step === 0 && (
            <div className="form-grid">
              <Field label={SETUP_TEXT.area.name} name="area.name" required error={problemOf(e.problems, 'area.name')}>
                {(c) => <input {...c} value={draft.area.name} onChange={(ev) => change({ ...draft, area: { ...draft.area, name: ev.target.value } })} />}
              </Field>
              <Field label={SETUP_TEXT.area.id} name="area.id" required hint={SETUP_TEXT.area.fixed} error={problemOf(e.problems, 'area.id')}>
                {(c) => <input {...c} className="mono" value={draft.area.id} onChange={(ev) => change({ ...draft, area: { ...draft.area, id: ev.target.value } })} />}
              </Field>
            </div>
          )}
          {step === 1 && <RoomsEditor draft={draft} onChange={change} />}
          {step === 2 && <ReadersEditor draft={draft} onChange={change} />}
          {step === 3 && <CamerasEditor draft={draft} onChange={change} />}
          {step === 4 && <OfficersEditor draft={draft} onChange={change} />}
          {step === 5 && <SettingsEditor draft={draft} onChange={change} />}
          {step === ADMIN_STEP && <AdminStep draft={draft} admin={admin} onChange={(a) => { setAdmin(a); setPreview(null); }} />}
          {step === LAST && (
            <section>
              {busy && !preview && <p>{SETUP_TEXT.preview.checking}</p>}
              {preview && <ChangePreview preview={preview} />}
              {!preview && !busy && <button type="button" onClick={() => void review()}>{SETUP_TEXT.preview.check}</button>}
            </section>
          )}
          <FormError message={task.error ?? undefined} />
          <div className="actions wizard-actions">
            {step === 0
              ? <button type="button" onClick={onBack}>{T.common.back}</button>
              : <button type="button" disabled={busy} onClick={() => { e.show([]); setStep(step - 1); }}>{W.previous}</button>}
            {step < LAST
              ? <button type="button" className="primary" onClick={next}>{W.next}</button>
              : <button type="button" className="primary" disabled={busy || (preview !== null && preview.problem !== null)} onClick={() => void finish()}>{busy ? T.common.busy : W.finish}</button>}
          </div>
        </div>
      </main>
    </SetupContext.Provider>
  );
}
