// The web UI as people use it, in a real Chromium, against the whole system started for this suite.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeSerious, codesIn, launch, newPage, PASSWORD, screenshot, signIn, visibleText } from './browser';
import { startSystem, type SystemUnderTest } from './system-under-test';

const ROOT = resolve(__dirname, '../../..');
const STATUS_CODES = ['received', 'triage', 'assigned', 'acknowledged', 'in_progress', 'waiting_reporter', 'answered', 'reopened', 'reassign_requested', 'closed', 'archived'];

let sut: SystemUnderTest;
let browser: Browser;
let unitCodes: string[] = [];

async function apiAs(username: string) {
  const login = await fetch(`${sut.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(path: string, init: { method?: string; body?: unknown; version?: number } = {}): Promise<T> => {
    const res = await fetch(`${sut.baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', ...(init.version ? { 'if-match': String(init.version) } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** Every screen check a person relies on: no console errors, no serious axe finding, no codes on screen. */
async function checkScreen(page: Page, name: string, errors: string[]): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.body.textContent?.includes('Memuat…') && !document.body.textContent?.includes('Loading…'), null, { timeout: 15_000 });
  await screenshot(page, name);
  const violations = await axeSerious(page);
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
  const text = await visibleText(page);
  expect({ screen: name, codes: codesIn(text, unitCodes) }).toEqual({ screen: name, codes: [] });
  if ((await page.evaluate(() => document.documentElement.lang)) === 'id') {
    expect({ screen: name, statuses: codesIn(text, STATUS_CODES) }).toEqual({ screen: name, statuses: [] });
  }
  expect({ screen: name, errors }).toEqual({ screen: name, errors: [] });
}

beforeAll(async () => {
  sut = await startSystem();
  browser = await launch();
  const admin = await apiAs('admin');
  const units = await admin<{ code: string; abbr: string; name: string }[]>('/units');
  // A unit whose abbreviation is its code (DLH, BPBD) is named by that abbreviation; every other code must never show.
  unitCodes = units.filter((u) => u.abbr !== u.code && !u.name.includes(u.code)).map((u) => u.code);
  expect(unitCodes.length).toBeGreaterThan(10);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await sut?.stop();
});

describe('the web UI in Chromium', () => {
  it('has API types generated from the services\' current OpenAPI documents', () => {
    const out = mkdtempSync(join(tmpdir(), 'api-types-'));
    execFileSync(process.execPath, [join(ROOT, 'apps/web/scripts/generate-api-types.mjs')], { env: { ...process.env, API_DOCS_URLS: JSON.stringify(sut.urls), OUT_DIR: out } });
    const committed = join(ROOT, 'apps/web/src/api/generated');
    for (const file of readdirSync(out)) {
      expect({ file, text: readFileSync(join(committed, file), 'utf8') }).toEqual({ file, text: readFileSync(join(out, file), 'utf8') });
    }
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
});
