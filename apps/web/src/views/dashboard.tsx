// Asisten Daerah, Sekda and Bupati: incoming vs resolved per week, overdue by unit, escalations by
// level, IKP zones and a unit's score trend — each within what the caller may see (the APIs scope).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { download, query } from '../api/client';
import type { Escalation, Page, Scoreboard } from '../api/types';
import { Chart } from '../components/chart';
import { Await } from '../components/common';
import { formatDate, formatNumber } from '../format';
import { label, t } from '../i18n';
import { useLive } from '../live';
import { navigate, type Route } from '../router';
import { errorText, unitName, useApi, useApp } from '../session';

interface TicketStats {
  weeks: { week: string; received: number; resolved: number }[];
  overdueByUnit: { unitCode: string; count: number }[];
}

const PERIODS = [4, 8, 12, 26] as const;
const GROUPS = ['I', 'II', 'III'] as const;
const ZONE_COLOURS: Record<string, string> = { hijau: '#2e7d32', kuning: '#f9a825', merah: '#c62828', none: '#9e9e9e' };

/** The last `n` months as YYYY-MM, oldest first, in Jakarta time. */
export function lastMonths(now: Date, n: number): string[] {
  const local = new Date(now.getTime() + 7 * 3600_000);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

function UnitTrend({ unitCode, children }: { unitCode: string; children: ComponentChildren }) {
  const { lang, units } = useApp();
  const months = lastMonths(new Date(), 6);
  const rows = months.map((m) => useApi<{ score: number | null }>(`/ikp/units/${encodeURIComponent(unitCode)}${query({ period: m })}`));
  const values = rows.map((r) => r.data?.score ?? null);
  const name = unitName(units, unitCode);
  return (
    <Chart
      testId="chart-trend"
      title={`${t('dashboard.trend')}: ${name}`}
      option={{
        grid: { left: 40, right: 16, top: 24, bottom: 32 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: [{ type: 'line', name, data: values, connectNulls: true, itemStyle: { color: '#1565c0' } }],
      }}
      table={{ columns: [t('ikp.period'), t('ikp.score')], rows: months.map((m, i) => [m, formatNumber(values[i], lang)]) }}
    >
      {children}
    </Chart>
  );
}

export function DashboardView({ route }: { route: Route }) {
  const { lang, units, toast } = useApp();
  const weeks = Number(route.params.get('weeks') ?? 8) || 8;
  const group = (GROUPS as readonly string[]).includes(route.params.get('group') ?? '') ? (route.params.get('group') as (typeof GROUPS)[number]) : undefined;
  const stats = useApi<TicketStats>(`/tickets/stats${query({ weeks, asdaGroup: group })}`);
  const escalations = useApi<Page<Escalation>>(`/escalations${query({ state: 'raised', pageSize: 100 })}`);
  const board = useApi<Scoreboard>('/ikp/scoreboard');
  useLive(['tickets', 'sla'], () => stats.reload());
  useLive(['escalations'], () => escalations.reload());
  useLive(['ikp'], () => board.reload());
  const inGroup = (unitCode: string) => !group || units.get(unitCode)?.asdaGroup === group;
  const [trendUnit, setTrendUnit] = useState<string | null>(null);

  const exportBoard = async (period: string) => {
    try {
      const url = URL.createObjectURL(await download(`/ikp/rapim/${encodeURIComponent(period)}?format=xlsx`));
      const a = document.createElement('a');
      a.href = url;
      a.download = `ikp-${period}.xlsx`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      toast(errorText(err));
    }
  };

  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>{t('dashboard.period')}
          <select value={String(weeks)} onChange={(e) => navigate('dashboard', { weeks: (e.target as HTMLSelectElement).value, group })}>
            {PERIODS.map((p) => <option key={p} value={String(p)}>{t('dashboard.weeks', { count: p })}</option>)}
          </select>
        </label>
        <label>{t('dashboard.group')}
          <select value={group ?? ''} onChange={(e) => navigate('dashboard', { weeks, group: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('dashboard.allGroups')}</option>
            {GROUPS.map((g) => <option key={g} value={g}>{t('dashboard.groupName', { group: g })}</option>)}
          </select>
        </label>
      </form>
      <div class="charts">
        <Await loaded={stats}>
          {(s) => (
            <>
              <Chart
                testId="chart-incoming"
                title={t('dashboard.incoming')}
                option={{
                  grid: { left: 40, right: 16, top: 40, bottom: 32 },
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  xAxis: { type: 'category', data: s.weeks.map((w) => formatDate(w.week + 'T00:00:00+07:00', lang)) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [
                    { type: 'bar', name: t('dashboard.incomingSeries'), data: s.weeks.map((w) => w.received), itemStyle: { color: '#1565c0' } },
                    { type: 'line', name: t('dashboard.resolvedSeries'), data: s.weeks.map((w) => w.resolved), itemStyle: { color: '#2e7d32' } },
                  ],
                }}
                table={{
                  columns: [t('dashboard.period'), t('dashboard.incomingSeries'), t('dashboard.resolvedSeries')],
                  rows: s.weeks.map((w) => [formatDate(w.week + 'T00:00:00+07:00', lang), w.received, w.resolved]),
                }}
              />
              <Chart
                testId="chart-overdue"
                title={t('dashboard.overdue')}
                option={{
                  grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'value', minInterval: 1 },
                  yAxis: { type: 'category', inverse: true, data: s.overdueByUnit.slice(0, 10).map((o) => units.get(o.unitCode)?.abbr ?? unitName(units, o.unitCode)) },
                  series: [{ type: 'bar', name: t('dashboard.overdueSeries'), data: s.overdueByUnit.slice(0, 10).map((o) => o.count), itemStyle: { color: '#c62828' } }],
                }}
                table={{ columns: [t('ikp.unit'), t('dashboard.overdueSeries')], rows: s.overdueByUnit.map((o) => [unitName(units, o.unitCode), o.count]) }}
              />
            </>
          )}
        </Await>
        <Await loaded={escalations}>
          {(e) => {
            const levels = [1, 2, 3].map((level) => e.items.filter((x) => x.level === level && inGroup(x.unitCode)).length);
            return (
              <Chart
                testId="chart-escalations"
                title={t('dashboard.escalations')}
                option={{
                  grid: { left: 40, right: 16, top: 16, bottom: 32 },
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'category', data: [1, 2, 3].map((l) => t('dashboard.level', { level: l })) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [{ type: 'bar', data: levels, itemStyle: { color: '#6a1b9a' } }],
                }}
                table={{ columns: [t('escalations.level'), t('escalations.title')], rows: levels.map((n, i) => [t('dashboard.level', { level: i + 1 }), n]) }}
              />
            );
          }}
        </Await>
        <Await loaded={board}>
          {(b) => {
            const items = b.items.filter((i) => inGroup(i.unitCode));
            const zones = ['hijau', 'kuning', 'merah', 'none'].map((z) => ({ zone: z, count: items.filter((i) => (i.zone ?? 'none') === z).length }));
            const worst = [...items].filter((i) => i.score !== null).sort((a, b2) => (a.score ?? 0) - (b2.score ?? 0))[0];
            const chosen = trendUnit ?? worst?.unitCode ?? items[0]?.unitCode;
            return (
              <>
                <Chart
                  testId="chart-zones"
                  title={`${t('dashboard.zones')} · ${b.period}`}
                  option={{
                    tooltip: { trigger: 'item' },
                    legend: { bottom: 0 },
                    series: [{ type: 'pie', radius: ['35%', '65%'], data: zones.map((z) => ({ name: label('zone', z.zone), value: z.count, itemStyle: { color: ZONE_COLOURS[z.zone] } })) }],
                  }}
                  table={{ columns: [t('ikp.zone'), t('ikp.unit')], rows: zones.map((z) => [label('zone', z.zone), z.count]) }}
                />
                {chosen && (
                  <UnitTrend key={chosen} unitCode={chosen}>
                    <div class="trend-picker">
                      <label>{t('dashboard.trendUnit')}
                        <select value={chosen} onChange={(e) => setTrendUnit((e.target as HTMLSelectElement).value)}>
                          {items.map((i) => <option key={i.unitCode} value={i.unitCode}>{i.unitName}</option>)}
                        </select>
                      </label>
                      <button type="button" class="secondary" onClick={() => void exportBoard(b.period)}>{t('dashboard.export')}</button>
                    </div>
                  </UnitTrend>
                )}
              </>
            );
          }}
        </Await>
      </div>
    </section>
  );
}
