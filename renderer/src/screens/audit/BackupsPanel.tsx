// The record's backups with their verification, and — for an administrator — a backup now. The
// station answers 409 when no backup folder is configured; the page says so in those words.
import { useState } from 'react';
import { ApiCallError, mayCall } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import { formatDateTimeSeconds } from '../../../../common/zonedTime.js';
import { useStation } from '../../station/context.js';
import { errorMessage } from '../../station/errors.js';
import { useCall } from '../../station/useCall.js';

type Outcome = { readonly ok: boolean; readonly message: string } | null;

export function BackupsPanel() {
  const { bridge, session, timeZone } = useStation();
  const backups = useCall('backups', {});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const C = T.audit.columns;

  const backupNow = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      const b = await bridge.invoke('backupNow', {});
      setOutcome(b.verified ? { ok: true, message: T.audit.backedUp(b.path) } : { ok: false, message: T.audit.backupFailed(b.error ?? '') });
      await backups.run();
    } catch (err) {
      setOutcome({ ok: false, message: err instanceof ApiCallError && err.status === 409 ? T.audit.noBackupDir : errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel">
      <h2>{T.audit.backups}</h2>
      <p className="muted">{T.audit.backupsIntro}</p>
      {mayCall(session.roles, 'backupNow') && (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void backupNow()}>{busy ? T.audit.backingUp : T.audit.backupNow}</button>
        </div>
      )}
      {outcome && <p className={outcome.ok ? 'note' : 'form-error'} role={outcome.ok ? 'status' : 'alert'} data-backup-outcome>{outcome.message}</p>}
      {backups.error && <p className="form-error" role="alert">{backups.error}</p>}
      {backups.data === undefined ? <p>{T.common.loading}</p> : backups.data.length === 0 ? <p className="muted">{T.audit.noBackups}</p> : (
        <table className="data backups-table">
          <thead><tr><th>{C.at}</th><th>{C.path}</th><th className="num-col">{C.events}</th><th>{C.verified}</th></tr></thead>
          <tbody>
            {backups.data.map((b) => (
              <tr key={`${b.at}-${b.path}`}>
                <td className="nowrap">{formatDateTimeSeconds(b.at, timeZone)}</td>
                <td className="mono wrap">{b.path}</td>
                <td className="num-col">{b.events}</td>
                <td className={b.verified ? 'ok-text' : 'fault-text'}>{b.verified ? `✓ ${T.audit.verified}` : `✗ ${T.audit.failed(b.error ?? '')}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
