// The outcome of verifying the whole hash chain: intact, with the count and the head hash; or
// broken, in red, with the first event that does not check out and why.
import { T } from '../../../../common/deskText.js';
import type { AuditResult } from '../../../../common/views.js';
import { formatDateTimeSeconds } from '../../../../common/zonedTime.js';

export function ChainResult({ result, timeZone }: { readonly result: AuditResult; readonly timeZone: string }) {
  const checked = formatDateTimeSeconds(result.checkedAt, timeZone);
  if (result.ok) {
    return (
      <div className="audit-result audit-ok" data-audit="ok" role="status">
        <p className="audit-verdict">✓ {T.audit.ok}：{T.audit.okText(result.events)}</p>
        <dl className="facts">
          <dt>{T.audit.events}</dt><dd>{result.events}</dd>
          <dt>{T.audit.head}</dt><dd className="mono wrap" data-audit-head>{result.headHash}</dd>
          <dt>{T.audit.checkedAt}</dt><dd>{checked}</dd>
        </dl>
      </div>
    );
  }
  return (
    <div className="audit-result audit-broken" data-audit="broken" role="alert">
      <p className="audit-verdict">✗ {T.audit.broken}：{T.audit.brokenText(result.brokenSeq)}</p>
      <dl className="facts">
        <dt>{T.audit.brokenSeq}</dt><dd className="mono" data-audit-broken-seq>{result.brokenSeq}</dd>
        <dt>{T.audit.problem}</dt><dd data-audit-problem>{result.problem}</dd>
        <dt>{T.audit.events}</dt><dd>{result.events}</dd>
        <dt>{T.audit.checkedAt}</dt><dd>{checked}</dd>
      </dl>
    </div>
  );
}
