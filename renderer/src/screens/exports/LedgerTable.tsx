// The lines of 《涉案人员进出办案区登记台账》, the same columns as its CSV.
import { T } from '../../../../common/deskText.js';
import { formatDuration } from '../../../../common/format.js';
import { BASIS_LABELS, DESTINATION_LABELS, GENDER_LABELS, ROLE_LABELS } from '../../../../common/messages.js';
import type { LedgerRow } from '../../../../common/views.js';
import { CORRECTION_FIELD_LABELS } from '../../../../common/messages.js';
import { CorrectedMark } from '../../widgets/CorrectedMark.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { routeHref } from '../../router/route.js';
import type { Names } from '../../station/names.js';

interface Props {
  readonly rows: readonly LedgerRow[];
  readonly names: Names;
  readonly timeZone: string;
  /** The station's time, for the stay of someone still in the area. */
  readonly now: number;
}

export function LedgerTable({ rows, names, timeZone, now }: Props) {
  const C = T.ledger.columns;
  return (
    <table className="form-table grid report-table ledger-table">
      <thead>
        <tr>
          <th className="col-no">{C.no}</th><th>{C.name}</th><th className="col-narrow">{C.gender}</th><th>{C.birth}</th><th className="col-id">{C.idNumber}</th>
          <th>{C.role}</th><th>{C.caseNo}</th><th>{C.basis}</th><th>{C.officers}</th><th>{C.entered}</th><th>{C.exited}</th>
          <th>{C.stay}</th><th>{C.destination}</th><th className="col-narrow">{C.alarms}</th><th className="col-narrow">{C.corrected}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.personId} data-person={r.personId}>
            <td>{r.no}</td>
            <td>
              <span data-ledger="name">{r.name}</span><CorrectedMark field="name" corrected={r.corrected} />
              <a className="no-print row-link" href={routeHref({ name: 'form', id: r.personId })}>{T.ledger.form}</a>
            </td>
            <td>{GENDER_LABELS[r.gender]}<CorrectedMark field="gender" corrected={r.corrected} /></td>
            <td>{r.birthDate}<CorrectedMark field="birthDate" corrected={r.corrected} /></td>
            <td className="mono">{r.idNumber ?? ''}<CorrectedMark field="idNumber" corrected={r.corrected} /></td>
            <td>{ROLE_LABELS[r.role]}<CorrectedMark field="role" corrected={r.corrected} /></td>
            <td className="mono">{r.caseNo ?? ''}<CorrectedMark field="caseNo" corrected={r.corrected} /></td>
            <td>{r.basis ? BASIS_LABELS[r.basis] : ''}<CorrectedMark field="basis" corrected={r.corrected} /></td>
            <td>{r.officers.map((o) => names.officer(o)).join('、')}</td>
            <td>{formatDateTime(r.enteredAt, timeZone)}</td>
            <td>{r.exitedAt === null ? '' : formatDateTime(r.exitedAt, timeZone)}</td>
            <td>{formatDuration((r.exitedAt ?? now) - r.enteredAt)}{r.exitedAt === null ? T.ledger.stillIn : ''}</td>
            <td>{r.destination ? DESTINATION_LABELS[r.destination] : ''}</td>
            <td>{r.alarms}</td>
            <td data-ledger="corrected">{r.corrected.map((f) => CORRECTION_FIELD_LABELS[f]).join('、')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
