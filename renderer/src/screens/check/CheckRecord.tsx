// A recorded security check, as read back from the record.
import { T } from '../../../../common/deskText.js';
import type { SecurityCheckView } from '../../../../common/views.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { readFindings } from '../../format/findings.js';
import { useStation } from '../../station/context.js';

export function CheckRecord({ check }: { readonly check: SecurityCheckView }) {
  const { names, timeZone } = useStation();
  const f = readFindings(check.findings);
  return (
    <dl className="facts" data-check-seq={check.seq}>
      <dt>{T.check.checkers}</dt><dd>{T.check.checkedBy(check.checkers.map((c) => names.officer(c)).join('、'), check.doctor)}</dd>
      <dt>{T.check.time}</dt>
      <dd>{f.startedAt !== null ? `${formatDateTime(f.startedAt, timeZone)} — ` : ''}{formatDateTime(check.at, timeZone)}</dd>
      {f.witness && <><dt>{T.check.witness}</dt><dd>{f.witness}</dd></>}
      <dt>{T.check.illness}</dt><dd>{f.illness || T.common.none}</dd>
      <dt>{T.check.infectious}</dt><dd>{f.infectious === null ? '—' : f.infectious ? T.common.yes : T.common.no}</dd>
      <dt>{T.check.alcohol}</dt><dd>{f.alcohol ? T.check.alcoholValues[f.alcohol] : '—'}</dd>
      <dt>{T.check.injuries}</dt>
      <dd>{f.injuries.length === 0 ? T.check.noInjuries : f.injuries.map((i) => `${i.location}：${i.description}`).join('；')}</dd>
      <dt>{T.check.dangerous}</dt>
      <dd>{f.dangerousItems.length === 0 ? T.check.noDangerous : f.dangerousItems.map((d) => (d.handling ? `${d.name}（${d.handling}）` : d.name)).join('；')}</dd>
      {f.bodyCheck && <><dt>{T.check.body}</dt><dd>{f.bodyCheck}</dd></>}
    </dl>
  );
}
