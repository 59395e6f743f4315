// npm run chaos: fault injection against a running system (`npm start -- --detach`). Sends a burst of
// complaints through the gateway and, while they flow, kills routing, desk and sla with SIGKILL (no
// drain), wipes every Redis key of the system (BullMQ's jobs), and sends part of the burst again.
// Then it restarts what died and checks that the system converges: every complaint became exactly
// one ticket with its SLA deadlines, nothing lost, nothing doubled. Exit code 1 when it does not.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';

const root = join(__dirname, '..', '..');
const base = process.env.CHAOS_GATEWAY_URL ?? 'http://127.0.0.1:3000';
const count = Number(process.env.CHAOS_COMPLAINTS ?? 150);
const password = process.env.DEMO_PASSWORD ?? 'bekasi-demo-2026';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisPrefix = process.env.REDIS_PREFIX ?? 'bekasi';

const TEXTS = [
  'Jalan berlubang cukup dalam di depan SDN 02, sudah dua minggu belum diperbaiki dan membahayakan pengendara motor.',
  'Sampah menumpuk di pinggir jalan dekat pasar, tidak diangkut sejak seminggu dan menimbulkan bau tidak sedap.',
  'Lampu penerangan jalan umum mati di sepanjang jalan desa sehingga rawan kecelakaan dan kejahatan pada malam hari.',
  'Saluran air tersumbat sehingga setiap hujan deras air meluap ke rumah warga di perumahan kami.',
  'Pengurusan KTP elektronik sudah tiga bulan belum selesai, mohon kejelasan dari dinas terkait.',
];
const KECAMATAN = ['Babelan', 'Tambun Selatan', 'Cikarang Utara', 'Cibitung', 'Setu', 'Tarumajaya'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client that retries a failed connection (a pooled socket the gateway closed while we waited). */
async function call<T>(path: string, init: RequestInit & { token?: string } = {}, attempt = 1): Promise<{ status: number; body: T }> {
  try {
    const res = await fetch(`${base}/api/v1${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  } catch (err) {
    if (attempt >= 5) throw err;
    await sleep(200 * attempt);
    return call(path, init, attempt + 1);
  }
}

function kill(service: string): void {
  const pidfile = join(root, '.run', `${service}.pid`);
  if (!existsSync(pidfile)) throw new Error(`${service} is not running (no ${pidfile}); start the system with npm start -- --detach`);
  const pid = Number(readFileSync(pidfile, 'utf8'));
  try {
    process.kill(pid, 'SIGKILL');
    console.log(`  SIGKILL ${service} (pid ${pid})`);
  } catch {
    console.log(`  ${service} was already gone`);
  }
}

async function wipeRedis(): Promise<number> {
  const redis = new Redis(redisUrl);
  let removed = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
    if (keys.length) removed += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
  console.log(`  Redis: ${removed} keys of "${redisPrefix}*" deleted`);
  return removed;
}

async function main(): Promise<void> {
  const login = await call<{ accessToken: string }>('/auth/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password }) });
  if (login.status !== 200) throw new Error(`cannot sign in as admin through ${base} (HTTP ${login.status}); is the system running?`);
  const token = login.body.accessToken;
  const marker = `chaos-${Date.now()}`;
  const ids = new Map<number, string>();
  const send = async (i: number) => {
    const res = await call<{ complaintId: string; duplicate: boolean }>('/intake/complaints', {
      method: 'POST',
      body: JSON.stringify({
        source: 'web-form',
        externalId: `${marker}-${i}`,
        title: `Uji ketahanan ${i}`,
        text: `${TEXTS[i % TEXTS.length]} Lokasi di Kecamatan ${KECAMATAN[i % KECAMATAN.length]}. (${marker})`,
      }),
    });
    if (res.status !== 202) throw new Error(`complaint ${i}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const started = Date.now();
  console.log(`sending ${count} complaints (${marker}) and injecting faults:`);
  for (let i = 0; i < count; i++) {
    ids.set(i, (await send(i)).complaintId);
    if (i === Math.floor(count / 3)) {
      kill('routing');
      kill('desk');
    }
    if (i === Math.floor((2 * count) / 3)) {
      kill('sla');
      await wipeRedis();
    }
  }
  let sameId = 0;
  for (let i = 0; i < Math.min(30, count); i++) {
    const again = await send(i);
    if (again.complaintId === ids.get(i)) sameId++;
  }
  console.log(`  sent 30 of them again: ${sameId} answered with the same complaint id`);

  console.log('restarting what died (npm start -- --detach):');
  execFileSync('bash', [join(root, 'tools', 'start.sh'), '--detach'], { stdio: ['ignore', 'ignore', 'inherit'] });

  const pending = new Set(ids.values());
  const deadline = Date.now() + 180_000;
  let withDeadlines = 0;
  while (pending.size > 0 && Date.now() < deadline) {
    for (const id of [...pending]) {
      const ticket = await call(`/tickets/${id}`, { token });
      if (ticket.status !== 200) continue;
      const sla = await call<{ deadlines: unknown[] }>(`/sla/tickets/${id}`, { token });
      if (sla.status === 200 && sla.body.deadlines.length > 0) {
        pending.delete(id);
        withDeadlines++;
      }
    }
    if (pending.size > 0) await sleep(2_000);
  }
  const listed = await call<{ total: number }>(`/tickets?q=${encodeURIComponent(marker)}&pageSize=1`, { token });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`result after ${seconds} s: ${ids.size} complaints accepted, ${withDeadlines} tickets with SLA deadlines, ${pending.size} missing, ` +
    `${listed.body?.total ?? '?'} tickets found by their text (expected ${count}), ${sameId}/${Math.min(30, count)} re-sent complaints deduplicated`);
  const ok = pending.size === 0 && sameId === Math.min(30, count) && listed.body?.total === count;
  console.log(ok ? 'OK: nothing lost, nothing doubled' : 'FAILED: the system did not converge');
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(`chaos: ${(err as Error).message}`);
  process.exit(1);
});
