// End-to-end latency through the running system: a complaint posted to the gateway's webhook until
// it is a ticket in desk with its SLA clock started, i.e. through intake, Kafka, routing (rules,
// gazetteer, model), desk and sla. Sends COUNT complaints at RATE per second, then prints
// percentiles. Reads desk's and sla's tables directly (an operator's measurement, not a service).
import { Client } from 'pg';

const base = process.env.E2E_GATEWAY_URL ?? 'http://127.0.0.1:3000';
const databaseUrl = process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bekasi_lapor';
const count = Number(process.argv[2] ?? 300);
const rate = Number(process.argv[3] ?? 20);
const TEXTS = [
  'Jalan rusak berlubang di Desa Babelan Kota, mohon segera diperbaiki sebelum musim hujan.',
  'Sampah tidak diangkut selama seminggu di Perumahan Tambun Selatan, baunya sangat mengganggu.',
  'Lampu PJU mati di jalan utama Kecamatan Cikarang Utara, gelap dan rawan kecelakaan.',
  'Air PDAM tidak mengalir tiga hari di Kelurahan Kertasari, warga kesulitan air bersih.',
  'Anak putus sekolah karena biaya, mohon bantuan dinas pendidikan di Kecamatan Setu.',
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const marker = `e2e-${Date.now()}`;
  const accepted = new Map<string, number>();
  const seen = new Map<string, number>();
  let sending = true;
  let lastAccepted = Date.now();

  const watcher = (async () => {
    while (sending || seen.size < accepted.size) {
      const waiting = [...accepted.keys()].filter((id) => !seen.has(id));
      if (waiting.length > 0) {
        const rows = await db.query(
          `SELECT t.id FROM desk.tickets t JOIN sla.ticket_clocks c ON c.ticket_id = t.id WHERE t.id = ANY($1::uuid[])`,
          [waiting],
        );
        const now = Date.now();
        for (const r of rows.rows) seen.set(r.id, now);
      }
      if (!sending && Date.now() - lastAccepted > 120_000) break;
      await new Promise((r) => setTimeout(r, 25));
    }
  })();

  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const res = await fetch(`${base}/api/v1/intake/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'web-form', externalId: `${marker}-${i}`, title: `Uji latensi ${i}`, text: `${TEXTS[i % TEXTS.length]} (${marker})` }),
    });
    if (res.status !== 202) throw new Error(`complaint ${i}: HTTP ${res.status} ${await res.text()}`);
    const { complaintId } = (await res.json()) as { complaintId: string };
    lastAccepted = Date.now();
    accepted.set(complaintId, lastAccepted);
  }
  sending = false;
  await watcher;
  await db.end();

  const latencies = [...seen].map(([id, at]) => at - accepted.get(id)!).sort((a, b) => a - b);
  const seconds = (Math.max(...seen.values()) - started) / 1000;
  console.log(
    JSON.stringify({
      complaints: count,
      ratePerSecond: rate,
      becameTickets: latencies.length,
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) },
      throughputPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    }),
  );
  if (latencies.length < count) process.exit(1);
}

main().catch((err) => {
  console.error(`e2e-latency: ${(err as Error).message}`);
  process.exit(1);
});
