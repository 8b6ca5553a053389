// The six charts of the statistics, built from the station's answer. Series ids carry what a click
// needs (the rule of a stacked bar); the rooms chart lists rooms in the order `roomTotals` gives.
import { ALARM_LABELS, ALARM_RULES, type AlarmRule } from '../../../../common/alarms.js';
import { T } from '../../../../common/deskText.js';
import type { Stats, StatsBucket } from '../../../../common/views.js';
import type { BarSeries, ChartOption } from '../../widgets/echarts.js';
import type { ChartKey } from './drill.js';

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const COLORS = { brand: '#2c5282', long: '#8aa9cf', bad: '#b71c1c', warn: '#b53d00' } as const;

/** A bar's label on the axis: days and weeks without the year (the range says it), months in full. */
function axisLabel(b: StatsBucket, stats: Stats): string {
  return stats.period === 'month' ? b.label : b.label.slice(5);
}

function base(categories: readonly string[], legend: boolean): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 12 },
    grid: { left: 8, right: 16, top: legend ? 34 : 12, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontFamily: FONT } },
    legend: legend ? { type: 'scroll', top: 0, left: 0, right: 0, textStyle: { fontFamily: FONT } } : { show: false },
    xAxis: { type: 'category', data: [...categories] },
    yAxis: { type: 'value', minInterval: 1 },
  };
}

function bar(id: string, name: string, data: readonly (number | null)[], color?: string, stack?: string): BarSeries {
  return {
    type: 'bar', id, name, data: data.map((v) => (v === null ? '-' : v)), cursor: 'pointer', barMaxWidth: 28,
    ...(color ? { itemStyle: { color } } : {}), ...(stack ? { stack } : {}),
  };
}

/** Rules that occur in the range, in the order of the rule table. */
export function rulesIn(stats: Stats): AlarmRule[] {
  return ALARM_RULES.filter((r) => stats.buckets.some((b) => (b.alarmsByRule[r] ?? 0) > 0));
}

export function ruleTotals(stats: Stats): { readonly rule: AlarmRule; readonly count: number }[] {
  return rulesIn(stats).map((rule) => ({ rule, count: stats.buckets.reduce((n, b) => n + (b.alarmsByRule[rule] ?? 0), 0) }));
}

/** Alarms per room over the whole range, most first. */
export function roomTotals(stats: Stats): { readonly room: string; readonly count: number }[] {
  const totals = new Map<string, number>();
  for (const b of stats.buckets) for (const [room, n] of Object.entries(b.alarmsByRoom)) totals.set(room, (totals.get(room) ?? 0) + n);
  return [...totals].map(([room, count]) => ({ room, count })).sort((a, b) => b.count - a.count || a.room.localeCompare(b.room));
}

export function chartOption(chart: ChartKey, stats: Stats, roomName: (id: string) => string): ChartOption {
  const labels = stats.buckets.map((b) => axisLabel(b, stats));
  const S = T.stats.series;
  switch (chart) {
    case 'entries':
      return { ...base(labels, false), series: [bar('entries', S.entries, stats.buckets.map((b) => b.entries), COLORS.brand)] };
    case 'stay':
      return {
        ...base(labels, true),
        series: [
          bar('averageStay', S.averageStay, stats.buckets.map((b) => b.averageStayMinutes), COLORS.brand),
          bar('longestStay', S.longestStay, stats.buckets.map((b) => b.longestStayMinutes), COLORS.long),
        ],
      };
    case 'rules':
      return { ...base(labels, true), series: rulesIn(stats).map((r) => bar(r, ALARM_LABELS[r], stats.buckets.map((b) => b.alarmsByRule[r] ?? 0), undefined, 'alarms')) };
    case 'rooms': {
      const totals = roomTotals(stats);
      return {
        ...base([], false),
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: totals.map((t) => roomName(t.room)), inverse: true },
        series: [bar('rooms', T.stats.count, totals.map((t) => t.count), COLORS.warn)],
      };
    }
    case 'unrecorded':
      return { ...base(labels, false), yAxis: { type: 'value' }, series: [bar('unrecorded', S.unrecorded, stats.buckets.map((b) => b.unrecordedMinutes), COLORS.bad)] };
    case 'breaches':
      return { ...base(labels, false), series: [bar('breaches', S.breaches, stats.buckets.map((b) => b.timeLimitBreaches), COLORS.bad)] };
  }
}
