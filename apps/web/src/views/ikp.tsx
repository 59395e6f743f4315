import { api, query } from '../api/client';
import type { Instruction, Scoreboard } from '../api/types';
import { Await, TableWrap } from '../components/common';
import { formatDateTime, formatNumber } from '../format';
import { label, t } from '../i18n';
import { useLive } from '../live';
import { navigate, type Route } from '../router';
import { errorText, useApi, useApp } from '../session';

export function IkpView({ route }: { route: Route }) {
  const { lang, toast } = useApp();
  const period = route.params.get('period') ?? '';
  const board = useApi<Scoreboard>(`/ikp/scoreboard${query({ period })}`);
  const instructions = useApi<{ items: Instruction[] }>('/ikp/instructions');
  useLive(['ikp'], () => (board.reload(), instructions.reload()));
  return (
    <section>
      <h1>{t('ikp.title')}</h1>
      <Await loaded={board}>
        {(b) => {
          const indicators = Array.isArray(b.policy?.indicators)
            ? (b.policy.indicators as unknown as { code: string; label: { id: string; en: string } }[])
            : Object.entries(b.policy?.indicators ?? {}).map(([code, v]) => ({ code, label: v.label }));
          const publish = async () => {
            try {
              const res = await api<{ published?: number }>(`/ikp/periods/${b.period}/publish`, { method: 'POST' });
              toast(t('ikp.published', { count: res?.published ?? b.items.length }));
              board.reload();
            } catch (err) {
              toast(errorText(err));
            }
          };
          return (
            <>
              <form class="filters" onSubmit={(e) => {
                e.preventDefault();
                navigate('ikp', { period: String(new FormData(e.currentTarget as HTMLFormElement).get('period') ?? '') });
              }}>
                <label>{t('ikp.period')}<input type="month" name="period" defaultValue={b.period} /></label>
                <button class="secondary">{t('ikp.apply')}</button>
                {b.mayPublish && <button type="button" class="primary" onClick={() => void publish()}>{t('ikp.publish')}</button>}
              </form>
              <TableWrap label={t('ikp.title')}>
                <table class="board">
                  <thead><tr>
                    <th scope="col">{t('ikp.rank')}</th><th scope="col">{t('ikp.unit')}</th><th scope="col">{t('ikp.score')}</th><th scope="col">{t('ikp.zone')}</th>
                    {indicators.map((i) => <th scope="col" key={i.code}>{i.label[lang]}</th>)}
                  </tr></thead>
                  <tbody>
                    {b.items.map((u) => (
                      <tr key={u.unitCode}>
                        <td>{u.rank ?? '—'}</td>
                        <th scope="row">{u.unitName}</th>
                        <td>{formatNumber(u.score, lang)}</td>
                        <td><span class={`badge zone-${u.zone ?? 'none'}`}>{label('zone', u.zone ?? 'none')}</span></td>
                        {indicators.map((i) => <td key={i.code}>{u.values[i.code] === null || u.values[i.code] === undefined ? '—' : `${formatNumber(u.values[i.code], lang)} / ${formatNumber(u.targets[i.code], lang)}`}</td>)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          );
        }}
      </Await>
      <h2>{t('ikp.instructions')}</h2>
      <Await loaded={instructions}>
        {(d) => d.items.length === 0 ? <p class="muted">{t('ikp.noInstructions')}</p> : (
          <ul class="ticket-list">
            {d.items.map((i) => (
              <li key={i.id} class="card">
                <strong data-user-content>{i.title}</strong>
                <span class="muted">{(i as unknown as { unitName?: string }).unitName ?? ''} · {t('ikp.due')} {formatDateTime(i.dueAt, lang)}</span>
                <span class={`badge ${i.standing === 'overdue' ? 'urgency-overdue' : ''}`}>{label('standing', i.standing)}</span>
              </li>
            ))}
          </ul>
        )}
      </Await>
    </section>
  );
}
