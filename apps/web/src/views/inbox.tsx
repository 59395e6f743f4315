// The officer's and unit head's inbox (the admin and leaders see theirs through the same scoped
// API): counts per group, deadline countdowns coloured by urgency, search and paging.
import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import type { Deadline, Page, TicketSummary } from '../api/types';
import { Await, Countdown, Pager } from '../components/common';
import { formatDateTime } from '../format';
import { label, t } from '../i18n';
import { useLive } from '../live';
import { href, navigate, type Route } from '../router';
import { unitName, useApi, useApp } from '../session';

/** Inbox groups as status filters of desk's inbox query. */
export const BUCKETS = {
  open: { status: ['assigned', 'acknowledged', 'in_progress', 'waiting_reporter', 'reopened', 'reassign_requested', 'triage'] },
  new: { status: ['assigned', 'reopened'] },
  working: { status: ['acknowledged', 'in_progress'] },
  waiting: { status: ['waiting_reporter'] },
  overdue: { overdue: true },
  done: { status: ['answered', 'closed'] },
} as const;
export type Bucket = keyof typeof BUCKETS;

function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function Counts({ current, q }: { current: Bucket; q: string }) {
  const buckets = Object.keys(BUCKETS) as Bucket[];
  const counts = buckets.map((b) => useApi<Page<TicketSummary>>(`/tickets${query({ ...BUCKETS[b], pageSize: 1 })}`));
  useLive(['tickets', 'sla'], () => counts.forEach((c) => c.reload()));
  return (
    <nav class="buckets" aria-label={t('inbox.counts')}>
      {buckets.map((b, i) => (
        <a key={b} href={href('inbox', { bucket: b, q })} class={`bucket bucket-${b}`} aria-current={b === current ? 'page' : undefined}>
          <span class="bucket-count" data-testid={`count-${b}`}>{counts[i].data?.total ?? '…'}</span>
          <span>{t(`inbox.bucket.${b}`)}</span>
        </a>
      ))}
    </nav>
  );
}

export function InboxView({ route }: { route: Route }) {
  const { lang, units } = useApp();
  const bucket = (route.params.get('bucket') as Bucket) in BUCKETS ? (route.params.get('bucket') as Bucket) : 'open';
  const page = Number(route.params.get('page') ?? 1) || 1;
  const q = route.params.get('q') ?? '';
  const tickets = useApi<Page<TicketSummary>>(`/tickets${query({ ...BUCKETS[bucket], q, page, pageSize: 20 })}`);
  const deadlines = useApi<Page<Deadline>>(`/sla/deadlines${query({ state: 'pending', pageSize: 100 })}`);
  useLive(['tickets', 'sla'], () => (tickets.reload(), deadlines.reload()));
  const now = useNow();
  const nextDue = new Map<string, string>();
  for (const d of deadlines.data?.items ?? []) {
    const seen = nextDue.get(d.ticketId);
    if (!seen || d.dueAt < seen) nextDue.set(d.ticketId, d.dueAt);
  }
  return (
    <section>
      <h1>{t('inbox.title')}</h1>
      <Counts current={bucket} q={q} />
      <form class="filters" role="search" onSubmit={(e) => {
        e.preventDefault();
        navigate('inbox', { bucket, q: String(new FormData(e.currentTarget as HTMLFormElement).get('q') ?? '') });
      }}>
        <label>{t('inbox.search')}<input name="q" type="search" defaultValue={q} /></label>
        <button class="secondary">{t('inbox.apply')}</button>
      </form>
      <Await loaded={tickets}>
        {(data) => data.items.length === 0 ? <p class="muted">{t('inbox.empty')}</p> : (
          <>
            <ul class="ticket-list">
              {data.items.map((item) => {
                const due = nextDue.get(item.id);
                return (
                  <li key={item.id} class="card ticket-row" data-testid="ticket-row">
                    <a href={href(`tickets/${item.id}`)} class="ticket-link">
                      <span class="tracking">{item.trackingId}</span>
                      <strong class="title" data-user-content>{item.title}</strong>
                    </a>
                    <span class="muted">{unitName(units, item.unitCode)} · {formatDateTime(item.receivedAt, lang)}</span>
                    <span class="badges">
                      <span class={`badge status-badge`}>{label('status', item.status)}</span>
                      {item.overdueSince && <span class="badge urgency-overdue">{t('ticket.overdue')}</span>}
                      {due && !item.overdueSince && <Countdown dueAt={due} now={now} lang={lang} />}
                    </span>
                  </li>
                );
              })}
            </ul>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} go={(p) => navigate('inbox', { bucket, q, page: p })} />
          </>
        )}
      </Await>
    </section>
  );
}
