// One chart. The option is replaced whole on every change (the statistics rebuild it from the
// answer); a click on a data item is reported with its series and index so the caller can open
// what lies behind it.
import { useEffect, useRef } from 'react';
import { init, type ChartOption, type ECharts } from './echarts.js';

export interface ChartClick { readonly seriesId: string | undefined; readonly dataIndex: number }

interface Props {
  readonly option: ChartOption;
  /** What the chart shows, for screen readers (the table under the charts has the same figures). */
  readonly label: string;
  readonly height: number;
  readonly onClick?: (click: ChartClick) => void;
}

export function EChart({ option, label, height, onClick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);

  useEffect(() => { click.current = onClick; }, [onClick]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, null, { renderer: 'svg', height });
    chart.current = c;
    c.on('click', (p) => {
      if (p.componentType === 'series' && typeof p.dataIndex === 'number') click.current?.({ seriesId: p.seriesId ?? undefined, dataIndex: p.dataIndex });
    });
    // The grid of charts reflows with the window; each chart follows its box.
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => c.resize());
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, height]);

  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} />;
}
