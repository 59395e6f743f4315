/**
 * @jest-environment jsdom
 */
/// <reference lib="dom" />
// The web UI in a browser-like DOM (jsdom) with the gateway's API played by a stub: what the user sees
// and what the UI sends. The API's own behaviour is tested against the real services elsewhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..', 'public');
const i18n = JSON.parse(readFileSync(join(dir, 'i18n.json'), 'utf8'));
const TICKET = {
  id: '0b6f3c5e-8f5e-4c53-9d0e-2b1f3c4d5e6f',
  trackingId: 'BKS-2026-000101',
  version: 2,
  status: 'assigned',
  statusLabel: 'Terdisposisi',
  unitCode: 'SDABMBK',
  kecamatanCode: 'babelan',
  category: 'Jalan',
  title: 'Jalan rusak <img src=x onerror="window.__xss=1">',
  receivedAt: '2026-11-20T02:00:00.000Z',
  overdueSince: '2026-11-23T02:00:00.000Z',
};

const TRIAGE_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

function stubApi(calls: Call[]) {
  return async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
    const path = String(url);
    const method = init.method ?? 'GET';
    calls.push({ method, path, headers: init.headers ?? {}, body: init.body ? JSON.parse(init.body) : undefined });
    const json = (status: number, body: unknown) => ({ ok: status < 400, status, json: async () => body });
    if (path === 'i18n.json') return json(200, i18n);
    if (path === '/api/v1/auth/login') return json(200, { accessToken: 'token-officer' });
    if (path === '/api/v1/auth/me') return json(200, { username: 'officer.sdabmbk', displayName: 'Petugas SDABMBK', role: 'officer', unitCode: 'SDABMBK' });
    if (path.startsWith('/api/v1/tickets?')) return json(200, { items: [TICKET], page: 1, pageSize: 25, total: 1 });
    if (path === `/api/v1/tickets/${TICKET.id}`) {
      return json(200, {
        ...TICKET,
        text: 'Lubang besar di depan sekolah.',
        reporter: { anonymous: true, confidential: false },
        triage: null,
        availableActions: [{ action: 'acknowledge', label: 'Terima disposisi' }, { action: 'request_reassign', label: 'Bukan kewenangan' }],
        history: [{ at: '2026-11-20T03:00:00.000Z', actor: { role: 'system', userId: null }, actionLabel: 'Disposisi otomatis', reason: null, content: null }],
      });
    }
    if (path === `/api/v1/sla/tickets/${TICKET.id}`) return json(200, { deadlines: [{ kind: 'first-response', state: 'breached', dueAt: '2026-11-23T17:00:00.000Z' }] });
    if (path === `/api/v1/tickets/${TRIAGE_ID}`) {
      return json(200, {
        ...TICKET,
        id: TRIAGE_ID,
        status: 'triage',
        statusLabel: 'Menunggu verifikasi admin',
        unitCode: null,
        overdueSince: null,
        text: 'Banjir setinggi lutut di perumahan.',
        reporter: { anonymous: false, confidential: false },
        triage: { reason: 'Dua perangkat daerah sama kuat', suggestions: [{ unitCode: 'BPBD', score: 0.41 }, { unitCode: 'SDABMBK', score: 0.39 }] },
        availableActions: [{ action: 'dispose', label: 'Disposisi' }],
        history: [],
      });
    }
    if (path === `/api/v1/tickets/${TRIAGE_ID}/disposition`) return json(200, {});
    if (path.startsWith('/api/v1/ikp/scoreboard')) {
      const policy = { indicators: { first_response_on_time: {}, instructions_on_time: {} } };
      const values = { first_response_on_time: 95, instructions_on_time: null };
      const targets = { first_response_on_time: 90, instructions_on_time: 100 };
      return json(200, {
        period: '2026-11',
        policy,
        items: [
          { rank: 1, unitName: 'Dinas Sosial', score: 92.5, zone: 'hijau', values, targets },
          { rank: null, unitName: 'BPBD', score: null, zone: null, values: { first_response_on_time: null, instructions_on_time: null }, targets },
        ],
      });
    }
    if (path.startsWith('/api/v1/ikp/instructions')) {
      if (method === 'POST') return json(200, {});
      return json(200, {
        items: [
          { id: 'i-1', title: 'Tangani kekeringan', target: 'Air bersih tersalur', unitCode: 'BPBD', dueAt: '2026-11-10T10:00:00.000Z', standing: 'overdue', progress: 40 },
          { id: 'i-2', title: 'Perbaiki jalan menuju puskesmas', target: 'Jalan mulus', unitCode: 'SDABMBK', dueAt: '2026-12-10T10:00:00.000Z', standing: 'on_track', progress: 20 },
        ],
      });
    }
    if (path === `/api/v1/tickets/${TICKET.id}/acknowledge`) return json(409, { statusCode: 409, error: 'VERSION_CONFLICT', message: 'Laporan telah diubah' });
    return json(404, { message: 'tidak ada' });
  };
}

async function until<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`UI never showed ${what}`);
}

describe('web UI', () => {
  const calls: Call[] = [];

  beforeAll(async () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    document.body.innerHTML = html.slice(html.indexOf('<body>') + 6, html.indexOf('<script'));
    sessionStorage.clear();
    localStorage.clear();
    location.hash = '';
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
    // app.js is a plain module without imports: run its text with the stub as `fetch`.
    await new AsyncFunction('fetch', readFileSync(join(dir, 'app.js'), 'utf8'))(stubApi(calls));
  });

  it('asks an unknown visitor to sign in, in Bahasa Indonesia', async () => {
    const form = await until(() => document.querySelector<HTMLFormElement>('#login'), 'the login form');
    expect(document.querySelector('h1')!.textContent).toBe('Masuk ke LAPOR! Kabupaten Bekasi');
    expect(form.querySelector('button')!.textContent).toBe('Masuk');
  });

  it('signs in, lists the unit\'s tickets with their overdue mark, and never renders their text as HTML', async () => {
    const form = document.querySelector<HTMLFormElement>('#login')!;
    (form.elements.namedItem('username') as HTMLInputElement).value = 'officer.sdabmbk';
    (form.elements.namedItem('password') as HTMLInputElement).value = 'bekasi-demo-2026';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    const row = await until(() => document.querySelector('tr.link'), 'the ticket list');
    expect(calls.find((c) => c.path === '/api/v1/auth/login')!.body).toEqual({ username: 'officer.sdabmbk', password: 'bekasi-demo-2026' });
    expect(calls.find((c) => c.path.startsWith('/api/v1/tickets?'))!.headers.authorization).toBe('Bearer token-officer');
    expect(row.textContent).toContain('BKS-2026-000101');
    expect(row.textContent).toContain('Terlambat');
    expect(row.querySelector('img')).toBeNull();
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
    expect(document.getElementById('who')!.textContent).toContain('Petugas SDABMBK');
  });

  it('opens a ticket with its deadlines and the actions the state machine offers, sending the version it saw', async () => {
    (document.querySelector('tr.link') as HTMLElement).click();
    const button = await until(() => document.querySelector<HTMLButtonElement>('[data-action="acknowledge"]'), 'the actions');
    expect(Array.from(document.querySelectorAll('[data-action]')).map((b) => b.textContent)).toEqual(['Terima disposisi', 'Bukan kewenangan']);
    expect(document.body.textContent).toContain('Tanggapan pertama');
    expect(document.body.textContent).toContain('terlewati');
    expect(document.body.textContent).toContain('Anonim');
    button.click();
    const form = await until(() => document.querySelector<HTMLFormElement>('.action-form'), 'the action form');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    const sent = await until(() => calls.find((c) => c.method === 'POST' && c.path.endsWith('/acknowledge')), 'the acknowledge call');
    expect(sent.headers['if-match']).toBe('2');
    // A concurrent change (409) tells the user and reloads the ticket.
    await until(() => document.getElementById('toast')!.textContent === i18n.id['error.conflict'], 'the conflict message');
  });

  it('offers routing\'s suggestions when the admin disposes a ticket from triage', async () => {
    location.hash = `#/tickets/${TRIAGE_ID}`;
    const button = await until(() => document.querySelector<HTMLButtonElement>('[data-action="dispose"]'), 'the dispose action');
    expect(document.body.textContent).toContain('BPBD (41%)');
    button.click();
    const input = await until(() => document.querySelector<HTMLInputElement>('.action-form input[name="unitCode"]'), 'the disposition form');
    expect(input.value).toBe('BPBD');
    expect(Array.from(document.querySelectorAll('#unit-suggestions option')).map((o) => (o as HTMLOptionElement).value)).toEqual(['BPBD', 'SDABMBK']);
    input.value = 'SDABMBK';
    (document.querySelector('.action-form textarea[name="reason"]') as HTMLTextAreaElement).value = 'Genangan karena drainase';
    document.querySelector('.action-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    const sent = await until(() => calls.find((c) => c.path.endsWith('/disposition')), 'the disposition call');
    expect(sent.body).toEqual({ unitCode: 'SDABMBK', reason: 'Genangan karena drainase' });
  });

  it('shows the IKP board with its zones and the leadership\'s open instructions', async () => {
    location.hash = '#/ikp';
    const table = await until(() => document.querySelector('.zone-hijau'), 'the IKP board');
    expect(table.textContent).toBe('hijau');
    expect(document.body.textContent).toContain('95% / 90%');
    expect(document.body.textContent).toContain('belum terukur');
    expect(document.body.textContent).toContain('Tangani kekeringan');
    expect(document.body.textContent).toContain('terlambat');
    // The officer reports only on their own unit's instruction.
    expect(Array.from(document.querySelectorAll('[data-report]')).map((b) => (b as HTMLElement).dataset.report)).toEqual(['i-2']);
    (document.querySelector('[data-report="i-2"]') as HTMLButtonElement).click();
    const form = await until(() => document.querySelector<HTMLFormElement>('#report-form form'), 'the report form');
    (form.elements.namedItem('kind') as HTMLSelectElement).value = 'done';
    (form.elements.namedItem('note') as HTMLTextAreaElement).value = 'Jalan sudah diaspal ulang';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    const sent = await until(() => calls.find((c) => c.method === 'POST' && c.path === '/api/v1/ikp/instructions/i-2/reports'), 'the report call');
    expect(sent.body).toEqual({ kind: 'done', note: 'Jalan sudah diaspal ulang' });
  });

  it('switches to English', async () => {
    (document.getElementById('lang') as HTMLButtonElement).click();
    await until(() => document.querySelector('nav a')!.textContent === 'Tickets', 'English navigation');
    expect(document.getElementById('lang')!.textContent).toBe('Bahasa Indonesia');
  });
});
