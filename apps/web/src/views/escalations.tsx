import { api, query } from '../api/client';
import type { Escalation, Page } from '../api/types';
import { Await, TableWrap } from '../components/common';
import { formatDateTime, formatPercent } from '../format';
import { label, t } from '../i18n';
import { useLive } from '../live';
import { href } from '../router';
import { errorText, unitName, useApi, useApp } from '../session';

interface Reminder {
  ticketId: string;
  unitCode: string;
  deadlineKind: string;
  deadlineAt: string;
  fraction: number;
}

function EscalationTable({ items, ack }: { items: Escalation[]; ack?: (id: string) => void }) {
  const { lang, units } = useApp();
  if (items.length === 0) return <p class="muted">{t('escalations.none')}</p>;
  return (
    <TableWrap label={t('escalations.title')}>
      <table>
        <thead><tr>
          <th scope="col">{t('escalations.level')}</th><th scope="col">{t('escalations.to')}</th><th scope="col">{t('ticket.unit')}</th>
          <th scope="col">{t('escalations.deadline')}</th><th scope="col">{t('escalations.raised')}</th><th scope="col"><span class="visually-hidden">{t('ticket.actions')}</span></th>
        </tr></thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>{e.level}</td>
              <td>{label('role', e.role)}</td>
              <td>{unitName(units, e.unitCode)}</td>
              <td>{label('deadline', e.deadlineKind)} · {formatDateTime(e.deadlineAt, lang)}</td>
              <td>{e.raisedAt ? formatDateTime(e.raisedAt, lang) : label('escState', e.state)}</td>
              <td>
                {e.acknowledgedAt ? t('escalations.acked', { who: e.acknowledgedBy ?? '' }) : ack && <button type="button" class="secondary" onClick={() => ack(e.id)}>{t('escalations.ack')}</button>}{' '}
                <a href={href(`tickets/${e.ticketId}`)}>{t('escalations.open')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function EscalationsView() {
  const { lang, units, toast } = useApp();
  const inbox = useApi<{ items: Escalation[] }>('/escalations/inbox');
  const all = useApi<Page<Escalation>>(`/escalations${query({ state: 'raised', pageSize: 100 })}`);
  const reminders = useApi<{ items: Reminder[] }>('/escalations/reminders');
  useLive(['escalations', 'sla'], () => (inbox.reload(), all.reload(), reminders.reload()));
  const ack = async (id: string) => {
    try {
      await api(`/escalations/${id}/acknowledge`, { method: 'POST' });
      toast(t('app.done'));
    } catch (err) {
      toast(errorText(err));
    }
    inbox.reload();
    all.reload();
  };
  return (
    <section>
      <h1>{t('escalations.title')}</h1>
      <h2>{t('escalations.mine')}</h2>
      <Await loaded={inbox}>{(d) => <EscalationTable items={d.items} ack={(id) => void ack(id)} />}</Await>
      <h2>{t('escalations.reminders')}</h2>
      <Await loaded={reminders}>
        {(d) => d.items.length === 0 ? <p class="muted">{t('escalations.noReminders')}</p> : (
          <ul>
            {d.items.map((r) => (
              <li key={r.ticketId + r.deadlineKind}>
                <a href={href(`tickets/${r.ticketId}`)}>{label('deadline', r.deadlineKind)} · {unitName(units, r.unitCode)}</a>{' '}
                — {formatDateTime(r.deadlineAt, lang)} <span class="badge urgency-soon">{t('escalations.used', { pct: formatPercent(r.fraction, lang) })}</span>
              </li>
            ))}
          </ul>
        )}
      </Await>
      <h2>{t('escalations.all')}</h2>
      <Await loaded={all}>{(d) => <EscalationTable items={d.items} />}</Await>
    </section>
  );
}
