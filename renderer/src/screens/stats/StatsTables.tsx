// The statistics as tables: every figure of every period, and the alarm totals by rule and by
// room. Each number opens the persons or alarms behind it, like the bars of the charts.
import { ALARM_LABELS } from '../../../../common/alarms.js';
import { T } from '../../../../common/deskText.js';
import { formatDuration } from '../../../../common/format.js';
import type { Stats } from '../../../../common/views.js';
import { drills, spanOf, type Drill, type Span } from './drill.js';
import { FigureButton } from './FigureButton.js';
import { roomTotals, ruleTotals } from './chartOptions.js';

interface Props {
  readonly stats: Stats;
  readonly whole: Span;
  readonly roomName: (id: string) => string;
  readonly onDrill: (d: Drill) => void;
}

const minutes = (m: number | null): string | null => (m === null ? null : formatDuration(m * 60_000));
const alarmCount = (byRule: Stats['buckets'][number]['alarmsByRule']): number => Object.values(byRule).reduce((n: number, v) => n + (v ?? 0), 0);

interface Total { readonly key: string; readonly label: string; readonly count: number; readonly drill: Drill }

/** Alarm counts over the whole range by one key (rule, room); each opens its alarms. */
function TotalsPanel({ title, head, attr, rows, onDrill }: {
  readonly title: string; readonly head: string; readonly attr: 'data-rule' | 'data-room'; readonly rows: readonly Total[]; readonly onDrill: (d: Drill) => void;
}) {
  return (
    <section className="panel">
      <h2>{title}</h2>
      {rows.length === 0 ? <p className="muted">{T.stats.noAlarms}</p> : (
        <table className="data">
          <thead><tr><th>{head}</th><th className="num-col">{T.stats.count}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} {...{ [attr]: r.key }}>
                <td>{r.label}</td>
                <td className="num-col"><FigureButton value={r.count} drill={r.drill} onDrill={onDrill} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function StatsTables({ stats, whole, roomName, onDrill }: Props) {
  const C = T.stats.columns;
  const rules = ruleTotals(stats);
  const rooms = roomTotals(stats);
  return (
    <>
      <section className="panel">
        <h2>{T.stats.table}</h2>
        <table className="data stats-table">
          <thead>
            <tr>
              <th>{C.period}</th><th className="num-col">{C.entries}</th><th className="num-col">{C.exits}</th><th className="num-col">{C.averageStay}</th>
              <th className="num-col">{C.longestStay}</th><th className="num-col">{C.alarms}</th><th className="num-col">{C.breaches}</th><th className="num-col">{C.unrecorded}</th>
            </tr>
          </thead>
          <tbody>
            {stats.buckets.map((b) => {
              const span = spanOf(b, stats.period);
              const stay = drills.stays(span);
              return (
                <tr key={b.start} data-bucket={b.label}>
                  <th scope="row" className="nowrap">{span.label}</th>
                  <td className="num-col"><FigureButton value={b.entries} drill={drills.entries(span)} onDrill={onDrill} /></td>
                  <td className="num-col"><FigureButton value={b.exits} drill={stay} onDrill={onDrill} /></td>
                  <td className="num-col"><FigureButton value={b.averageStayMinutes} drill={stay} onDrill={onDrill}>{minutes(b.averageStayMinutes)}</FigureButton></td>
                  <td className="num-col"><FigureButton value={b.longestStayMinutes} drill={stay} onDrill={onDrill}>{minutes(b.longestStayMinutes)}</FigureButton></td>
                  <td className="num-col"><FigureButton value={alarmCount(b.alarmsByRule)} drill={drills.alarms(span)} onDrill={onDrill} /></td>
                  <td className="num-col"><FigureButton value={b.timeLimitBreaches} drill={drills.breaches(span)} onDrill={onDrill} /></td>
                  <td className="num-col"><FigureButton value={b.unrecordedMinutes} drill={drills.unrecorded(span)} onDrill={onDrill} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <div className="two-columns">
        <TotalsPanel title={T.stats.byRule} head={T.stats.rule} attr="data-rule" onDrill={onDrill}
          rows={rules.map((r) => ({ key: r.rule, label: ALARM_LABELS[r.rule], count: r.count, drill: drills.rule(whole, r.rule) }))} />
        <TotalsPanel title={T.stats.byRoom} head={T.stats.room} attr="data-room" onDrill={onDrill}
          rows={rooms.map((r) => ({ key: r.room, label: roomName(r.room), count: r.count, drill: drills.room(whole, r.room, roomName(r.room)) }))} />
      </div>
    </>
  );
}
