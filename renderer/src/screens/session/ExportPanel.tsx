// 证据导出 of a finished session from its page: the export is written on the station (one MP4 per
// camera, the manifest, the printable summary), put on the record, and listed here with its files
// to download and its summary to read.
import { useState } from 'react';
import { R } from '../../../../common/recordingText.js';
import { evidenceFileUrl, type SessionRecording } from '../../../../common/recordings.js';
import { formatDateTimeSeconds } from '../../../../common/zonedTime.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { errorMessage } from '../../station/errors.js';
import { useMediaAccess } from '../../station/useMediaAccess.js';

export function ExportPanel({ rec }: { readonly rec: SessionRecording }) {
  const { bridge, names, timeZone } = useStation();
  const access = useMediaAccess();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const running = rec.session.endedAt === null;

  const run = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      const made = await bridge.invoke('exportEvidence', { sessionId: rec.session.id });
      setOutcome({ ok: true, text: R.evidence.done(made.dir ?? '') });
    } catch (err) {
      setOutcome({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel export-panel">
      <h2>{R.evidence.title}</h2>
      {access.exportEvidence && (
        <>
          <p className="muted">{R.evidence.intro}</p>
          {running ? <p className="note">{R.evidence.running}</p> : (
            <div className="actions">
              <button type="button" className="primary" disabled={busy} onClick={() => void run()}>{busy ? R.evidence.busy : R.evidence.button}</button>
            </div>
          )}
          {outcome && <p className={outcome.ok ? 'note' : 'form-error'} role={outcome.ok ? 'status' : 'alert'} data-export-outcome={outcome.ok ? 'ok' : 'failed'}>{outcome.text}</p>}
        </>
      )}
      <h3>{R.evidence.history}</h3>
      {rec.exports.length === 0 ? <p className="muted">{R.evidence.none}</p> : (
        <ul className="plain export-list">
          {rec.exports.map((e) => (
            <li key={e.exportId} data-export={e.exportId}>
              <p>
                <strong>{formatDateTimeSeconds(e.at, timeZone)}</strong> · {e.via === 'desk' ? names.officer(e.by) : R.evidence.via.cli}
                {access.exportEvidence && <> · <a href={routeHref({ name: 'evidence', id: e.exportId })}>{R.evidence.summary}</a></>}
              </p>
              <p className="mono small-text">{R.evidence.manifest} {e.manifestSha256}</p>
              {access.exportEvidence && e.dir && (
                <p className="export-files">
                  {e.files.map((f) => <a key={f.name} href={evidenceFileUrl(e.exportId, f.name)} download>{f.name}</a>)}
                </p>
              )}
              {e.dir && <p className="muted small-text">{R.evidence.verifyHint(e.dir)}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
