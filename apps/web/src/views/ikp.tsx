import { useState } from 'preact/hooks';
import { api, query } from '../api/client';
import type { Instruction, Scoreboard } from '../api/types';
import { Await, TableWrap } from '../components/common';
import { formatDateTime, formatNumber } from '../format';
import { label, t } from '../i18n';
import { useLive } from '../live';
import { navigate, type Route } from '../router';
import { errorText, useApi, useApp } from '../session';

/** An instruction's due date: its own, or its earliest indicator's. */
const dueOf = (i: Instruction): string | undefined => i.dueAt ?? i.indicators?.map((x) => x.dueAt).sort()[0];

/** The instructed unit reports a realisation of one indicator, with its evidence (a document number or link). */
function RealisationForm({ instruction, done }: { instruction: Instruction; done(): void }) {
  const { toast } = useApp();
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    try {
      await api(`/ikp/instructions/${instruction.id}/indicators/${encodeURIComponent(String(f.get('indicator')))}/realisations`, {
        method: 'POST',
        body: { value: Number(f.get('value')), note: String(f.get('note') ?? ''), evidence: [{ reference: String(f.get('reference') ?? ''), label: String(f.get('label') ?? '') }] },
      });
      toast(t('app.done'));
      done();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form class="action-form" onSubmit={submit} aria-label={t('ikp.report')}>
      <label>{t('ikp.indicator')}
        <select name="indicator" required>{(instruction.indicators ?? []).map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}</select>
      </label>
      <label>{t('ikp.value')}<input name="value" type="number" step="any" min="0" required /></label>
      <label>{t('form.note')}<textarea name="note" required /></label>
      <label>{t('ikp.evidence')}<input name="reference" required /></label>
      <label>{t('ikp.evidenceLabel')}<input name="label" required /></label>
      <div class="actions"><button class="primary">{t('form.submit')}</button></div>
      <p class="error" role="alert">{error}</p>
    </form>
  );
}

export function IkpView({ route }: { route: Route }) {
  const { lang, toast } = useApp();
  const period = route.params.get('period') ?? '';
  const board = useApi<Scoreboard>(`/ikp/scoreboard${query({ period })}`);
  const instructions = useApi<{ items: Instruction[] }>('/ikp/instructions');
  const [reporting, setReporting] = useState<string | null>(null);
  useLive(['ikp'], () => (board.reload(), instructions.reload()));
  return (
    <section>
      <h1>{t('ikp.title')}</h1>
      <Await loaded={board}>
        {(b) => {
          // The board names its indicators (with labels in both languages); older boards kept them in the policy.
          const indicators = b.indicators ?? Object.entries(b.policy?.indicators ?? {}).map(([code, v]) => ({ code, label: v.label }));
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
                <span class="muted">{i.unitName ?? ''}{dueOf(i) && <> · {t('ikp.due')} {formatDateTime(dueOf(i), lang)}</>}{i.achievement !== undefined && <> · {t('ikp.progress')} {formatNumber(i.achievement, lang)} %</>}</span>
                <span class={`badge ${i.standing === 'overdue' ? 'urgency-overdue' : ''}`}>{label('standing', i.standing)}</span>
                {i.allowedActions?.includes('report_realisation') && reporting !== i.id && (
                  <p><button type="button" class="secondary" onClick={() => setReporting(i.id)}>{t('ikp.report')}</button></p>
                )}
                {reporting === i.id && <RealisationForm instruction={i} done={() => (setReporting(null), instructions.reload())} />}
              </li>
            ))}
          </ul>
        )}
      </Await>
    </section>
  );
}
