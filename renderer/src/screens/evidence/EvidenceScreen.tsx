// 讯（询）问同步录音录像情况说明 of an export, shown in the app from the export's manifest (checked
// against the record's hash of it): the same facts as the printed summary.html that goes with the
// files, to read or print here.
import { gapReasonText, R, sessionKindText } from '../../../../common/recordingText.js';
import { evidenceFileUrl } from '../../../../common/recordings.js';
import { formatDateTimeSeconds, formatSpan } from '../../../../common/zonedTime.js';
import { routeHref } from '../../router/route.js';
import { useQuery } from '../../station/useQuery.js';

export function EvidenceScreen({ id }: { readonly id: string }) {
  const { data: m, error } = useQuery('evidenceSummary', { exportId: id });
  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!m) return <p>{R.playback.loading}</p>;
  const S = R.summary;
  const t = (ms: number): string => formatDateTimeSeconds(ms, m.timeZone);
  const s = m.session;
  const by = m.exportedBy.via === 'desk' ? `${m.exportedBy.name ?? ''}（${m.exportedBy.account ?? ''}）` : `${R.evidence.via.cli}（${m.exportedBy.osUser ?? ''}）`;
  return (
    <div className="evidence-summary report-sheet">
      <div className="screen-head no-print">
        <a href={routeHref({ name: 'session', id: s.id })}>{R.session.open}</a>
        <a className="button" href={evidenceFileUrl(m.exportId, 'summary.html')} download>summary.html</a>
        <button type="button" onClick={() => window.print()}>{S.print}</button>
      </div>
      <h1>{S.title}</h1>
      <table className="data summary-table">
        <tbody>
          <tr><th>{S.area}</th><td>{m.area?.name ?? S.none}</td></tr>
          <tr><th>{S.room}</th><td>{s.room.name}</td></tr>
          <tr><th>{S.person}</th><td>{s.person.name}（{s.person.id}）</td></tr>
          <tr><th>{S.caseNo}</th><td>{s.person.caseNo ?? S.none}</td></tr>
          <tr><th>{S.kind}</th><td>{sessionKindText(s.kind)}</td></tr>
          <tr><th>{S.officers}</th><td>{s.officers.map((o) => o.name).join('、') || S.none}</td></tr>
          <tr><th>{S.adults}</th><td>{s.appropriateAdults.join('、') || S.none}</td></tr>
          <tr><th>{S.start}</th><td>{t(s.startedAt)}</td></tr>
          <tr><th>{S.end}</th><td>{t(s.endedAt)}</td></tr>
          <tr><th>{S.duration}</th><td>{formatSpan(s.endedAt - s.startedAt)}</td></tr>
        </tbody>
      </table>
      {m.cameras.map((c) => {
        const file = m.files.find((f) => f.name === c.file);
        return (
          <section key={c.camera} data-summary-camera={c.camera}>
            <h2>{S.camera} {c.camera}</h2>
            <table className="data summary-table">
              <tbody>
                <tr><th>{S.file}</th><td>{c.file ?? S.none}</td></tr>
                {file && <tr><th>{S.fileHash}</th><td className="mono">{file.sha256}</td></tr>}
              </tbody>
            </table>
            <table className="data">
              <thead><tr><th>#</th><th>{S.segmentRange}</th><th>{S.segmentHash}</th></tr></thead>
              <tbody>{c.segments.map((g) => <tr key={g.seq}><td>{g.seq}</td><td>{t(g.startedAt)} – {t(g.endedAt)}</td><td className="mono">{g.sha256}</td></tr>)}</tbody>
            </table>
            <h3>{S.gaps}</h3>
            {c.gaps.length === 0 ? <p>{S.noGaps}</p> : (
              <ul className="plain">{c.gaps.map((g) => <li key={g.from}>{t(g.from)} – {t(g.to)}（{formatSpan(g.to - g.from)}）：{gapReasonText(g.reason)}</li>)}</ul>
            )}
            {c.changed.length > 0 && (
              <>
                <h3>{S.changed}</h3>
                <ul className="plain form-error">{c.changed.map((g) => <li key={g.seq}>#{g.seq} {t(g.startedAt)} – {t(g.endedAt)} <span className="mono">{R.playback.hashes(g.expected, g.found ?? S.none)}</span></li>)}</ul>
              </>
            )}
          </section>
        );
      })}
      <h2>{S.record}</h2>
      <table className="data summary-table">
        <tbody>
          <tr><th>{S.record}</th><td className="mono">#{m.recordHead.seq} {m.recordHead.hash}</td></tr>
          <tr><th>{S.exportedAt}</th><td>{t(m.exportedAt)}</td></tr>
          <tr><th>{S.exportedBy}</th><td>{by}</td></tr>
        </tbody>
      </table>
      <p>{S.statement}</p>
      <p className="sign-line"><span>{S.sign}</span><span>{S.date}</span></p>
    </div>
  );
}
