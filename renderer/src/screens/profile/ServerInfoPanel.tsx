// How browsers on the LAN reach this station, and the certificate fingerprint a supervisor
// compares with what their browser shows before signing in.
import { T } from '../../../../common/deskText.js';
import { useCall } from '../../station/useCall.js';

export function ServerInfoPanel() {
  const { data, error } = useCall('serverInfo', {});
  const P = T.profile;
  return (
    <section className="panel server-info">
      <h2>{P.server}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      {data === undefined ? <p>{T.common.loading}</p> : (
        <>
          <dl className="facts">
            <dt>{P.lan}</dt><dd data-server="lan">{data.lan ? P.lanOn : P.lanOff}</dd>
            <dt>{P.urls}</dt>
            <dd>{data.urls.length === 0 ? '—' : <ul className="plain">{data.urls.map((u) => <li key={u} className="mono wrap" data-server="url">{u}</li>)}</ul>}</dd>
            <dt>{P.fingerprint}</dt>
            <dd>{data.fingerprint ? <code className="fingerprint mono" data-server="fingerprint">{data.fingerprint}</code> : P.noFingerprint}</dd>
          </dl>
          {data.fingerprint && <p className="note">{P.fingerprintHint}</p>}
        </>
      )}
    </section>
  );
}
