// Creating or editing an account: the officer it belongs to, its roles, a password (required for a
// new account; left empty to keep the old one), and whether it is disabled.
import { useState, type FormEvent } from 'react';
import type { AccountView } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import { ACCOUNT_ROLE_LABELS } from '../../../../common/messages.js';
import { ROLES, type Role } from '../../../../common/views.js';
import { useStation } from '../../station/context.js';
import { errorMessage } from '../../station/errors.js';
import { Field, FormError } from '../../widgets/Field.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';

interface Props {
  /** The account being edited; null for a new one. */
  readonly editing: AccountView | null;
  /** A new account's officer, when one was just registered for it. */
  readonly officerId?: string | undefined;
  readonly onSaved: (account: string) => void;
  readonly onCancel: () => void;
}

type Problem = { readonly field: 'account' | 'officerId' | 'roles' | 'password' | null; readonly message: string };

export function AccountForm({ editing, officerId: presetOfficer, onSaved, onCancel }: Props) {
  const { bridge, overview } = useStation();
  const [account, setAccount] = useState(editing?.account ?? presetOfficer ?? '');
  const [officerId, setOfficerId] = useState(editing?.officerId ?? presetOfficer ?? '');
  const [roles, setRoles] = useState<Role[]>(editing ? [...editing.roles] : []);
  const [password, setPassword] = useState('');
  const [disabled, setDisabled] = useState(editing?.disabled ?? false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const A = T.accounts;

  const check = (): Problem | null => {
    if (!account.trim()) return { field: 'account', message: A.needAccount };
    if (!officerId) return { field: 'officerId', message: A.needOfficer };
    if (roles.length === 0) return { field: 'roles', message: A.needRole };
    if (!editing && !password) return { field: 'password', message: A.needPassword };
    return null;
  };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const found = check();
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      const r = await bridge.invoke('saveAccount', { account: account.trim(), officerId, roles, disabled, ...(password ? { password } : {}) });
      if (r.ok) onSaved(account.trim());
      else setProblem({ field: null, message: r.message });
    } catch (err) {
      setProblem({ field: null, message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: Problem['field']): string | undefined => (problem?.field === field ? problem.message : undefined);
  const toggle = (role: Role, on: boolean): void => setRoles((rs) => (on ? [...rs, role] : rs.filter((r) => r !== role)));

  return (
    <section className="panel account-form">
      <h2>{editing ? A.editing(editing.account) : A.newAccount}</h2>
      <form noValidate onSubmit={(e) => void save(e)}>
        <div className="form-grid">
          <Field label={A.account} name="account" required hint={editing ? undefined : A.accountHint} error={errorFor('account')}>
            {(c) => <input {...c} value={account} readOnly={editing !== null} autoComplete="off" onChange={(e) => setAccount(e.target.value)} />}
          </Field>
          <Field label={A.officer} name="officerId" required error={errorFor('officerId')}>
            {(c) => <OfficerSelect control={c} officers={overview?.officers ?? []} value={officerId} onChange={setOfficerId} />}
          </Field>
          <Field label={A.password} name="password" required={!editing} hint={editing ? A.passwordKeep : T.auth.passwordRule} error={errorFor('password')}>
            {(c) => <input {...c} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
        </div>
        <FieldGroup legend={A.roles} name="roles" error={errorFor('roles')}>
          <div className="checklist">
            {ROLES.map((r) => (
              <label key={r} className="check">
                <input type="checkbox" checked={roles.includes(r)} onChange={(e) => toggle(r, e.target.checked)} /> {ACCOUNT_ROLE_LABELS[r]}
              </label>
            ))}
          </div>
        </FieldGroup>
        <label className="check"><input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} /> {A.disable}</label>
        <FormError message={problem?.field === null ? problem.message : undefined} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? T.common.busy : A.save}</button>
          {editing && <button type="button" onClick={onCancel}>{A.cancelEdit}</button>}
        </div>
      </form>
    </section>
  );
}
