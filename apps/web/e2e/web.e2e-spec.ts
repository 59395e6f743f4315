// The web UI as people use it, in a real Chromium, against the whole system started for this suite.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeSerious, codesIn, launch, newPage, PASSWORD, PHONE, screenshot, settled, signIn, visibleText } from './browser';
import { startSystem, type SystemUnderTest } from './system-under-test';

const ROOT = resolve(__dirname, '../../..');
const STATUS_CODES = ['received', 'triage', 'assigned', 'acknowledged', 'in_progress', 'waiting_reporter', 'answered', 'reopened', 'reassign_requested', 'closed', 'archived'];
const SAMPLE_EXPORT = join(ROOT, 'libs/shared/reference-data/fixtures/sample-laporan-ringkas.csv');

let sut: SystemUnderTest;
let browser: Browser;
let unitCodes: string[] = [];
/** A unit with open tickets: its officer has an inbox to work. */
let busyUnit = '';

interface Summary {
  id: string;
  trackingId: string;
  version: number;
  unitCode: string | null;
}

/** The API as `username`, signing in again when the short-lived access token ran out. */
async function apiAs(username: string) {
  const signInNow = async () => {
    const login = await fetch(`${sut.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ username, password: PASSWORD }) });
    if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
    return ((await login.json()) as { accessToken: string }).accessToken;
  };
  let accessToken = await signInNow();
  return async <T>(path: string, init: { method?: string; body?: unknown; version?: number } = {}): Promise<T> => {
    const send = () =>
      fetch(`${sut.baseUrl}/api/v1${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', connection: 'close', ...(init.version ? { 'if-match': String(init.version) } : {}) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    let res = await send();
    if (res.status === 401) {
      accessToken = await signInNow();
      res = await send();
    }
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** What every screen must hold to: no console errors, no serious axe finding, no code on screen; a screenshot. */
async function checkScreen(page: Page, name: string, errors: string[]): Promise<void> {
  await settled(page);
  await screenshot(page, name);
  const violations = await axeSerious(page);
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
  const text = await visibleText(page);
  expect({ screen: name, codes: codesIn(text, unitCodes) }).toEqual({ screen: name, codes: [] });
  if ((await page.evaluate(() => document.documentElement.lang)) === 'id') {
    expect({ screen: name, statuses: codesIn(text, STATUS_CODES) }).toEqual({ screen: name, statuses: [] });
  }
  expect({ screen: name, errors }).toEqual({ screen: name, errors: [] });
  const { width, scroll } = await page.evaluate(() => ({ width: window.innerWidth, scroll: document.documentElement.scrollWidth }));
  expect({ screen: name, sideways: scroll > width }).toEqual({ screen: name, sideways: false });
}

const rowCount = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).count();

beforeAll(async () => {
  sut = await startSystem();
  browser = await launch();
  const admin = await apiAs('admin');
  const units = await admin<{ code: string; abbr: string; name: string }[]>('/units');
  // A unit whose abbreviation is its code (DLH, BPBD) is named by that abbreviation; every other code must never show.
  unitCodes = units.filter((u) => !u.abbr.includes(u.code) && !u.name.includes(u.code)).map((u) => u.code);
  // The demo data flows intake → routing → desk after boot: wait for it, then make sure one unit has work
  // (routing may send much to triage; the admin then disposes three, as a person would).
  let triageTotal = 0;
  for (const until = Date.now() + 120_000; Date.now() < until && triageTotal < 12; await new Promise((r) => setTimeout(r, 1_000))) {
    triageTotal = (await admin<{ total: number }>('/tickets?status=triage&pageSize=1')).total;
  }
  const open = await admin<{ items: Summary[] }>('/tickets?status=assigned&pageSize=50');
  busyUnit = open.items.filter((t) => t.unitCode).length >= 3 ? open.items.find((t) => t.unitCode)!.unitCode! : '';
  if (!busyUnit) {
    const queue = await admin<{ items: Summary[] }>('/tickets?status=triage&pageSize=3');
    const first = await admin<{ triage: { suggestions: { unitCode: string }[] } | null }>(`/tickets/${queue.items[0].id}`);
    busyUnit = first.triage?.suggestions[0]?.unitCode ?? 'DINSOS';
    for (const t of queue.items) await admin(`/tickets/${t.id}/disposition`, { method: 'POST', body: { unitCode: busyUnit }, version: t.version });
  }
  expect(busyUnit).not.toBe('');
  expect(unitCodes.length).toBeGreaterThan(10);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await sut?.stop();
});

describe('the web UI in Chromium', () => {
  it("has API types generated from the services' current OpenAPI documents", () => {
    const committed = join(ROOT, 'apps/web/src/api/generated');
    // UPDATE_API_TYPES=1 npm run web:e2e -- -t 'API types' rewrites them from the running services.
    const out = process.env.UPDATE_API_TYPES ? committed : mkdtempSync(join(tmpdir(), 'api-types-'));
    execFileSync(process.execPath, [join(ROOT, 'apps/web/scripts/generate-api-types.mjs')], { env: { ...process.env, API_DOCS_URLS: JSON.stringify(sut.urls), OUT_DIR: out } });
    for (const file of readdirSync(out)) {
      expect({ file, text: readFileSync(join(committed, file), 'utf8') }).toEqual({ file, text: readFileSync(join(out, file), 'utf8') });
    }
  });

  it('signs in with the keyboard alone', async () => {
    const { context, page, errors } = await newPage(browser, sut.baseUrl);
    await page.goto('/');
    await settled(page);
    await checkScreen(page, 'login-desktop', errors);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // language
    await page.keyboard.press('Tab');
    await page.keyboard.type(`officer.${busyUnit.toLowerCase()}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/inbox/);
    // The menu and the first ticket are reachable by Tab and open with Enter.
    const link = page.locator('a.ticket-link').first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/tickets\//);
    await context.close();
  });

  it.each([
    ['admin', 'triage', 'Antrean verifikasi'],
    ['officer.dinsos', 'inbox', 'Kotak masuk'],
    ['head.kec_babelan', 'inbox', 'Kotak masuk'],
    ['asda1', 'dashboard', 'Dasbor pimpinan'],
    ['sekda', 'dashboard', 'Dasbor pimpinan'],
    ['bupati', 'dashboard', 'Dasbor pimpinan'],
  ])('signs %s in and lands on the %s screen the server names', async (username, screen, heading) => {
    const { context, page, errors } = await newPage(browser, sut.baseUrl);
    await signIn(page, username);
    await page.waitForURL(new RegExp(`#/${screen}`));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(heading);
    await checkScreen(page, `home-${username.replace(/\./g, '-')}-desktop`, errors);
    await context.close();
  });

  it('takes an officer from the inbox to an answer sent, with only the actions desk offers', async () => {
    const admin = await apiAs('admin');
    const assigned = await admin<{ items: Summary[] }>(`/tickets?status=assigned&unitCode=${busyUnit}&pageSize=50`);
    const ticket = assigned.items.find((t) => t.unitCode);
    expect(ticket).toBeDefined();
    const officer = `officer.${ticket!.unitCode!.toLowerCase()}`;
    const { context, page, errors } = await newPage(browser, sut.baseUrl);
    await signIn(page, officer);
    await page.getByRole('link', { name: /Baru/ }).click();
    await settled(page);
    await expect(page.getByTestId('count-new').textContent()).resolves.toMatch(/^[1-9]\d*$/);
    await page.getByRole('link', { name: new RegExp(ticket!.trackingId) }).click();
    await settled(page);
    await checkScreen(page, 'ticket-officer-desktop', errors);
    // An officer may not dispose or archive: desk does not offer it, so no button shows.
    await expect(page.locator('[data-action="dispose"], [data-action="archive"]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Terima disposisi' }).click();
    await page.getByTestId('ticket-status').filter({ hasText: 'Diterima perangkat daerah' }).waitFor();
    await page.getByRole('button', { name: 'Mulai tindak lanjut' }).click();
    await page.getByTestId('ticket-status').filter({ hasText: 'Sedang ditindaklanjuti' }).waitFor();
    await page.getByRole('button', { name: 'Kirim tindak lanjut' }).click();
    await page.getByLabel('Tindak lanjut kepada pelapor').fill('Petugas sudah meninjau lokasi dan perbaikan dijadwalkan pekan ini.');
    await checkScreen(page, 'ticket-answer-form-desktop', errors);
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await page.getByTestId('ticket-status').filter({ hasText: 'Sudah dijawab' }).waitFor();
    await expect(page.locator('.timeline').textContent()).resolves.toContain('Petugas sudah meninjau lokasi');
    const after = await admin<{ status: string }>(`/tickets/${ticket!.id}`);
    expect(after.status).toBe('answered');
    await context.close();
  });

  it('lets the admin dispose from the triage queue, one by suggestion and two in bulk, and the queue follows live', async () => {
    const { context, page, errors } = await newPage(browser, sut.baseUrl);
    await signIn(page, 'admin');
    await page.waitForURL(/#\/triage/);
    await settled(page);
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
    const trackingOf = (i: number) => page.locator('[data-testid="triage-row"] .tracking').nth(i).textContent() as Promise<string>;
    const gone = (trackingId: string) =>
      page.waitForFunction((id) => !Array.from(document.querySelectorAll('[data-testid="triage-row"] .tracking')).some((el) => el.textContent === id), trackingId, { timeout: 20_000 });
    expect(await rowCount(page, 'triage-row')).toBeGreaterThan(3);
    // Suggestions by name with confidence, and the words that carried them (from routing's decisions).
    expect(await page.locator('[data-testid="triage-row"]').filter({ hasText: /keyakinan \d+\s?%/ }).count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="triage-row"]').filter({ hasText: 'kata kunci:' }).count()).toBeGreaterThan(0);
    // One complaint to routing's best suggestion: a button named by the unit, never its code.
    const first = await trackingOf(0);
    await page.locator('[data-testid="triage-row"]').first().locator('button.suggestion').first().click();
    await page.locator('.toast').filter({ hasText: '1 laporan didisposisi, 0 gagal' }).waitFor();
    await gone(first);
    // Two at once to their top suggestions, with progress.
    await settled(page);
    const [a, b] = [await trackingOf(0), await trackingOf(1)];
    const rows = page.locator('[data-testid="triage-row"]');
    await rows.filter({ hasText: a }).getByRole('checkbox').check();
    await rows.filter({ hasText: b }).getByRole('checkbox').check();
    await page.getByRole('button', { name: /Disposisi 2 laporan terpilih ke usulan teratas/ }).click();
    await page.locator('.toast').filter({ hasText: '2 laporan didisposisi, 0 gagal' }).waitFor();
    await gone(a);
    await gone(b);
    // Someone else disposes one: the queue updates from the live stream, without a reload.
    await settled(page);
    const admin = await apiAs('admin');
    const shown = await trackingOf(0);
    const queue = await admin<{ items: Summary[] }>(`/tickets?status=triage&q=${encodeURIComponent(shown)}&pageSize=1`);
    const other = await admin<{ triage: { suggestions: { unitCode: string }[] } | null; version: number }>(`/tickets/${queue.items[0].id}`);
    await admin(`/tickets/${queue.items[0].id}/disposition`, { method: 'POST', body: { unitCode: other.triage?.suggestions[0]?.unitCode ?? 'DINSOS' }, version: other.version });
    await gone(shown);
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await checkScreen(page, 'triage-after-desktop', errors);
    await context.close();
  });

  it('imports a LAPOR! export with a progress bar and shows the report', async () => {
    const { context, page, errors } = await newPage(browser, sut.baseUrl);
    await signIn(page, 'admin');
    await page.goto('/#/imports');
    await settled(page);
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => document.querySelector('[data-testid="import-progress"] progress') && (w.__sawProgress = true)).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByLabel('Berkas ekspor (XLSX atau CSV)').setInputFiles(SAMPLE_EXPORT);
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
    // The demo seed imported the same file at start: every row is a duplicate now, none lost.
    const report = await page.getByTestId('import-report').textContent();
    expect(report).toMatch(/Duplikat\s*[1-9]/);
    await checkScreen(page, 'import-report-desktop', errors);
    await context.close();
  });

  it("shows the Sekda's dashboard with data in every chart", async () => {
    const { context, page, errors } = await newPage(browser, sut.baseUrl);
    await signIn(page, 'sekda');
    await page.goto('/#/dashboard?weeks=12');
    await settled(page);
    for (const chart of ['chart-incoming', 'chart-overdue', 'chart-escalations', 'chart-zones', 'chart-trend']) {
      await page.locator(`[data-testid="${chart}"] .chart-canvas[data-rendered="true"]`).waitFor();
      const values = await page.locator(`[data-testid="${chart}"] tbody td:not(:first-child)`).allTextContents();
      const total = values.map((v) => Number(v.replace(',', '.'))).filter((n) => !Number.isNaN(n)).reduce((a, b) => a + b, 0);
      expect({ chart, hasData: total > 0 }).toEqual({ chart, hasData: true });
    }
    await checkScreen(page, 'dashboard-sekda-desktop', errors);
    // The IKP board's export downloads as a workbook.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh papan IKP (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ikp-\d{4}-\d{2}\.xlsx$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    // Filter by unit group: the URL carries it, the charts reload.
    await page.getByLabel('Kelompok perangkat daerah').selectOption('II');
    await page.waitForURL(/group=II/);
    await settled(page);
    await checkScreen(page, 'dashboard-sekda-group-desktop', errors);
    await context.close();
  });

  it('switches the language to English and back', async () => {
    const { context, page, errors } = await newPage(browser, sut.baseUrl);
    await signIn(page, `officer.${busyUnit.toLowerCase()}`);
    await settled(page);
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Inbox');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await checkScreen(page, 'inbox-officer-english-desktop', errors);
    await page.reload();
    await settled(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Inbox');
    await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kotak masuk');
    await context.close();
  });

  it('works on a 360 px phone: the menu folds, nothing scrolls sideways', async () => {
    const { context, page, errors } = await newPage(browser, sut.baseUrl, PHONE);
    await signIn(page, `officer.${busyUnit.toLowerCase()}`);
    await settled(page);
    await checkScreen(page, 'inbox-officer-phone', errors);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Eskalasi' }).click();
    await page.waitForURL(/#\/escalations/);
    await page.goto('/#/inbox');
    await settled(page);
    await page.locator('a.ticket-link').first().click();
    await settled(page);
    await checkScreen(page, 'ticket-officer-phone', errors);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it('opens Bull Board for the admin only', async () => {
    expect((await fetch(`${sut.baseUrl}/queues/`)).status).toBe(401);
    const officer = await apiAs(`officer.${busyUnit.toLowerCase()}`);
    await expect(officer('/sla/queues/session', { method: 'POST' })).rejects.toThrow(/403/);
    const { context, page } = await newPage(browser, sut.baseUrl);
    await signIn(page, 'admin');
    await page.goto('/#/queues');
    await settled(page);
    const [board] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Buka Bull Board' }).click()]);
    await board.waitForLoadState('domcontentloaded');
    expect(board.url()).toMatch(/\/queues\/$/);
    await board.getByText('sla-timers').first().waitFor({ timeout: 20_000 });
    await board.getByText('sla-timers').first().click();
    await board.waitForLoadState('networkidle');
    await screenshot(board, 'bull-board-admin-desktop');
    await context.close();
  });

  it.each([['desktop'], ['phone']])('passes axe and shows no code on any screen (%s)', async (kind) => {
    const { context, page, errors } = await newPage(browser, sut.baseUrl, kind === 'phone' ? PHONE : undefined);
    await signIn(page, 'admin');
    const me = await page.evaluate(async () => {
      const token = JSON.parse(sessionStorage.getItem('bekasi.session') ?? '{}').accessToken;
      return (await (await fetch('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } })).json()) as { capabilities: { screens: string[] } };
    });
    expect(me.capabilities.screens.length).toBeGreaterThan(8);
    for (const screen of me.capabilities.screens) {
      await page.goto(`/#/${screen}`);
      await checkScreen(page, `${screen}-admin-${kind}`, errors);
    }
    const admin = await apiAs('admin');
    const triage = await admin<{ items: Summary[] }>('/tickets?status=triage&pageSize=1');
    await page.goto(`/#/tickets/${triage.items[0].id}`);
    await checkScreen(page, `ticket-triage-admin-${kind}`, errors);
    await context.close();
  });
});

afterAll(() => writeFileSync(join(ROOT, '.run/screenshots/README.txt'), 'Screenshots of the browser suite (apps/web/e2e): <screen>-<who>-<desktop|phone>.png\n'));
