// The wizard's 管理员 step: the first administrator's account. Its officer is one of the area's
// officers (registered with the area), so it is picked from them or added to them here.
import type { AreaDraft } from '../../../../common/areaSetup.js';
import { T } from '../../../../common/deskText.js';
import { GENDER_LABELS } from '../../../../common/messages.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { GENDERS, type Gender } from '../../../../common/vocab.js';
import { Field } from '../../widgets/Field.js';
import { problemOf, useSetup } from './setupContext.js';

export interface AdminDraft { readonly officerId: string; readonly name: string; readonly gender: Gender; readonly password: string; readonly again: string }

/** The draft with the administrator among its officers (added, or taken as the area lists it). */
export function withAdmin(draft: AreaDraft, admin: AdminDraft): AreaDraft {
  const id = admin.officerId.trim();
  if (!id || draft.officers.some((o) => o.id === id)) return draft;
  return { ...draft, officers: [{ id, name: admin.name.trim(), gender: admin.gender, tag: null }, ...draft.officers] };
}

export function AdminStep({ draft, admin, onChange }: { readonly draft: AreaDraft; readonly admin: AdminDraft; readonly onChange: (a: AdminDraft) => void }) {
  const { problems } = useSetup();
  const listed = draft.officers.find((o) => o.id === admin.officerId.trim());
  const set = (patch: Partial<AdminDraft>): void => onChange({ ...admin, ...patch });
  return (
    <section className="wizard-admin">
      <p className="muted">{SETUP_TEXT.wizard.adminHint}</p>
      <div className="form-grid">
        <Field label={T.auth.officerId} name="admin.officerId" required error={problemOf(problems, 'admin.officerId')}>
          {(c) => (
            <input {...c} list="wizard-officers" value={admin.officerId}
              onChange={(e) => {
                const o = draft.officers.find((x) => x.id === e.target.value.trim());
                set(o ? { officerId: e.target.value, name: o.name, gender: o.gender } : { officerId: e.target.value });
              }} />
          )}
        </Field>
        <datalist id="wizard-officers">{draft.officers.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</datalist>
        <Field label={T.auth.name} name="admin.name" required error={problemOf(problems, 'admin.name')}>
          {(c) => <input {...c} value={listed?.name ?? admin.name} readOnly={listed !== undefined} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <Field label={T.auth.gender} name="admin.gender" required>
          {(c) => (
            <select {...c} value={listed?.gender ?? admin.gender} disabled={listed !== undefined} onChange={(e) => set({ gender: e.target.value as Gender })}>
              {GENDERS.map((g) => <option key={g} value={g}>{GENDER_LABELS[g]}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.auth.password} name="admin.password" required hint={T.auth.passwordRule} error={problemOf(problems, 'admin.password')}>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={admin.password} onChange={(e) => set({ password: e.target.value })} />}
        </Field>
        <Field label={T.auth.passwordAgain} name="admin.again" required error={problemOf(problems, 'admin.again')}>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={admin.again} onChange={(e) => set({ again: e.target.value })} />}
        </Field>
      </div>
    </section>
  );
}
