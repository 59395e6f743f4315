// The LAPOR admin's triage queue: each complaint with routing's suggestions (unit names,
// confidence, the words that carried them), one-click or bulk disposition.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, query } from '../api/client';
import type { Page, TicketDetail, TicketSummary } from '../api/types';
import { Await, Pager } from '../components/common';
import { formatDateTime, formatPercent } from '../format';
import { t } from '../i18n';
import { useLive } from '../live';
import { href, navigate, type Route } from '../router';
import { errorText, unitName, useApi, useApp } from '../session';

interface RoutingDecisions {
  decisions: { suggestions?: { unitCode: string; confidence: number; words?: string[] }[] }[];
}

/**
 * A ticket's detail (version, text) with routing's latest suggestions, which also say the words that
 * carried each one (the ticket id is the complaint id routing knows); desk's own suggestions otherwise.
 */
async function triageDetail(id: string): Promise<TicketDetail | null> {
  const [detail, routing] = await Promise.all([
    api<TicketDetail>(`/tickets/${id}`).catch(() => null),
    api<RoutingDecisions>(`/routing/complaints/${id}/decisions`).catch(() => null),
  ]);
  const latest = routing?.decisions.at(-1)?.suggestions;
  if (!detail || !latest?.length) return detail;
  const suggestions = latest.map((x) => ({ unitCode: x.unitCode, score: x.confidence, words: x.words }));
  return { ...detail, triage: { reason: detail.triage?.reason ?? null, suggestions } };
}

/** Details of the listed tickets (suggestions and version), fetched alongside the page. */
function useDetails(items: readonly TicketSummary[] | undefined): Map<string, TicketDetail> {
  const [details, setDetails] = useState(new Map<string, TicketDetail>());
  const key = (items ?? []).map((i) => `${i.id}:${i.version}`).join(',');
  useEffect(() => {
    let live = true;
    void Promise.all((items ?? []).map((i) => triageDetail(i.id))).then((all) => {
      if (live) setDetails(new Map(all.filter((d): d is TicketDetail => d !== null).map((d) => [d.id, d])));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return details;
}

export function TriageView({ route }: { route: Route }) {
  const { lang, units, toast } = useApp();
  const page = Number(route.params.get('page') ?? 1) || 1;
  const list = useApi<Page<TicketSummary>>(`/tickets${query({ status: ['triage'], page, pageSize: 20 })}`);
  const details = useDetails(list.data?.items);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Rows must not move under the admin's hand while they pick: live reloads wait until nothing is selected.
  const picking = useRef(false);
  picking.current = selected.size > 0;
  useLive(['tickets', 'complaints'], () => picking.current || list.reload());
  const [target, setTarget] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const dispose = async (ids: string[], unitFor: (d: TicketDetail) => string | undefined) => {
    let ok = 0;
    let failed = 0;
    setProgress({ done: 0, total: ids.length });
    for (const id of ids) {
      const d = details.get(id);
      const unitCode = d && unitFor(d);
      try {
        if (!d || !unitCode) throw new Error('no unit');
        await api(`/tickets/${id}/disposition`, { method: 'POST', body: { unitCode }, version: d.version });
        ok++;
      } catch (err) {
        failed++;
        if (ids.length === 1) toast(err instanceof ApiError && err.status === 409 ? t('app.conflict') : errorText(err));
      }
      setProgress({ done: ok + failed, total: ids.length });
    }
    toast(t('triage.result', { ok, failed }));
    setSelected(new Set());
    setProgress(null);
    list.reload();
  };
  const top = (d: TicketDetail) => d.triage?.suggestions[0]?.unitCode;

  return (
    <section>
      <h1>{t('triage.title')}</h1>
      <Await loaded={list}>
        {(data) => data.items.length === 0 ? <p class="muted">{t('triage.empty')}</p> : (
          <>
            <div class="card bulk" role="group" aria-label={t('triage.bulkTo')}>
              <label class="inline">
                <input type="checkbox" checked={selected.size === data.items.length} onChange={(e) => setSelected((e.target as HTMLInputElement).checked ? new Set(data.items.map((i) => i.id)) : new Set())} />
                {t('triage.selectAll')}
              </label>
              <button type="button" class="primary" disabled={selected.size === 0 || progress !== null} onClick={() => void dispose([...selected], top)}>
                {t('triage.bulk', { count: selected.size })}
              </button>
              <label>{t('triage.bulkTo')}
                <select value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
                  <option value="">{t('triage.pick')}</option>
                  {[...units.values()].map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
                </select>
              </label>
              <button type="button" class="secondary" disabled={selected.size === 0 || !target || progress !== null} onClick={() => void dispose([...selected], () => target)}>
                {t('triage.bulkToAction', { count: selected.size })}
              </button>
              {progress && (
                <label>{t('triage.progress', progress)}<progress max={progress.total} value={progress.done} /></label>
              )}
            </div>
            <ul class="ticket-list">
              {data.items.map((item) => {
                const d = details.get(item.id);
                const suggestions = d?.triage?.suggestions ?? [];
                return (
                  <li key={item.id} class="card triage-row" data-testid="triage-row">
                    <label class="inline">
                      <input type="checkbox" checked={selected.has(item.id)} onChange={(e) => {
                        const next = new Set(selected);
                        if ((e.target as HTMLInputElement).checked) next.add(item.id);
                        else next.delete(item.id);
                        setSelected(next);
                      }} />
                      <span class="visually-hidden">{t('triage.select', { id: item.trackingId })}</span>
                    </label>
                    <div class="grow">
                      <a href={href(`tickets/${item.id}`)}><span class="tracking">{item.trackingId}</span> <strong data-user-content>{item.title}</strong></a>
                      <p class="muted">{formatDateTime(item.receivedAt, lang)}</p>
                      {d && <p class="complaint-text clamp" data-user-content>{d.text}</p>}
                      {suggestions.length === 0 ? <p class="muted">{t('triage.noSuggestion')}</p> : (
                        <ol class="suggestions">
                          {suggestions.slice(0, 3).map((s) => (
                            <li key={s.unitCode}>
                              <button type="button" class="secondary suggestion" disabled={progress !== null} onClick={() => void dispose([item.id], () => s.unitCode)}>
                                {unitName(units, s.unitCode)}
                              </button>{' '}
                              <span class="muted">{t('suggestion.confidence', { pct: formatPercent(s.score, lang) })}</span>
                              {s.words && s.words.length > 0 && <span class="muted"> · {t('suggestion.words', { words: s.words.join(', ') })}</span>}
                            </li>
                          ))}
                        </ol>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} go={(p) => navigate('triage', { page: p })} />
          </>
        )}
      </Await>
    </section>
  );
}
