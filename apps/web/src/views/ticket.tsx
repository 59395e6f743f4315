// One ticket: what was reported, its deadlines, its timeline, and exactly the actions desk says
// this user may take on it now (availableActions). The UI only knows which endpoint and fields
// each action takes; whether it is allowed is the server's answer.
import { useState } from 'preact/hooks';
import { api, ApiError, query } from '../api/client';
import type { TicketDetail, UnitView } from '../api/types';
import { Await } from '../components/common';
import { formatDateTime, formatPercent } from '../format';
import { label, t } from '../i18n';
import type { MessageKey } from '../i18n/id';
import { useLive } from '../live';
import { href } from '../router';
import { errorText, unitName, useApi, useApp } from '../session';

type Field =
  | { name: string; kind: 'text'; label: MessageKey }
  | { name: 'unitCode'; kind: 'unit'; label: MessageKey }
  | { name: 'kind'; kind: 'archiveKind'; label: MessageKey }
  | { name: 'files'; kind: 'files'; label: MessageKey }
  | { name: 'template'; kind: 'template'; label: MessageKey };

/** Each staff action's endpoint and fields (the HTTP shape of desk's API, not a rule). */
export const ACTION_FORMS: Readonly<Record<string, { path: string; fields: Field[] }>> = {
  acknowledge: { path: 'acknowledge', fields: [] },
  start_work: { path: 'start-work', fields: [] },
  add_note: { path: 'notes', fields: [{ name: 'note', kind: 'text', label: 'form.note' }] },
  request_info: { path: 'info-requests', fields: [{ name: 'question', kind: 'text', label: 'form.question' }] },
  post_answer: {
    path: 'answers',
    fields: [{ name: 'template', kind: 'template', label: 'form.template' }, { name: 'answer', kind: 'text', label: 'form.answer' }, { name: 'files', kind: 'files', label: 'form.files' }],
  },
  request_reassign: { path: 'reassignment-requests', fields: [{ name: 'reason', kind: 'text', label: 'form.reassignReason' }] },
  dispose: { path: 'disposition', fields: [{ name: 'unitCode', kind: 'unit', label: 'form.unit' }, { name: 'reason', kind: 'text', label: 'form.reason' }] },
  archive: { path: 'archive', fields: [{ name: 'kind', kind: 'archiveKind', label: 'form.kind' }, { name: 'reason', kind: 'text', label: 'form.reason' }] },
  close: { path: 'close', fields: [{ name: 'reason', kind: 'text', label: 'form.reason' }] },
  reopen: { path: 'reopen', fields: [{ name: 'reason', kind: 'text', label: 'form.reason' }] },
};

interface CannedReply {
  id: string;
  title: string;
  body: string;
}

/** Files go to desk's evidence store first; the answer then names them. */
async function uploadFiles(ticketId: string, files: readonly File[]): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    const form = new FormData();
    form.append('file', file);
    const stored = await api<{ fileId: string }>(`/tickets/${ticketId}/files`, { method: 'POST', form });
    ids.push(stored.fileId);
  }
  return ids;
}

function ActionForm({ ticket, action, done, cancel }: { ticket: TicketDetail; action: string; done(message: string): void; cancel(): void }) {
  const { units } = useApp();
  const spec = ACTION_FORMS[action];
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState('');
  const needsTemplates = spec.fields.some((f) => f.kind === 'template');
  const templates = useApi<{ items: CannedReply[] }>(needsTemplates ? `/canned-replies${query({ category: ticket.category })}` : null);
  const suggestions = ticket.triage?.suggestions ?? [];
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const body: Record<string, unknown> = {};
    for (const f of spec.fields) {
      if (f.kind === 'files' || f.kind === 'template') continue;
      body[f.name] = String(form.get(f.name) ?? '');
    }
    setBusy(true);
    setError(null);
    try {
      const files = (form.getAll('files') as File[]).filter((f) => f.size > 0);
      if (files.length > 0) body.fileIds = await uploadFiles(ticket.id, files);
      await api(`/tickets/${ticket.id}/${spec.path}`, { method: 'POST', body, version: ticket.version });
      done(t('app.done'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) done(t('app.conflict'));
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="action-form" onSubmit={submit} aria-label={label('action', action)}>
      <h3>{label('action', action)}</h3>
      {spec.fields.map((f) => {
        if (f.kind === 'text' && f.name === 'answer') {
          return <label key={f.name}>{t(f.label)}<textarea name={f.name} required value={answer} onInput={(e) => setAnswer((e.target as HTMLTextAreaElement).value)} /></label>;
        }
        if (f.kind === 'text') return <label key={f.name}>{t(f.label)}<textarea name={f.name} required /></label>;
        if (f.kind === 'unit') {
          const ranked = [...suggestions.map((s) => units.get(s.unitCode)).filter((u): u is UnitView => !!u), ...[...units.values()].filter((u) => !suggestions.some((s) => s.unitCode === u.code))];
          return (
            <label key={f.name}>{t(f.label)}
              <select name="unitCode" required defaultValue={suggestions[0]?.unitCode ?? ''}>
                <option value="" disabled>{t('triage.pick')}</option>
                {ranked.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
              </select>
            </label>
          );
        }
        if (f.kind === 'archiveKind') {
          return (
            <label key={f.name}>{t(f.label)}
              <select name="kind" required>{(ticket.archiveKinds ?? []).map((k) => <option key={k} value={k}>{label('archive', k)}</option>)}</select>
            </label>
          );
        }
        if (f.kind === 'template') {
          const items = templates.data?.items ?? [];
          if (items.length === 0) return null;
          return (
            <label key={f.name}>{t(f.label)}
              <select onChange={(e) => {
                const chosen = items.find((i) => i.id === (e.target as HTMLSelectElement).value);
                if (chosen) setAnswer(chosen.body);
              }}>
                <option value="">{t('form.templateNone')}</option>
                {items.map((i) => <option key={i.id} value={i.id}>{i.title}</option>)}
              </select>
            </label>
          );
        }
        return <label key={f.name}>{t(f.label)}<input type="file" name="files" multiple accept="image/jpeg,image/png,application/pdf" /></label>;
      })}
      <div class="actions">
        <button class="primary" disabled={busy}>{busy ? t('app.loading') : t('form.submit')}</button>
        <button type="button" class="secondary" onClick={cancel}>{t('form.cancel')}</button>
      </div>
      <p class="error" role="alert">{error}</p>
    </form>
  );
}

interface SlaView {
  deadlines: { kind: string; state: string; dueAt: string; unitCode: string }[];
}

/** Evidence files are fetched through a short signed link desk issues to whoever may read the ticket. */
async function openFile(ticketId: string, fileId: string): Promise<void> {
  const { url } = await api<{ url: string }>(`/tickets/${ticketId}/files/${fileId}/link`);
  window.open(url, '_blank', 'noopener');
}

function Timeline({ ticket }: { ticket: TicketDetail }) {
  const { lang, toast } = useApp();
  return (
    <ol class="timeline">
      {[...ticket.history].reverse().map((h) => (
        <li key={h.version}>
          <strong>{label('action', h.action)}</strong>
          <span class="muted"> · {formatDateTime(h.at, lang)} · {t('ticket.by', { who: label('role', h.actor.role) })}</span>
          {h.to && h.from !== h.to && <span class="muted"> → {label('status', h.to)}</span>}
          {h.reason && <p data-user-content>{h.reason}</p>}
          {h.content && <p data-user-content>{h.content}</p>}
          {h.attachments.length > 0 && (
            <p class="muted">{t('ticket.attachments')}:{' '}
              {h.attachments.map((a) => a.fileId
                ? <button key={a.fileId} type="button" class="secondary" onClick={() => void openFile(ticket.id, a.fileId!).catch((err) => toast(errorText(err)))}>{a.fileName}</button>
                : <span key={a.fileName} data-user-content>{a.fileName} </span>)}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function TicketView({ id }: { id: string }) {
  const { lang, units, toast } = useApp();
  const ticket = useApi<TicketDetail>(`/tickets/${encodeURIComponent(id)}`);
  const sla = useApi<SlaView>(`/sla/tickets/${encodeURIComponent(id)}`);
  const [action, setAction] = useState<string | null>(null);
  useLive(['tickets', 'sla'], () => (action === null ? (ticket.reload(), sla.reload()) : undefined));
  return (
    <Await loaded={ticket}>
      {(tk) => {
        const actions = tk.availableActions.filter((a) => ACTION_FORMS[a.action]);
        const run = async (name: string) => {
          if (ACTION_FORMS[name].fields.length > 0) return setAction(name);
          try {
            await api(`/tickets/${tk.id}/${ACTION_FORMS[name].path}`, { method: 'POST', body: {}, version: tk.version });
            toast(t('app.done'));
          } catch (err) {
            toast(err instanceof ApiError && err.status === 409 ? t('app.conflict') : errorText(err));
          }
          ticket.reload();
          sla.reload();
        };
        return (
          <div class="ticket">
            <p><a href={href('inbox')}>← {t('ticket.back')}</a></p>
            <div class="grid2">
              <div>
                <article class="card">
                  <h1><span class="tracking">{tk.trackingId}</span> <span data-user-content>{tk.title}</span></h1>
                  <p class="badges">
                    <span class="badge status-badge" data-testid="ticket-status">{label('status', tk.status)}</span>
                    {tk.overdueSince && <span class="badge urgency-overdue">{t('ticket.overdue')}</span>}
                    {tk.priority === 'high' && <span class="badge urgency-critical">{t('ticket.priority')}</span>}
                    {tk.reporter.anonymous && <span class="badge">{t('ticket.anonymous')}</span>}
                    {tk.reporter.confidential && <span class="badge">{t('ticket.confidential')}</span>}
                  </p>
                  <dl class="facts">
                    <dt>{t('ticket.unit')}</dt><dd>{unitName(units, tk.unitCode)}</dd>
                    <dt>{t('ticket.category')}</dt><dd>{tk.category ?? '—'}</dd>
                    <dt>{t('ticket.received')}</dt><dd>{formatDateTime(tk.receivedAt, lang)}</dd>
                  </dl>
                  <h2>{t('ticket.text')}</h2>
                  <p class="complaint-text" data-user-content>{tk.text}</p>
                  {tk.archive && <p class="muted">{t('ticket.archived', { kind: label('archive', tk.archive.kind) })}</p>}
                  {tk.triage && tk.triage.suggestions.length > 0 && (
                    <>
                      <h2>{t('ticket.suggestions')}</h2>
                      <ul class="suggestions">
                        {tk.triage.suggestions.map((s) => (
                          <li key={s.unitCode}>
                            {unitName(units, s.unitCode)} <span class="muted">{t('suggestion.confidence', { pct: formatPercent(s.score, lang) })}</span>
                            {s.words && s.words.length > 0 && <span class="muted"> · {t('suggestion.words', { words: s.words.join(', ') })}</span>}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </article>
                <section class="card" aria-labelledby="timeline-h">
                  <h2 id="timeline-h">{t('ticket.timeline')}</h2>
                  <Timeline ticket={tk} />
                </section>
              </div>
              <div>
                <section class="card" aria-labelledby="actions-h">
                  <h2 id="actions-h">{t('ticket.actions')}</h2>
                  {actions.length === 0 && <p class="muted">{t('ticket.noActions')}</p>}
                  <div class="actions">
                    {actions.map((a) => (
                      <button key={a.action} type="button" class={action === a.action ? 'primary' : 'secondary'} data-action={a.action} onClick={() => void run(a.action)}>
                        {label('action', a.action)}
                      </button>
                    ))}
                  </div>
                  {action && (
                    <ActionForm key={action} ticket={tk} action={action} cancel={() => setAction(null)} done={(message) => {
                      setAction(null);
                      toast(message);
                      ticket.reload();
                      sla.reload();
                    }} />
                  )}
                </section>
                <section class="card" aria-labelledby="deadlines-h">
                  <h2 id="deadlines-h">{t('ticket.deadlines')}</h2>
                  {(sla.data?.deadlines ?? []).length === 0 ? <p class="muted">{t('ticket.noDeadlines')}</p> : (
                    <ul class="deadlines">
                      {sla.data!.deadlines.map((d) => (
                        <li key={d.kind + d.dueAt}>
                          {label('deadline', d.kind)}: <span class={`badge ${d.state === 'breached' ? 'urgency-overdue' : ''}`}>{label('deadlineState', d.state)}</span>{' '}
                          <span class="muted">{formatDateTime(d.dueAt, lang)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </div>
            </div>
          </div>
        );
      }}
    </Await>
  );
}
