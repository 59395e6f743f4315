// The web UI of LAPOR! Kabupaten Bekasi: officers and heads of units work their tickets, the LAPOR
// admin triages, leaders follow escalations and the IKP board. Plain ES modules, no build step;
// every call goes through the gateway (/api/v1/*) with the session's token.
const STATUSES = ['triage', 'assigned', 'acknowledged', 'in_progress', 'waiting_reporter', 'answered', 'reopened', 'reassign_requested', 'closed', 'archived'];
// The staff actions of the ticket state machine and the desk endpoint and fields each one takes.
const ACTIONS = {
  acknowledge: { path: 'acknowledge', fields: [] },
  start_work: { path: 'start-work', fields: [] },
  add_note: { path: 'notes', fields: [['note', 'form.note', 'textarea']] },
  request_info: { path: 'info-requests', fields: [['question', 'form.question', 'textarea']] },
  post_answer: { path: 'answers', fields: [['answer', 'form.answer', 'textarea']] },
  request_reassign: { path: 'reassignment-requests', fields: [['reason', 'form.reason', 'textarea']] },
  dispose: { path: 'disposition', fields: [['unitCode', 'form.unitCode', 'input'], ['reason', 'form.reason', 'textarea']] },
  archive: { path: 'archive', fields: [['kind', 'form.kind', 'archive'], ['reason', 'form.reason', 'textarea']] },
  close: { path: 'close', fields: [['reason', 'form.reason', 'textarea']] },
  reopen: { path: 'reopen', fields: [['reason', 'form.reason', 'textarea']] },
};

const state = { lang: localStorage.getItem('lang') || 'id', messages: {}, token: sessionStorage.getItem('token'), me: null };
const view = document.getElementById('view');

const t = (key, vars = {}) => (state.messages[state.lang]?.[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const when = (iso) => (iso ? new Date(iso).toLocaleString(state.lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Jakarta', dateStyle: 'medium', timeStyle: 'short' }) : '—');

function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (el.hidden = true), 4000);
}

class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function api(path, { method = 'GET', body, version } = {}) {
  const headers = { accept: 'application/json' };
  if (state.token) headers.authorization = `Bearer ${state.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (version !== undefined) headers['if-match'] = String(version);
  const res = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.status === 401 && path !== '/auth/login') {
    signOut();
    throw new ApiError(401, data);
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

function errorText(err) {
  const fields = err.body?.errors?.map((e) => `${e.field}: ${e.reasons.join(', ')}`).join('; ');
  return fields ? `${err.message} (${fields})` : err.message || t('error.generic');
}

function signOut() {
  state.token = null;
  state.me = null;
  sessionStorage.removeItem('token');
  location.hash = '#/login';
}

function applyChrome() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => (el.textContent = t(el.dataset.i18n)));
  document.getElementById('lang').textContent = t('lang.switch');
  document.getElementById('nav').hidden = !state.token;
  document.getElementById('logout').hidden = !state.token;
  document.getElementById('who').textContent = state.me ? `${state.me.displayName ?? state.me.username} · ${state.me.role}${state.me.unitCode ? ` · ${state.me.unitCode}` : ''}` : '';
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', location.hash.startsWith(a.getAttribute('href'))));
}

// ---------- views ----------

function loginView() {
  view.innerHTML = `<div class="card login"><h1>${esc(t('login.title'))}</h1>
    <form id="login"><label>${esc(t('login.username'))}<input name="username" autocomplete="username" required></label>
    <label>${esc(t('login.password'))}<input name="password" type="password" autocomplete="current-password" required></label>
    <button class="primary">${esc(t('login.submit'))}</button><div class="error" id="login-error"></div></form></div>`;
  document.getElementById('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    try {
      const session = await api('/auth/login', { method: 'POST', body: { username: form.get('username'), password: form.get('password') } });
      state.token = session.accessToken;
      sessionStorage.setItem('token', state.token);
      state.me = await api('/auth/me');
      location.hash = state.me.role === 'sekda' || state.me.role === 'bupati' || state.me.role === 'asda' ? '#/escalations' : '#/tickets';
    } catch (err) {
      document.getElementById('login-error').textContent = errorText(err);
    }
  });
}

async function ticketsView(params) {
  const page = Number(params.get('page') || 1);
  const query = new URLSearchParams({ page: String(page), pageSize: '25' });
  for (const key of ['status', 'q']) if (params.get(key)) query.set(key, params.get(key));
  if (params.get('overdue') === 'true') query.set('overdue', 'true');
  const data = await api(`/tickets?${query}`);
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  view.innerHTML = `<h1>${esc(t('tickets.title'))}</h1>
    <form class="filters" id="filters">
      <label>${esc(t('tickets.status'))}<select name="status"><option value="">${esc(t('tickets.any'))}</option>${STATUSES.map((s) => `<option ${params.get('status') === s ? 'selected' : ''}>${s}</option>`).join('')}</select></label>
      <label>${esc(t('tickets.search'))}<input name="q" value="${esc(params.get('q'))}"></label>
      <label><span><input type="checkbox" name="overdue" value="true" ${params.get('overdue') === 'true' ? 'checked' : ''}> ${esc(t('tickets.overdue'))}</span></label>
      <button class="secondary">${esc(t('tickets.apply'))}</button>
    </form>
    ${data.items.length === 0 ? `<p class="muted">${esc(t('tickets.empty'))}</p>` : `<table><thead><tr><th>${esc(t('tickets.tracking'))}</th><th>${esc(t('tickets.subject'))}</th><th>${esc(t('tickets.unit'))}</th><th>${esc(t('tickets.status'))}</th><th>${esc(t('tickets.received'))}</th></tr></thead><tbody>
    ${data.items.map((i) => `<tr class="link" data-id="${esc(i.id)}"><td>${esc(i.trackingId)}</td><td>${esc(i.title)}</td><td>${esc(i.unitCode ?? '—')}</td>
      <td><span class="badge">${esc(i.statusLabel)}</span> ${i.overdueSince ? `<span class="badge overdue">${esc(t('tickets.late'))}</span>` : ''}</td><td>${esc(when(i.receivedAt))}</td></tr>`).join('')}
    </tbody></table>`}
    <div class="pager"><button class="secondary" id="prev" ${page <= 1 ? 'disabled' : ''}>${esc(t('pager.prev'))}</button>
    <span class="muted">${esc(t('pager.page', { page, pages, total: data.total }))}</span>
    <button class="secondary" id="next" ${page >= pages ? 'disabled' : ''}>${esc(t('pager.next'))}</button></div>`;
  const go = (changes) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) v ? next.set(k, v) : next.delete(k);
    location.hash = `#/tickets?${next}`;
  };
  document.getElementById('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    go({ status: f.get('status'), q: f.get('q'), overdue: f.get('overdue') ? 'true' : '', page: '' });
  });
  document.getElementById('prev').onclick = () => go({ page: String(page - 1) });
  document.getElementById('next').onclick = () => go({ page: String(page + 1) });
  view.querySelectorAll('tr.link').forEach((row) => (row.onclick = () => (location.hash = `#/tickets/${row.dataset.id}`)));
}

async function ticketView(id) {
  const ticket = await api(`/tickets/${id}`);
  const sla = await api(`/sla/tickets/${id}`).catch(() => ({ deadlines: [] }));
  const flags = [ticket.reporter?.anonymous && t('ticket.anonymous'), ticket.reporter?.confidential && t('ticket.confidential')].filter(Boolean);
  view.innerHTML = `<p><a href="#/tickets">← ${esc(t('ticket.back'))}</a></p>
    <div class="grid2"><div>
      <div class="card"><h1>${esc(ticket.trackingId)} · ${esc(ticket.title)}</h1>
        <p><span class="badge">${esc(ticket.statusLabel)}</span> ${ticket.overdueSince ? `<span class="badge overdue">${esc(t('tickets.late'))}</span>` : ''} ${flags.map((f) => `<span class="badge">${esc(f)}</span>`).join(' ')}</p>
        <p class="muted">${esc(t('tickets.unit'))}: ${esc(ticket.unitCode ?? '—')} · ${esc(t('ticket.category'))}: ${esc(ticket.category ?? '—')} · ${esc(t('ticket.kecamatan'))}: ${esc(ticket.kecamatanCode ?? '—')} · ${esc(t('tickets.received'))}: ${esc(when(ticket.receivedAt))}</p>
        <h2>${esc(t('ticket.text'))}</h2><p>${esc(ticket.text)}</p>
        ${ticket.triage ? `<h2>${esc(t('ticket.triage'))}</h2><p>${esc(ticket.triage.reason)}</p><p class="muted">${esc(t('ticket.suggestions'))}: ${ticket.triage.suggestions.map((s) => esc(`${s.unitCode} (${Math.round((s.score ?? s.confidence ?? 0) * 100)}%)`)).join(', ')}</p>` : ''}
      </div>
      <div class="card"><h2>${esc(t('ticket.history'))}</h2><ul class="history">${ticket.history.map((h) => `<li><strong>${esc(h.actionLabel)}</strong> <span class="muted">${esc(when(h.at))} · ${esc(h.actor.role)}${h.actor.userId ? ` ${esc(h.actor.userId)}` : ''}</span>${h.reason ? `<br>${esc(h.reason)}` : ''}${h.content ? `<br>${esc(h.content)}` : ''}</li>`).join('')}</ul></div>
    </div><div>
      <div class="card"><h2>${esc(t('ticket.actions'))}</h2>
        ${ticket.availableActions.filter((a) => ACTIONS[a.action]).length === 0 ? `<p class="muted">${esc(t('ticket.noActions'))}</p>` : ''}
        <div class="actions">${ticket.availableActions.filter((a) => ACTIONS[a.action]).map((a) => `<button class="secondary" data-action="${esc(a.action)}">${esc(a.label)}</button>`).join('')}</div>
        <div id="action-form"></div></div>
      <div class="card"><h2>${esc(t('ticket.deadlines'))}</h2>${sla.deadlines.length === 0 ? `<p class="muted">${esc(t('ticket.noDeadlines'))}</p>` : `<ul>${sla.deadlines.map((d) => `<li>${esc(t(`deadline.${d.kind}`))}: <span class="badge ${d.state === 'breached' ? 'overdue' : ''}">${esc(t(`state.${d.state}`))}</span> <span class="muted">${esc(t('deadline.due', { due: when(d.dueAt) }))}</span></li>`).join('')}</ul>`}</div>
    </div></div>`;
  view.querySelectorAll('[data-action]').forEach((button) => (button.onclick = () => actionForm(ticket, button.dataset.action)));
}

function actionForm(ticket, action) {
  const spec = ACTIONS[action];
  const holder = document.getElementById('action-form');
  const field = ([name, label, kind]) =>
    kind === 'textarea' ? `<label>${esc(t(label))}<textarea name="${name}" required></textarea></label>`
    : kind === 'archive' ? `<label>${esc(t(label))}<select name="${name}">${['spam', 'out_of_scope', 'duplicate', 'incomplete_information'].map((k) => `<option value="${k}">${esc(t(`archive.${k}`))}</option>`).join('')}</select></label>`
    : `<label>${esc(t(label))}<input name="${name}" required></label>`;
  holder.innerHTML = `<form class="action-form">${spec.fields.map(field).join('')}<div class="actions"><button class="primary">${esc(t('form.submit'))}</button><button type="button" class="secondary" id="cancel">${esc(t('form.cancel'))}</button></div><div class="error"></div></form>`;
  const form = holder.querySelector('form');
  // Disposisi from triage: offer routing's suggestions, best first.
  const unitInput = form.querySelector('input[name="unitCode"]');
  const suggestions = ticket.triage?.suggestions ?? [];
  if (unitInput && suggestions.length > 0) {
    unitInput.value = suggestions[0].unitCode;
    unitInput.setAttribute('list', 'unit-suggestions');
    const list = document.createElement('datalist');
    list.id = 'unit-suggestions';
    for (const s of suggestions) {
      const option = document.createElement('option');
      option.value = s.unitCode;
      list.append(option);
    }
    form.append(list);
  }
  holder.querySelector('#cancel').onclick = () => (holder.innerHTML = '');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(form).entries());
    try {
      await api(`/tickets/${ticket.id}/${spec.path}`, { method: 'POST', body, version: ticket.version });
      toast(t('done'));
      await ticketView(ticket.id);
    } catch (err) {
      if (err.status === 409) {
        toast(t('error.conflict'));
        await ticketView(ticket.id);
      } else form.querySelector('.error').textContent = errorText(err);
    }
  });
}

async function escalationsView() {
  const [inbox, all, reminders] = await Promise.all([api('/escalations/inbox'), api('/escalations?state=raised&pageSize=100'), api('/escalations/reminders')]);
  const rows = (items, withAck) =>
    items.length === 0 ? `<p class="muted">${esc(t('escalations.none'))}</p>` : `<table><thead><tr><th>${esc(t('escalations.level'))}</th><th>${esc(t('escalations.to'))}</th><th>${esc(t('tickets.unit'))}</th><th>${esc(t('escalations.deadline'))}</th><th>${esc(t('escalations.raised'))}</th><th></th></tr></thead><tbody>
      ${items.map((e) => `<tr><td>${e.level}</td><td>${esc(t(`role.${e.role}`))}</td><td>${esc(e.unitCode)}</td><td>${esc(t(`deadline.${e.deadlineKind}`))} · ${esc(when(e.deadlineAt))}</td><td>${esc(when(e.raisedAt))}</td>
        <td>${e.acknowledgedAt ? esc(t('escalations.acked', { who: e.acknowledgedBy })) : withAck ? `<button class="secondary" data-ack="${esc(e.id)}">${esc(t('escalations.ack'))}</button>` : ''} <a href="#/tickets/${esc(e.ticketId)}">→</a></td></tr>`).join('')}</tbody></table>`;
  const reminderList = reminders.items.length === 0 ? `<p class="muted">${esc(t('escalations.none'))}</p>`
    : `<ul>${reminders.items.map((r) => `<li><a href="#/tickets/${esc(r.ticketId)}">${esc(t(`deadline.${r.deadlineKind}`))} · ${esc(r.unitCode)}</a> — ${esc(t('deadline.due', { due: when(r.deadlineAt) }))} <span class="badge">${esc(t('reminder.used', { pct: Math.round(r.fraction * 100) }))}</span></li>`).join('')}</ul>`;
  view.innerHTML = `<h1>${esc(t('escalations.title'))}</h1>${rows(inbox.items, true)}<h2>${esc(t('escalations.reminders'))}</h2>${reminderList}<h2>${esc(t('escalations.all'))}</h2>${rows(all.items, false)}`;
  view.querySelectorAll('[data-ack]').forEach((b) => (b.onclick = async () => {
    try {
      await api(`/escalations/${b.dataset.ack}/acknowledge`, { method: 'POST' });
      toast(t('done'));
      await escalationsView();
    } catch (err) {
      toast(errorText(err));
    }
  }));
}

async function ikpView(params) {
  const period = params.get('period') || '';
  const [board, instructions] = await Promise.all([api(`/ikp/scoreboard${period ? `?period=${encodeURIComponent(period)}` : ''}`), api('/ikp/instructions?state=active')]);
  const indicators = Object.keys(board.policy.indicators);
  const canPublish = state.me && ['admin', 'sekda'].includes(state.me.role);
  view.innerHTML = `<h1>${esc(t('ikp.title'))}</h1>
    <form class="filters" id="period"><label>${esc(t('ikp.period'))}<input type="month" name="period" value="${esc(board.period)}"></label><button class="secondary">${esc(t('tickets.apply'))}</button>
    ${canPublish ? `<button type="button" class="primary" id="publish">${esc(t('ikp.publish'))}</button>` : ''}</form>
    <table><thead><tr><th>${esc(t('ikp.rank'))}</th><th>${esc(t('tickets.unit'))}</th><th>${esc(t('ikp.score'))}</th><th>${esc(t('ikp.zone'))}</th>${indicators.map((i) => `<th>${esc(t(`ikp.${i}`))}</th>`).join('')}</tr></thead><tbody>
    ${board.items.map((u) => `<tr><td>${u.rank ?? '—'}</td><td>${esc(u.unitName)}</td><td>${u.score ?? '—'}</td><td>${u.zone ? `<span class="badge zone-${esc(u.zone)}">${esc(u.zone)}</span>` : `<span class="muted">${esc(t('ikp.unmeasured'))}</span>`}</td>
      ${indicators.map((i) => `<td>${u.values[i] === null ? '—' : `${u.values[i]}% <span class="muted">/ ${u.targets[i]}%</span>`}</td>`).join('')}</tr>`).join('')}
    </tbody></table>
    <h2>${esc(t('ikp.instructions'))}</h2>
    ${instructions.items.length === 0 ? `<p class="muted">${esc(t('escalations.none'))}</p>` : `<table><thead><tr><th>${esc(t('tickets.subject'))}</th><th>${esc(t('tickets.unit'))}</th><th>${esc(t('instruction.due'))}</th><th>${esc(t('instruction.progress'))}</th></tr></thead><tbody>
    ${instructions.items.map((i) => `<tr><td>${esc(i.title)}<br><span class="muted">${esc(i.target)}</span></td><td>${esc(i.unitCode)}</td><td>${esc(when(i.dueAt))} <span class="badge ${i.standing === 'overdue' ? 'overdue' : ''}">${esc(t(`standing.${i.standing}`))}</span></td><td>${i.progress}%${ownUnit(i.unitCode) ? ` <button class="secondary" data-report="${esc(i.id)}">${esc(t('instruction.report'))}</button>` : ''}</td></tr>`).join('')}
    </tbody></table><div id="report-form"></div>`}`;
  document.getElementById('period').addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/ikp?period=${new FormData(e.target).get('period')}`;
  });
  view.querySelectorAll('[data-report]').forEach((b) => (b.onclick = () => reportForm(b.dataset.report)));
  const publish = document.getElementById('publish');
  if (publish) publish.onclick = async () => {
    try {
      const res = await api(`/ikp/periods/${board.period}/publish`, { method: 'POST' });
      toast(t('ikp.published', { count: res.published }));
    } catch (err) {
      toast(errorText(err));
    }
  };
}

const ownUnit = (unitCode) => state.me && ['officer', 'unit_head'].includes(state.me.role) && state.me.unitCode === unitCode;

/** The unit reports on a leadership instruction: progress in percent, or done. */
function reportForm(id) {
  const holder = document.getElementById('report-form');
  holder.innerHTML = `<form class="action-form card"><label>${esc(t('instruction.kind'))}<select name="kind"><option value="progress">${esc(t('instruction.progress'))}</option><option value="done">${esc(t('standing.done_on_time'))}</option></select></label>
    <label>${esc(t('instruction.progress'))} (%)<input name="progress" type="number" min="0" max="100" value="50"></label>
    <label>${esc(t('form.note'))}<textarea name="note" required></textarea></label>
    <div class="actions"><button class="primary">${esc(t('form.submit'))}</button></div><div class="error"></div></form>`;
  const form = holder.querySelector('form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const body = { kind: f.get('kind'), note: f.get('note'), ...(f.get('kind') === 'progress' ? { progress: Number(f.get('progress')) } : {}) };
    try {
      await api(`/ikp/instructions/${id}/reports`, { method: 'POST', body });
      toast(t('done'));
      holder.innerHTML = '';
    } catch (err) {
      form.querySelector('.error').textContent = errorText(err);
    }
  });
}

// ---------- routing ----------

async function render() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  if (!state.token && path !== '/login') return void (location.hash = '#/login');
  if (state.token && !state.me) state.me = await api('/auth/me').catch(() => null);
  applyChrome();
  try {
    if (path === '/login') return loginView();
    if (path.startsWith('/tickets/')) return await ticketView(path.slice('/tickets/'.length));
    if (path === '/escalations') return await escalationsView();
    if (path === '/ikp') return await ikpView(params);
    return await ticketsView(params);
  } catch (err) {
    if (err.status !== 401) view.innerHTML = `<div class="card error">${esc(errorText(err))}</div>`;
  }
}

document.getElementById('lang').onclick = () => {
  state.lang = state.lang === 'id' ? 'en' : 'id';
  localStorage.setItem('lang', state.lang);
  render();
};
document.getElementById('logout').onclick = signOut;
window.addEventListener('hashchange', render);
state.messages = await (await fetch('i18n.json')).json();
render();
