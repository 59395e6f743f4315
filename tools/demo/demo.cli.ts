// npm run demo: the people of the demo at work, against a running system (`npm start`). The LAPOR
// admin disposes the triage queue by the top suggestion; each unit's officer follows up most of its
// tickets, leaves some to go overdue (they escalate) and refuses a few; reporters rate the answers;
// the Sekda publishes the month's IKP. Everything goes through the gateway, like the web UI.
// With `TIME_SCALE=2880 npm start` a working day passes in 30 s: run it again to see deadlines pass.
import { readFileSync } from 'node:fs';
import { reporterKeyFor, secretListOf } from '@bekasi/auth';
import { DeskApiError, DeskClient } from '@bekasi/desk-client';
import { ratingOf, treatmentOf } from './demo-plan';

const base = process.env.DEMO_GATEWAY_URL ?? 'http://127.0.0.1:3000';
const password = process.env.DEMO_PASSWORD ?? 'bekasi-demo-2026';
// The reporters' side: the demo plays the channels, which hold each complaint's reporter key; it
// derives them from the development reporter-key secret (`node tools/dev-keys.js`).
const reporterSecret = secretListOf(process.env.REPORTER_KEY_SECRET ?? readFileSync(process.env.REPORTER_KEY_SECRET_FILE ?? '.run/keys/reporter-key.secret', 'utf8'))[0];

/** Access tokens live 55 s: every actor signs in when their turn comes. */
async function signIn(username: string): Promise<{ client: DeskClient; token: string }> {
  const client = new DeskClient({ baseUrl: base, reporterKey: (trackingId) => reporterKeyFor(reporterSecret, trackingId) });
  const { accessToken } = await client.login(username, password);
  return { client: client.withToken(accessToken), token: accessToken };
}

async function api<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function allOf(client: DeskClient, status: 'triage' | 'assigned' | 'acknowledged'): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await client.inbox({ status: [status], page, pageSize: 100 });
    ids.push(...result.items.map((i) => i.id));
    if (page * result.pageSize >= result.total) return ids;
  }
}

/** Runs one step; a ticket someone else changed meanwhile (409) or that moved on is skipped, not fatal. */
async function step(done: Record<string, number>, what: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
    done[what] = (done[what] ?? 0) + 1;
  } catch (err) {
    if (err instanceof DeskApiError && [404, 409, 422].includes(err.status)) done.skipped = (done.skipped ?? 0) + 1;
    else throw err;
  }
}

async function main(): Promise<void> {
  const done: Record<string, number> = {};
  const { client: admin } = await signIn('admin');
  for (const id of await allOf(admin, 'triage')) {
    const ticket = await admin.ticket(id);
    const best = ticket.triage?.suggestions[0]?.unitCode;
    if (best) await step(done, 'disposed from triage', () => admin.dispose(id, ticket.version, best, 'Disposisi demo: usulan teratas sistem'));
  }

  const { client: adminAgain } = await signIn('admin');
  const units = [...new Set((await adminAgain.inbox({ status: ['assigned', 'acknowledged'], pageSize: 100 })).items.map((i) => i.unitCode).filter((c): c is string => !!c))];
  for (const unit of units) {
    const { client: officer } = await signIn(`officer.${unit.toLowerCase()}`);
    for (const id of [...(await allOf(officer, 'assigned')), ...(await allOf(officer, 'acknowledged'))]) {
      const treatment = treatmentOf(id);
      if (treatment === 'ignore') continue;
      let ticket = await officer.ticket(id);
      if (treatment === 'refuse') {
        await step(done, 'refused (bukan kewenangan)', () => officer.requestReassignment(id, ticket.version, 'Bukan kewenangan unit kami; mohon disposisi ulang.'));
        continue;
      }
      if (ticket.status === 'assigned') {
        await step(done, 'acknowledged', () => officer.acknowledge(id, ticket.version));
        ticket = await officer.ticket(id);
      }
      if (treatment !== 'answer') continue;
      await step(done, 'work started', () => officer.startWork(id, ticket.version));
      ticket = await officer.ticket(id);
      await step(done, 'answered', () => officer.postAnswer(id, ticket.version, 'Laporan telah ditindaklanjuti oleh petugas di lapangan. Terima kasih atas laporan Anda.'));
      await step(done, 'rated by the reporter', () => officer.reporterRate(ticket.trackingId, ratingOf(id)));
    }
  }

  const { token } = await signIn('sekda');
  const period = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
  const published = await api<{ published: number }>(token, `/ikp/periods/${period}/publish`, { method: 'POST' });
  const board = await api<{ items: Array<{ rank: number | null; unitName: string; score: number | null; zone: string | null }> }>(token, `/ikp/scoreboard?period=${period}`);
  const escalations = await api<{ total: number }>(token, '/escalations?state=raised&pageSize=1');
  const breached = await api<{ total: number }>(token, '/sla/deadlines?state=breached&pageSize=1');

  console.log('demo actions:', done);
  console.log(`deadlines breached: ${breached.total}; escalations raised: ${escalations.total}; IKP ${period}: ${published.published} scores published`);
  const ranked = board.items.filter((i) => i.rank !== null);
  for (const i of [...ranked.slice(0, 5), ...(ranked.length > 10 ? ranked.slice(-5) : [])]) console.log(`  ${String(i.rank).padStart(2)}. ${i.unitName}: ${i.score} (${i.zone})`);
  console.log(`open ${base} and sign in (password ${password}) as admin, officer.<unit>, head.<unit>, asda1, sekda`);
}

main().catch((err) => {
  console.error(`demo: ${(err as Error).message}`, err instanceof DeskApiError ? JSON.stringify(err.body) : "");
  process.exit(1);
});
