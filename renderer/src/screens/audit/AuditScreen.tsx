// 审计核验: the whole record's hash chain verified on the station, and the backups of it.
import { T } from '../../../../common/deskText.js';
import { useStation } from '../../station/context.js';
import { useCall } from '../../station/useCall.js';
import { BackupsPanel } from './BackupsPanel.js';
import { ChainResult } from './ChainResult.js';

export function AuditScreen() {
  const { timeZone } = useStation();
  const audit = useCall('audit', {});
  return (
    <div className="audit-screen">
      <div className="screen-head"><h1>{T.audit.title}</h1></div>
      <section className="panel">
        <h2>{T.audit.chain}</h2>
        <p className="muted">{T.audit.intro}</p>
        <div className="actions">
          <button type="button" disabled={audit.busy} onClick={() => void audit.run()}>{audit.busy ? T.audit.verifying : T.audit.verify}</button>
        </div>
        {audit.error && <p className="form-error" role="alert">{audit.error}</p>}
        {audit.data && <ChainResult result={audit.data} timeZone={timeZone} />}
      </section>
      <BackupsPanel />
    </div>
  );
}
