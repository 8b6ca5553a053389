// The persons or alarms behind a figure of the statistics, in a dialog over the charts.
import type { ApiArg } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import { formatDuration } from '../../../../common/format.js';
import { DESTINATION_LABELS, ROLE_SHORT_LABELS } from '../../../../common/messages.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useQuery } from '../../station/useQuery.js';
import { usePastNames } from '../../station/usePastNames.js';
import { AlarmHistoryTable } from '../../widgets/AlarmHistoryTable.js';
import { Modal } from '../../widgets/Modal.js';
import { DRILL_LIMIT, type Drill } from './drill.js';

function Count({ n }: { readonly n: number }) {
  return <p className="muted" data-drill-count={n}>{T.stats.rows(n)}{n >= DRILL_LIMIT ? ` · ${T.stats.truncated(DRILL_LIMIT)}` : ''}</p>;
}

function PersonsDrill({ arg }: { readonly arg: ApiArg<'persons'> }) {
  const { timeZone } = useStation();
  const { data, error } = useQuery('persons', arg);
  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!data) return <p>{T.common.loading}</p>;
  if (data.length === 0) return <p className="muted">{T.stats.none}</p>;
  const P = T.persons;
  return (
    <>
      <Count n={data.length} />
      <table className="data drill-table">
        <thead>
          <tr><th>{P.name}</th><th>{P.id}</th><th>{P.role}</th><th>{P.entered}</th><th>{P.exited}</th><th>{T.stats.stay}</th><th>{T.person.destination}</th><th /></tr>
        </thead>
        <tbody>
          {data.map((p) => (
            <tr key={p.id} data-person={p.id}>
              <td className="wrap"><a href={routeHref({ name: 'person', id: p.id })}>{p.name}</a></td>
              <td className="mono nowrap">{p.id}</td>
              <td>{ROLE_SHORT_LABELS[p.role]}</td>
              <td className="nowrap">{formatDateTime(p.enteredAt, timeZone)}</td>
              <td className="nowrap">{p.exitedAt === null ? '' : formatDateTime(p.exitedAt, timeZone)}</td>
              <td className="nowrap">{p.exitedAt === null ? '' : formatDuration(p.exitedAt - p.enteredAt)}</td>
              <td>{p.destination ? DESTINATION_LABELS[p.destination] : ''}</td>
              <td className="nowrap"><a href={routeHref({ name: 'form', id: p.id })}>{P.form}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function AlarmsDrill({ arg, openAfter }: { readonly arg: ApiArg<'alarms'>; readonly openAfter: number | undefined }) {
  const { timeZone, overview } = useStation();
  const { data, error } = useQuery('alarms', arg);
  const names = usePastNames(arg.from ?? openAfter, arg.to ?? overview?.now ?? 0);
  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!data) return <p>{T.common.loading}</p>;
  const now = overview?.now ?? Date.now();
  const shown = openAfter === undefined ? data : data.filter((a) => (a.resolvedAt ?? now) > openAfter);
  if (shown.length === 0) return <p className="muted">{T.stats.none}</p>;
  return (
    <>
      <Count n={shown.length} />
      <AlarmHistoryTable alarms={shown} names={names} timeZone={timeZone} className="drill-table" />
    </>
  );
}

export function DrillDialog({ drill, onClose }: { readonly drill: Drill; readonly onClose: () => void }) {
  return (
    <Modal title={drill.title} onClose={onClose} wide>
      <div className="drill-body" data-drill={drill.kind}>
        {drill.kind === 'persons' ? <PersonsDrill arg={drill.arg} /> : <AlarmsDrill arg={drill.arg} openAfter={drill.openAfter} />}
      </div>
      <div className="actions">
        <button type="button" data-autofocus onClick={onClose}>{T.common.close}</button>
      </div>
    </Modal>
  );
}
