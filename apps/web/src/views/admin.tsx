// The LAPOR admin's work outside tickets: imports, users and roles, units, routing rules with a
// tester, SLA policy versions, dead letters, the reminder queues. Every list comes from the owning
// service; the admin-only checks are the services' own.
import { useState } from 'preact/hooks';
import { api, freshToken, query } from '../api/client';
import type { UnitView, UserView } from '../api/types';
import { Await, TableWrap } from '../components/common';
import { formatDateTime, formatNumber, formatPercent } from '../format';
import { label, t } from '../i18n';
import { errorText, unitName, useApi, useApp } from '../session';

interface ImportReport {
  imported: number;
  duplicates: number;
  rejected: { row: number; reason?: string; reasons?: string[]; field?: string }[] | number;
  rejectedRows?: { row: number; reason?: string; reasons?: string[] }[];
}

/** Upload with progress (fetch cannot report upload progress; XMLHttpRequest can). */
function upload(path: string, form: FormData, token: () => Promise<string>, onProgress: (fraction: number) => void): Promise<ImportReport> {
  return token().then((bearer) => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('authorization', `Bearer ${bearer}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return null;
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportReport);
      else reject(Object.assign(new Error(body?.message ?? `HTTP ${xhr.status}`), { body }));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  }));
}

export function ImportsView() {
  const { lang } = useApp();
  const [phase, setPhase] = useState<{ kind: 'idle' } | { kind: 'uploading'; fraction: number } | { kind: 'processing' } | { kind: 'done'; report: ImportReport } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setPhase({ kind: 'uploading', fraction: 0 });
    try {
      const report = await upload('/intake/imports', form, freshToken, (fraction) => setPhase(fraction >= 1 ? { kind: 'processing' } : { kind: 'uploading', fraction }));
      setPhase({ kind: 'done', report });
    } catch (err) {
      const body = (err as { body?: { errors?: { field: string; reasons: string[] }[]; message?: string } }).body;
      setPhase({ kind: 'failed', message: body?.errors?.map((x) => x.reasons.join(', ')).join('; ') || body?.message || errorText(err) });
    }
  };
  const rejected = phase.kind === 'done' ? (Array.isArray(phase.report.rejected) ? phase.report.rejected : phase.report.rejectedRows ?? []) : [];
  return (
    <section>
      <h1>{t('imports.title')}</h1>
      <form class="card" onSubmit={submit}>
        <label>{t('imports.file')}<input type="file" name="file" required accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" /></label>
        <button class="primary" disabled={phase.kind === 'uploading' || phase.kind === 'processing'}>{t('imports.submit')}</button>
      </form>
      {(phase.kind === 'uploading' || phase.kind === 'processing') && (
        <div class="card" data-testid="import-progress">
          <label>
            {phase.kind === 'uploading' ? t('imports.uploading', { pct: formatPercent(phase.fraction, lang) }) : t('imports.processing')}
            {phase.kind === 'uploading' ? <progress max={1} value={phase.fraction} /> : <progress />}
          </label>
        </div>
      )}
      {phase.kind === 'failed' && <div class="card error" role="alert">{phase.message}</div>}
      {phase.kind === 'done' && (
        <div class="card" data-testid="import-report" role="status">
          <h2>{t('imports.report')}</h2>
          <dl class="facts">
            <dt>{t('imports.imported')}</dt><dd data-testid="import-imported">{formatNumber(phase.report.imported, lang)}</dd>
            <dt>{t('imports.duplicates')}</dt><dd>{formatNumber(phase.report.duplicates, lang)}</dd>
            <dt>{t('imports.rejected')}</dt><dd>{formatNumber(Array.isArray(phase.report.rejected) ? phase.report.rejected.length : phase.report.rejected, lang)}</dd>
          </dl>
          {rejected.length > 0 && (
            <TableWrap label={t('imports.report')}><table>
              <thead><tr><th scope="col">{t('imports.row')}</th><th scope="col">{t('imports.reason')}</th></tr></thead>
              <tbody>{rejected.slice(0, 200).map((r) => <tr key={r.row}><td>{r.row}</td><td>{r.reason ?? r.reasons?.join(', ')}</td></tr>)}</tbody>
            </table></TableWrap>
          )}
        </div>
      )}
    </section>
  );
}

export function UsersView() {
  const { units, toast } = useApp();
  const users = useApi<UserView[] | { items: UserView[] }>('/users');
  const [filter, setFilter] = useState('');
  const [role, setRole] = useState('officer');
  const create = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const body: Record<string, unknown> = { username: f.get('username'), displayName: f.get('displayName'), role: f.get('role'), password: f.get('password') };
    if (f.get('unitCode')) body.unitCode = f.get('unitCode');
    if (f.get('asdaGroup')) body.asdaGroup = f.get('asdaGroup');
    try {
      await api('/users', { method: 'POST', body });
      toast(t('app.done'));
      (e.target as HTMLFormElement).reset();
      users.reload();
    } catch (err) {
      toast(errorText(err));
    }
  };
  const deactivate = async (u: UserView) => {
    try {
      await api(`/users/${u.id}/deactivate`, { method: 'POST' });
      toast(t('app.done'));
      users.reload();
    } catch (err) {
      toast(errorText(err));
    }
  };
  return (
    <section>
      <h1>{t('users.title')}</h1>
      <details class="card">
        <summary>{t('users.create')}</summary>
        <form onSubmit={create} class="grid-form">
          <label>{t('users.username')}<input name="username" required pattern="[a-z0-9._-]{3,64}" /></label>
          <label>{t('users.name')}<input name="displayName" required /></label>
          <label>{t('users.role')}
            <select name="role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value)}>
              {(['admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati'] as const).map((r) => <option key={r} value={r}>{label('role', r)}</option>)}
            </select>
          </label>
          {(role === 'officer' || role === 'unit_head') && (
            <label>{t('users.unit')}<select name="unitCode" required>{[...units.values()].map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}</select></label>
          )}
          {role === 'asda' && (
            <label>{t('users.group')}<select name="asdaGroup" required>{['I', 'II', 'III'].map((g) => <option key={g} value={g}>{t('dashboard.groupName', { group: g })}</option>)}</select></label>
          )}
          <label>{t('users.password')}<input name="password" type="password" required minLength={12} autoComplete="new-password" /></label>
          <button class="primary">{t('form.submit')}</button>
        </form>
      </details>
      <label>{t('users.filter')}<input type="search" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} /></label>
      <Await loaded={users}>
        {(data) => {
          const all = Array.isArray(data) ? data : data.items;
          const needle = filter.toLowerCase();
          const shown = all.filter((u) => !needle || u.username.includes(needle) || u.displayName.toLowerCase().includes(needle)).slice(0, 100);
          return (
            <>
              <p class="muted">{t('users.shown', { shown: shown.length, total: all.length })}</p>
              <TableWrap label={t('users.title')}><table>
                <thead><tr><th scope="col">{t('users.username')}</th><th scope="col">{t('users.name')}</th><th scope="col">{t('users.role')}</th><th scope="col">{t('users.unit')}</th><th scope="col">{t('users.active')}</th></tr></thead>
                <tbody>
                  {shown.map((u) => (
                    <tr key={u.id}>
                      <td>{u.username}</td><td>{u.displayName}</td><td>{label('role', u.role)}</td>
                      <td>{u.unitCode ? unitName(units, u.unitCode) : u.asdaGroup ? t('dashboard.groupName', { group: u.asdaGroup }) : '—'}</td>
                      <td>{u.active ? <button type="button" class="secondary" onClick={() => void deactivate(u)}>{t('users.deactivate', { name: u.displayName })}</button> : t('users.inactive')}</td>
                    </tr>
                  ))}
                </tbody>
              </table></TableWrap>
            </>
          );
        }}
      </Await>
    </section>
  );
}

export function UnitsView({ reloadUnits }: { reloadUnits(): void }) {
  const { units, toast } = useApp();
  const [editing, setEditing] = useState<string | null>(null);
  const rename = async (e: Event, u: UnitView) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget as HTMLFormElement).get('name') ?? '');
    try {
      await api(`/units/${encodeURIComponent(u.code)}`, { method: 'PATCH', body: { name } });
      toast(t('app.done'));
      setEditing(null);
      reloadUnits();
    } catch (err) {
      toast(errorText(err));
    }
  };
  return (
    <section>
      <h1>{t('units.title')}</h1>
      <TableWrap label={t('units.title')}><table>
        <thead><tr><th scope="col">{t('units.name')}</th><th scope="col">{t('units.kind')}</th><th scope="col">{t('units.group')}</th><th scope="col"><span class="visually-hidden">{t('ticket.actions')}</span></th></tr></thead>
        <tbody>
          {[...units.values()].map((u) => (
            <tr key={u.code}>
              <th scope="row">{editing === u.code ? (
                <form onSubmit={(e) => void rename(e, u)} class="inline-form">
                  <label><span class="visually-hidden">{t('units.newName', { name: u.name })}</span><input name="name" defaultValue={u.name} required /></label>
                  <button class="primary">{t('units.save')}</button>
                  <button type="button" class="secondary" onClick={() => setEditing(null)}>{t('form.cancel')}</button>
                </form>
              ) : u.name}</th>
              <td>{label('kind', u.kind)}</td>
              <td>{t('dashboard.groupName', { group: u.asdaGroup })}</td>
              <td>{editing !== u.code && <button type="button" class="secondary" aria-label={`${t('units.rename')} ${u.name}`} onClick={() => setEditing(u.code)}>{t('units.rename')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table></TableWrap>
    </section>
  );
}

interface Rule {
  id: string;
  version: number;
  kind: string;
  patterns: string[];
  unitCode: string;
  active: boolean;
}

interface RuleTest {
  matches: { ruleId: string; unitCode: string; matchedPatterns: string[]; strength: number }[];
  decision: { outcome: string; unitCode?: string | null; confidence?: number; reasons?: { source: string; unitCode?: string; matched?: string[]; words?: string[] }[] };
}

export function RulesView() {
  const { lang, units } = useApp();
  const rules = useApi<{ rules: Rule[] }>('/routing/rules');
  const [result, setResult] = useState<RuleTest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const test = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      setResult(await api<RuleTest>('/routing/rules/test', { method: 'POST', body: { text: String(new FormData(e.currentTarget as HTMLFormElement).get('text') ?? '') } }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section>
      <h1>{t('rules.title')}</h1>
      <form class="card" onSubmit={test}>
        <h2>{t('rules.tester')}</h2>
        <label>{t('rules.text')}<textarea name="text" required /></label>
        <button class="primary">{t('rules.test')}</button>
        <p class="error" role="alert">{error}</p>
        {result && (
          <div data-testid="rule-test-result" role="status">
            <h3>{t('rules.result')}</h3>
            {result.decision.unitCode ? (
              <p><strong>{unitName(units, result.decision.unitCode)}</strong>{' '}
                <span class="muted">{t('suggestion.confidence', { pct: formatPercent(result.decision.confidence ?? 0, lang) })}</span></p>
            ) : <p>{t('rules.noMatch')}</p>}
            <ul>
              {(result.decision.reasons ?? []).filter((r) => r.unitCode).map((r, i) => (
                <li key={i}>{unitName(units, r.unitCode)} — {t('suggestion.words', { words: (r.matched ?? r.words ?? []).join(', ') })}</li>
              ))}
            </ul>
          </div>
        )}
      </form>
      <Await loaded={rules}>
        {(d) => (
          <TableWrap label={t('rules.title')}><table>
            <thead><tr><th scope="col">{t('rules.unit')}</th><th scope="col">{t('rules.patterns')}</th><th scope="col">{t('sla.version')}</th></tr></thead>
            <tbody>{d.rules.filter((r) => r.active).map((r) => <tr key={r.id}><td>{unitName(units, r.unitCode)}</td><td>{r.patterns.join(', ')}</td><td>{r.version}</td></tr>)}</tbody>
          </table></TableWrap>
        )}
      </Await>
    </section>
  );
}

interface SlaPolicy {
  version: string;
  effectiveFrom: string;
  verificationAndDisposition: { workingDays: number };
  firstResponse: { workingDays: number };
  resolution: { classification: string; workingDays: number }[];
  autoClose: { workingDaysAfterFinalAnswer: number };
}

export function SlaView() {
  const { lang } = useApp();
  const policies = useApi<{ versions: SlaPolicy[] }>('/sla/policies');
  const queue = useApi<{ queue: { delayed: number; failed: number }; pendingTimers: number }>('/sla/queue');
  return (
    <section>
      <h1>{t('sla.title')}</h1>
      <Await loaded={queue}>
        {(q) => <p class="card">{t('sla.queue')}: {t('sla.queueState', { delayed: q.queue.delayed, failed: q.queue.failed, pending: q.pendingTimers })}</p>}
      </Await>
      <Await loaded={policies}>
        {(d) => (
          <>
            {[...d.versions].reverse().map((p, i) => (
              <article class="card" key={p.version}>
                <h2>{t('sla.version')} {p.version} {i === 0 && <span class="badge zone-hijau">{t('sla.current')}</span>}</h2>
                <p class="muted">{t('sla.effective')} {formatDateTime(p.effectiveFrom, lang)}</p>
                <TableWrap label={t('sla.title')}><table>
                  <thead><tr><th scope="col">{t('sla.kind')}</th><th scope="col">{t('sla.days')}</th></tr></thead>
                  <tbody>
                    <tr><td>{label('deadline', 'verification')}</td><td>{p.verificationAndDisposition.workingDays}</td></tr>
                    <tr><td>{label('deadline', 'first-response')}</td><td>{p.firstResponse.workingDays}</td></tr>
                    {p.resolution.map((r) => <tr key={r.classification}><td>{label('deadline', 'resolution')}: {r.classification}</td><td>{r.workingDays}</td></tr>)}
                    <tr><td>{label('deadline', 'auto-close')}</td><td>{p.autoClose.workingDaysAfterFinalAnswer}</td></tr>
                  </tbody>
                </table></TableWrap>
              </article>
            ))}
          </>
        )}
      </Await>
    </section>
  );
}

interface DeadLetter {
  eventId: string;
  eventType: string;
  error: string;
  failedAt: string;
  partition: number;
  offset: string;
}

const DLQ_TOPICS = ['complaints', 'tickets', 'sla', 'escalations', 'ikp'] as const;

export function DeadLettersView() {
  const { lang, toast } = useApp();
  const [topic, setTopic] = useState<(typeof DLQ_TOPICS)[number]>('tickets');
  const letters = useApi<{ items: DeadLetter[] }>(`/admin/messaging/dead-letters${query({ topic, limit: 100 })}`);
  const replay = async (eventIds?: string[]) => {
    try {
      const res = await api<{ replayed: number }>('/admin/messaging/dead-letters/replay', { method: 'POST', body: { topic, ...(eventIds ? { eventIds } : {}) } });
      toast(`${t('dlq.replayed')} (${res.replayed})`);
      letters.reload();
    } catch (err) {
      toast(errorText(err));
    }
  };
  return (
    <section>
      <h1>{t('dlq.title')}</h1>
      <label>{t('dlq.topic')}
        <select value={topic} onChange={(e) => setTopic((e.target as HTMLSelectElement).value as (typeof DLQ_TOPICS)[number])}>
          {DLQ_TOPICS.map((x) => <option key={x} value={x}>{x}</option>)}
        </select>
      </label>
      <Await loaded={letters}>
        {(d) => d.items.length === 0 ? <p class="muted">{t('dlq.none')}</p> : (
          <TableWrap label={t('dlq.title')}><table>
            <thead><tr><th scope="col">{t('dlq.type')}</th><th scope="col">{t('dlq.error')}</th><th scope="col">{t('escalations.raised')}</th><th scope="col"><span class="visually-hidden">{t('ticket.actions')}</span></th></tr></thead>
            <tbody>{d.items.map((l) => (
              <tr key={l.eventId}><td>{l.eventType}</td><td>{l.error}</td><td>{formatDateTime(l.failedAt, lang)}</td>
                <td><button type="button" class="secondary" onClick={() => void replay([l.eventId])}>{t('dlq.replay')}</button></td></tr>
            ))}</tbody>
          </table></TableWrap>
        )}
      </Await>
    </section>
  );
}

export function QueuesView() {
  const { toast } = useApp();
  // The board is a page of its own: trade the session for its short cookie, then open it.
  const open = async () => {
    try {
      await api('/sla/queues/session', { method: 'POST' });
      window.open('/queues/', '_blank', 'noopener');
    } catch (err) {
      toast(errorText(err));
    }
  };
  return (
    <section>
      <h1>{t('queues.title')}</h1>
      <p>{t('queues.note')}</p>
      <p><button type="button" class="primary" onClick={() => void open()}>{t('queues.open')}</button></p>
    </section>
  );
}
