// What lies behind a figure of the statistics, as the query that lists it: the persons who entered
// or left in a period, or the alarms of a period (of one rule, of one room). A chart's bar and the
// table's number open the same list.
import { ALARM_LABELS, ALARM_RULES, type AlarmRule } from '../../../../common/alarms.js';
import type { ApiArg } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import type { StatsBucket, StatsPeriod } from '../../../../common/views.js';
import type { ChartClick } from '../../widgets/EChart.js';

/** Rows a drill-down lists at most (the most recent first). */
export const DRILL_LIMIT = 1000;

/** A stretch of time with its name: one period of the statistics, or the whole range. */
export interface Span { readonly start: number; readonly end: number; readonly label: string }

export type Drill =
  | { readonly kind: 'persons'; readonly title: string; readonly arg: ApiArg<'persons'> }
  | {
    readonly kind: 'alarms'; readonly title: string; readonly arg: ApiArg<'alarms'>;
    /** Alarms counted by how long they overlap the span (unrecorded minutes): kept when still open after this instant. */
    readonly openAfter?: number;
  };

export function spanOf(bucket: StatsBucket, period: StatsPeriod): Span {
  return { start: bucket.start, end: bucket.end, label: period === 'week' ? T.stats.weekOf(bucket.label) : bucket.label };
}

export const drills = {
  entries: (s: Span): Drill => ({ kind: 'persons', title: T.stats.drill.entries(s.label), arg: { status: 'all', from: s.start, to: s.end, limit: DRILL_LIMIT } }),
  /** Stays are counted for the persons who left in the period. */
  stays: (s: Span): Drill => ({ kind: 'persons', title: T.stats.drill.stays(s.label), arg: { status: 'exited', exitedFrom: s.start, exitedTo: s.end, limit: DRILL_LIMIT } }),
  alarms: (s: Span): Drill => ({ kind: 'alarms', title: T.stats.drill.alarms(s.label), arg: { from: s.start, to: s.end, limit: DRILL_LIMIT } }),
  rule: (s: Span, rule: AlarmRule): Drill => ({ kind: 'alarms', title: T.stats.drill.rule(s.label, ALARM_LABELS[rule]), arg: { rule, from: s.start, to: s.end, limit: DRILL_LIMIT } }),
  room: (s: Span, room: string, roomName: string): Drill => ({ kind: 'alarms', title: T.stats.drill.room(s.label, roomName), arg: { room, from: s.start, to: s.end, limit: DRILL_LIMIT } }),
  breaches: (s: Span): Drill => ({ kind: 'alarms', title: T.stats.drill.breaches(s.label), arg: { rule: 'time_limit_exceeded', from: s.start, to: s.end, limit: DRILL_LIMIT } }),
  /** The minutes count every unrecorded-interrogation alarm that overlaps the period, including one raised before it. */
  unrecorded: (s: Span): Drill => ({
    kind: 'alarms', title: T.stats.drill.unrecorded(s.label), arg: { rule: 'unrecorded_interrogation', to: s.end, limit: DRILL_LIMIT }, openAfter: s.start,
  }),
};

export type ChartKey = 'entries' | 'stay' | 'rules' | 'rooms' | 'unrecorded' | 'breaches';

export interface DrillContext {
  readonly period: StatsPeriod;
  readonly buckets: readonly StatsBucket[];
  readonly whole: Span;
  /** The rooms in the order the rooms chart draws them. */
  readonly rooms: readonly { readonly id: string; readonly name: string }[];
}

const isRule = (s: string | undefined): s is AlarmRule => (ALARM_RULES as readonly string[]).includes(s ?? '');

/** The list behind a clicked bar; null when the click was not on one. */
export function drillFromChart(chart: ChartKey, click: ChartClick, ctx: DrillContext): Drill | null {
  if (chart === 'rooms') {
    const room = ctx.rooms[click.dataIndex];
    return room ? drills.room(ctx.whole, room.id, room.name) : null;
  }
  const bucket = ctx.buckets[click.dataIndex];
  if (!bucket) return null;
  const span = spanOf(bucket, ctx.period);
  switch (chart) {
    case 'entries': return drills.entries(span);
    case 'stay': return drills.stays(span);
    case 'rules': return isRule(click.seriesId) ? drills.rule(span, click.seriesId) : drills.alarms(span);
    case 'unrecorded': return drills.unrecorded(span);
    case 'breaches': return drills.breaches(span);
  }
}
