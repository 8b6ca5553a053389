// 账户管理 (administrators): the accounts with their roles and state, creating and editing one,
// and registering the officer a new account belongs to.
import { useState } from 'react';
import type { AccountView } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import { ACCOUNT_ROLE_LABELS } from '../../../../common/messages.js';
import { useStation } from '../../station/context.js';
import { useCall } from '../../station/useCall.js';
import { AccountForm } from './AccountForm.js';
import { OfficerRegisterForm } from './OfficerRegisterForm.js';

type Draft = { readonly editing: AccountView | null; readonly officerId?: string; readonly serial: number };

function statusOf(a: AccountView): string {
  if (a.disabled) return T.accounts.disabled;
  if (a.locked) return T.accounts.locked;
  return T.accounts.active;
}

export function AccountsScreen() {
  const { names } = useStation();
  const accounts = useCall('accounts', {});
  const [draft, setDraft] = useState<Draft>({ editing: null, serial: 0 });
  const [saved, setSaved] = useState<string | null>(null);
  const A = T.accounts;

  const fresh = (patch: Omit<Draft, 'serial'>): void => setDraft((d) => ({ ...patch, serial: d.serial + 1 }));
  const onSaved = (account: string): void => {
    setSaved(A.saved(account));
    fresh({ editing: null });
    void accounts.run();
  };

  return (
    <div className="accounts-screen">
      <div className="screen-head"><h1>{A.title}</h1></div>
      <div className="two-columns">
        <section className="panel">
          <h2>{A.list}</h2>
          {saved && <p className="note" role="status">{saved}</p>}
          {accounts.error && <p className="form-error" role="alert">{accounts.error}</p>}
          {accounts.data === undefined ? <p>{T.common.loading}</p> : accounts.data.length === 0 ? <p className="muted">{A.none}</p> : (
            <table className="data accounts-table">
              <thead><tr><th>{A.account}</th><th>{A.officer}</th><th>{A.roles}</th><th>{A.status}</th><th /></tr></thead>
              <tbody>
                {accounts.data.map((a) => (
                  <tr key={a.account} data-account={a.account} className={a.disabled ? 'row-past' : ''}>
                    <td className="mono">{a.account}</td>
                    <td className="wrap">{T.common.officerWithId(a.name || names.officer(a.officerId), a.officerId)}</td>
                    <td className="wrap">{a.roles.map((r) => ACCOUNT_ROLE_LABELS[r]).join('、')}</td>
                    <td className={a.locked || a.disabled ? 'fault-text' : ''}>{statusOf(a)}</td>
                    <td>
                      <button type="button" className="small" aria-label={`${A.edit} ${a.account}`} onClick={() => { setSaved(null); fresh({ editing: a }); }}>{A.edit}</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <div>
          <AccountForm key={draft.serial} editing={draft.editing} officerId={draft.officerId} onSaved={onSaved} onCancel={() => fresh({ editing: null })} />
          <OfficerRegisterForm onRegistered={(officerId) => { if (!draft.editing) fresh({ editing: null, officerId }); }} />
        </div>
      </div>
    </div>
  );
}
