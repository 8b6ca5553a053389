// The one place ECharts is assembled: only the chart kinds and components the statistics use,
// drawn as SVG (crisp when printed, and no canvas needed), so the bundle carries no more than that.
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendComponent, TooltipComponent,
  type GridComponentOption, type LegendComponentOption, type TooltipComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;
export type BarSeries = BarSeriesOption;

export { init, getInstanceByDom, type ECharts } from 'echarts/core';
