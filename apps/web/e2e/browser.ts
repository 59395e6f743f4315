// Chromium driven by playwright-core (the system's /usr/bin/chromium; no browser download), with
// helpers a person's actions map to: sign in, take screenshots, scan with axe, scan visible text.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../../..');
export const SCREENSHOTS = join(ROOT, '.run/screenshots');
export const PASSWORD = 'bekasi-demo-2026';
export const DESKTOP = { width: 1400, height: 900 };
export const PHONE = { width: 360, height: 740 };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function newPage(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(msg.text());
  });
  return { context, page, errors };
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: /^(Keluar|Sign out)$/ }).waitFor();
}

/** Until no API request has been in flight for a moment and nothing says "loading". */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __idleSince?: number };
      const idle = (document.documentElement.dataset.busy ?? '0') === '0' && !/Memuat…|Loading…/.test(document.body.textContent ?? '');
      if (!idle) return (w.__idleSince = undefined), false;
      w.__idleSince ??= Date.now();
      return Date.now() - w.__idleSince > 400;
    },
    null,
    { timeout: 20_000, polling: 100 },
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is; only serious and critical findings. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  // evaluate() runs in the page's context without being an inline script, so the UI's CSP stays on.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The text a person sees, without what reporters wrote (complaint titles and texts are theirs). */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[data-user-content], script, style').forEach((el) => el.remove());
    // innerText of a detached clone ignores CSS; read option labels and visible text alike.
    return clone.textContent ?? '';
  });
}

/** Codes found as whole words in `text` (case-sensitive: codes are written as codes). */
export function codesIn(text: string, codes: readonly string[]): string[] {
  return codes.filter((code) => new RegExp(`(^|[^A-Za-z0-9_])${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9_]|$)`).test(text));
}
