// Apache ECharts in a Preact component: the chart is drawn on a canvas (aria-hidden), and the same
// numbers are given as a table for screen readers and keyboard users.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { EChartsOption } from 'echarts';
import { t } from '../i18n';

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

export function Chart({ title, option, table, testId, children }: { title: string; option: EChartsOption; table: ChartTable; testId: string; children?: ComponentChildren }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!holder.current) return;
    let chart: { resize(): void; dispose(): void } | null = null;
    let gone = false;
    const resize = () => chart?.resize();
    // ECharts is loaded with the first chart, so the other screens do not download it.
    void import('echarts').then((echarts) => {
      if (gone || !holder.current) return;
      const c = echarts.init(holder.current, undefined, { renderer: 'canvas' });
      c.setOption({ animation: false, ...option });
      holder.current.dataset.rendered = 'true';
      chart = c;
    });
    window.addEventListener('resize', resize);
    return () => {
      gone = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [JSON.stringify(option)]);
  return (
    <figure class="card chart" data-testid={testId} data-points={table.rows.length}>
      <figcaption><h2>{title}</h2></figcaption>
      {children}
      <div ref={holder} class="chart-canvas" aria-hidden="true" />
      <details>
        <summary>{t('dashboard.table')}</summary>
        <table>
          <thead><tr>{table.columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr></thead>
          <tbody>{table.rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
        </table>
      </details>
    </figure>
  );
}
