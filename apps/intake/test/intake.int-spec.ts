import { readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ComplaintReceivedV1 } from '@bekasi/contracts';
import { SAMPLE_EXPORT_FILES } from '@bekasi/reference-data';
import { testAccessToken, testChannelHeaders, TestInfra, waitFor } from '@bekasi/testing';
import { ImportExportService } from '../src/import-export/import-export.service';
import { ComplaintTopic, startIntake } from './intake-harness';

const NIK = '3216990101900001';
const PHONE = '0812-0000-0101';

const aWebhookComplaint = (overrides: Record<string, unknown> = {}) => ({
  source: 'whatsapp',
  externalId: `wa-${Math.random().toString(36).slice(2, 10)}`,
  channel: 'Lapor AA Bupati',
  title: 'KTP-el belum jadi sejak Juli',
  text: `Saya Budi Santoso rekam KTP-el di kecamatan Cikarang Barat bulan Juli belum jadi. NIK saya ${NIK}, hubungi ${PHONE}.`,
  category: { id: '7051', name: 'KTP Elektronik' },
  classification: 'Pengaduan Berkadar Pengawasan',
  reporter: { name: 'Budi Santoso', phone: PHONE, email: 'budi@contoh.id', nik: NIK },
  ...overrides,
});

/** A report through the regency's web form, of one topic: duplicates of one another are told apart by their words. */
const aWebFormReport = (category: { id: string; name: string }, title: string, text: string) =>
  aWebhookComplaint({ source: 'web-form', channel: 'Website', category, reporter: undefined, title, text });

/** A complaint sent as a registered channel signs it (the channel named by the body's source unless given). */
const signedPost = (server: unknown, body: Record<string, unknown>, channelId = String(body.source ?? 'whatsapp')) => {
  const text = JSON.stringify(body);
  return request(server as never).post('/api/v1/intake/complaints').set(testChannelHeaders(channelId, text)).send(text);
};
const admin = () => `Bearer ${testAccessToken({ role: 'admin' })}`;

describe('intake: webhook, export import and their bad input, against real Kafka and PostgreSQL', () => {
  let infra: TestInfra;
  let app: NestExpressApplication;
  let topic: ComplaintTopic;
  let db: DataSource;
  const http = () => request(app.getHttpServer());
  const webhook = (body: Record<string, unknown>, channelId?: string) => signedPost(app.getHttpServer(), body, channelId);
  const eventOf = (externalId: string) => waitFor(`complaint.received for ${externalId}`, () => topic.events().find((e) => e.externalId === externalId));

  beforeAll(async () => {
    infra = await TestInfra.create('intake');
    ({ app } = await startIntake(infra));
    topic = await ComplaintTopic.start(infra);
    db = await infra.dataSource();
  });
  afterAll(async () => {
    await topic?.stop();
    await app?.close();
    await infra?.cleanup();
  });

  describe('webhook', () => {
    it('answers 202 with ids, publishes once, and marks the Bupati channel high', async () => {
      const body = aWebhookComplaint();
      const first = await webhook(body).expect(202);
      expect(first.body).toMatchObject({ duplicate: false, trackingId: expect.stringMatching(/^BKS-2026-\d{6}$/) });
      const again = await webhook(body).expect(202);
      expect(again.body).toMatchObject({ complaintId: first.body.complaintId, trackingId: first.body.trackingId, duplicate: true });

      const event = await eventOf(body.externalId);
      // The reporter's name stays in intake: not in the event, masked in the text.
      expect(event).toMatchObject({ complaintId: first.body.complaintId, source: 'whatsapp', priority: 'high', historical: false, reporterName: null });
      expect(JSON.stringify(event)).not.toContain('Budi Santoso');
      await new Promise((r) => setTimeout(r, 500));
      expect(topic.events().filter((e) => e.externalId === body.externalId)).toHaveLength(1);
    });

    it('takes a priority flag and leaves other channels normal', async () => {
      const flagged = aWebhookComplaint({ source: 'whatsapp', channel: null, priority: 'high' });
      const plain = aWebhookComplaint({ source: 'web-form', channel: 'Website' });
      await webhook(flagged).expect(202);
      await webhook(plain).expect(202);
      expect((await eventOf(flagged.externalId)).priority).toBe('high');
      expect((await eventOf(plain.externalId)).priority).toBe('normal');
    });

    it('masks NIK and phone always, drops the Anonim reporter, masks a Rahasia report, and keeps the clear text in intake', async () => {
      const anonymous = aWebhookComplaint({ anonymous: true });
      const confidential = aWebhookComplaint({ confidential: true, source: 'web-form', channel: 'Website' });
      const named = aWebhookComplaint({ source: 'lapor-webhook', externalId: '7700001' });
      for (const body of [anonymous, confidential, named]) await webhook(body).expect(202);

      const a = await eventOf(anonymous.externalId);
      expect(a).toMatchObject({ anonymous: true, reporterName: null });
      expect(a.text).not.toMatch(/Budi|Santoso/);
      const c = await eventOf(confidential.externalId);
      expect(c).toMatchObject({ confidential: true, reporterName: null });
      expect(c.text).toContain('[NIK disamarkan]');
      await eventOf(named.externalId);
      for (const raw of topic.raw()) {
        expect(raw).not.toContain(NIK);
        expect(raw).not.toContain(PHONE);
        expect(raw).not.toContain('budi@contoh.id');
      }
      const [kept] = await db.query(`SELECT "text", "reporter" FROM "${infra.schema}"."complaints" WHERE "external_id" = $1`, [anonymous.externalId]);
      expect(kept.text).toContain(NIK);
      expect(kept.reporter.name).toBe('Budi Santoso');
    });

    it('flags a likely duplicate with a link to the earlier complaint instead of merging it', async () => {
      const pothole = { id: '7011', name: 'Jalan Berlubang' };
      const original = aWebFormReport(pothole, 'Jalan berlubang di Jalan Raya Babelan',
        'Lubang besar di Jalan Raya Babelan dekat pertigaan Kedungpengawas makin dalam, kalau hujan ketutup air jadi ga keliatan. Motor jatuh.');
      const again = aWebFormReport(pothole, 'Lubang jalan dekat pertigaan Kedungpengawas',
        'Pak, tolong jalan raya Babelan di pertigaan arah Kedung Pengawas lubangnya gede banget, udah beberapa motor jatuh, pas hujan ga kelihatan.');
      const first = await webhook(original).expect(202);
      const second = await webhook(again).expect(202);
      expect(second.body.duplicate).toBe(false);
      // Flagged for the admin in the event; the sender learns nothing about other complaints.
      expect(second.body).not.toHaveProperty('likelyDuplicateOf');
      expect((await eventOf(again.externalId)).duplicateOf).toMatchObject({ complaintId: first.body.complaintId });
    });

    it('flags a likely duplicate of a complaint another intake replica stored (its text signature read from the table)', async () => {
      const replica = await startIntake(infra);
      try {
        const drainage = { id: '7021', name: 'Drainase' };
        const original = aWebFormReport(drainage, 'Saluran air mampet di Perumahan Griya Asri Tarumajaya',
          'Got depan blok C Perumahan Griya Asri Tarumajaya mampet penuh sampah, tiap hujan air meluap masuk ke rumah warga.');
        const again = aWebFormReport(drainage, 'Got mampet Griya Asri',
          'Tolong got di blok C Griya Asri Tarumajaya dibersihkan, mampet sampah, kalau hujan airnya meluap ke rumah warga.');
        const first = await signedPost(replica.app.getHttpServer(), original).expect(202);
        await webhook(again).expect(202);
        expect((await eventOf(again.externalId)).duplicateOf).toMatchObject({ complaintId: first.body.complaintId });
      } finally {
        await replica.app.close();
      }
    });

    it('finds the earlier complaint also when the topic, the kecamatan or both are unknown', async () => {
      // Three unrelated problems, so each second report can only match its own first.
      const pairs = [
        { category: undefined, text: 'Lampu penerangan jalan mati sudah seminggu, gelap sekali kalau malam, di Kecamatan Tambun Selatan.' },
        { category: { id: '7031', name: 'Sampah' }, text: 'Tumpukan sampah di pinggir kali belum diangkut petugas kebersihan, baunya menyengat sampai ke rumah warga.' },
        { category: undefined, text: 'Anak kami ditolak mendaftar sekolah negeri karena zonasi padahal rumah kami dekat, mohon penjelasan dinas.' },
      ];
      for (const pair of pairs) {
        const body = (n: number) => aWebhookComplaint({ source: 'web-form', channel: 'Website', reporter: undefined, category: pair.category, title: undefined, text: `${pair.text} (${n})` });
        const first = await webhook(body(1)).expect(202);
        const second = body(2);
        await webhook(second).expect(202);
        expect((await eventOf(second.externalId)).duplicateOf).toMatchObject({ complaintId: first.body.complaintId });
      }
    });

    it('answers malformed payloads with 400 naming each field and reason, and stores nothing', async () => {
      const bad = await webhook({ ...aWebhookComplaint(), source: 'fax', text: 'pendek', receivedAt: 'kemarin', reporter: { nik: '123' }, extra: 1 }, 'lapor-webhook')
        .expect(400);
      const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['extra', 'receivedAt', 'reporter.nik', 'source', 'text']);
      expect(bad.body.errors.find((e: { field: string }) => e.field === 'reporter.nik').reasons[0]).toMatch(/16 digit/);
      const missing = await webhook({ source: 'whatsapp' }).expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['externalId', 'text']));
      await http().post('/api/v1/intake/complaints').set('content-type', 'application/json').send('{"source":').expect(400);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."complaints" WHERE "source" = 'fax'`);
      expect(n).toBe(0);
    });

    it('answers an oversized body with 413', async () => {
      const huge = aWebhookComplaint({ text: 'jalan rusak '.repeat(30_000) });
      await webhook(huge).expect(413);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."complaints" WHERE "external_id" = $1`, [huge.externalId]);
      expect(n).toBe(0);
    });
  });

  describe('export import', () => {
    it('imports the sample export with counts, history, masking and the duplicate link, then adds 0 on re-import', async () => {
      const res = await http().post('/api/v1/intake/imports').set('authorization', admin()).attach('file', SAMPLE_EXPORT_FILES.csv).expect(200);
      expect(res.body).toMatchObject({ format: 'csv', rows: 30, imported: 30, duplicates: 0, rejected: [], headerRowNumber: 11 });
      expect(res.body.historical + res.body.live).toBe(30);
      expect(res.body.historical).toBeGreaterThanOrEqual(25);

      const ktp = await eventOf('9100006');
      expect(JSON.stringify(ktp)).not.toContain(NIK);
      expect(JSON.stringify(ktp)).not.toContain(PHONE);
      expect(ktp).toMatchObject({ source: 'lapor-import', historical: true, historicalDisposition: { unitCode: 'DISDUKCAPIL', laporStatus: 'Ditutup oleh Sistem' } });
      const pothole = await eventOf('9100002');
      expect((await eventOf('9100004')).duplicateOf).toMatchObject({ complaintId: pothole.complaintId, trackingId: pothole.trackingId });
      const secret = await eventOf('9100012');
      expect(secret).toMatchObject({ anonymous: true, confidential: true, reporterName: null });

      const again = await http().post('/api/v1/intake/imports').set('authorization', admin()).attach('file', SAMPLE_EXPORT_FILES.xlsx).expect(200);
      expect(again.body).toMatchObject({ format: 'xlsx', imported: 0, duplicates: 30 });
      await new Promise((r) => setTimeout(r, 500));
      expect(topic.events().filter((e) => e.source === 'lapor-import')).toHaveLength(30);
    });

    it('the CLI path (the use case on a file stream) also adds 0 for a known export', async () => {
      const report = await app.get(ImportExportService).importFile(createReadStream(SAMPLE_EXPORT_FILES.csv), 'sample.csv');
      expect(report).toMatchObject({ imported: 0, duplicates: 30 });
    });

    it('rejects bad rows with their row numbers and reasons and imports the good ones; open reports become live', async () => {
      const csv = (await readFile(SAMPLE_EXPORT_FILES.csv, 'utf8')).split('\n').slice(0, 11).join('\n');
      const rows = [
        '9300001,20 Oct 2026,08:00:00,Aspirasi,7041,Transportasi Darat,Usulan halte,"Mohon dibuatkan halte di Desa Sukamurni, Sukakarya.",,,Website,Pemerintah Kabupaten Bekasi,,Belum Terverifikasi,,Jawa Barat,Bekasi',
        '9300002,31 Feb 2026,08:00:00,Aspirasi,7041,Transportasi Darat,Tanggal salah,"Isi laporan.",,,Website,Pemerintah Kabupaten Bekasi,,Belum Terverifikasi,,Jawa Barat,Bekasi',
        'ABC,20 Oct 2026,08:00:00,Keluhan,7041,Transportasi Darat,Dua masalah,"Isi laporan.",,Publik,Website,Pemerintah Kabupaten Bekasi,,Belum Terverifikasi,,Jawa Barat,Bekasi',
      ];
      const res = await http().post('/api/v1/intake/imports').set('authorization', admin()).attach('file', Buffer.from([csv, ...rows].join('\n')), 'rusak.csv').expect(200);
      expect(res.body).toMatchObject({ rows: 3, imported: 1, live: 1, historical: 0 });
      expect(res.body.rejected).toEqual([
        { rowNumber: 13, trackingId: '9300002', reasons: [expect.stringMatching(/31 Feb 2026/)] },
        { rowNumber: 14, trackingId: 'ABC', reasons: expect.arrayContaining([expect.stringMatching(/bukan angka/), expect.stringMatching(/Klasifikasi/), expect.stringMatching(/Tipe Laporan/)]) },
      ]);
      expect(await eventOf('9300001')).toMatchObject({ historical: false, historicalDisposition: null });
    });

    it('answers a missing file, a file that is no export, and an oversized file with 400 or 413', async () => {
      const none = await http().post('/api/v1/intake/imports').set('authorization', admin()).field('note', 'x').expect(400);
      expect(none.body.errors[0].field).toBe('file');
      const notExport = await http().post('/api/v1/intake/imports').set('authorization', admin()).attach('file', Buffer.from('nama,alamat\nBudi,Bekasi\n'), 'x.csv').expect(400);
      expect(notExport.body.errors[0]).toMatchObject({ field: 'file', reasons: [expect.stringMatching(/Tracking ID/)] });
      const xls = await http().post('/api/v1/intake/imports').set('authorization', admin()).attach('file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'lama.xls').expect(400);
      expect(xls.body.errors[0].reasons[0]).toMatch(/XLS/);
    });
  });
});

describe('intake: limits per source', () => {
  let infra: TestInfra;
  let app: NestExpressApplication;

  beforeAll(async () => {
    infra = await TestInfra.create('intakelim');
    ({ app } = await startIntake(infra, { INTAKE_RATE_LIMIT: '3', IMPORT_MAX_FILE_MB: '1' }));
  });
  afterAll(async () => {
    await app?.close();
    await infra?.cleanup();
  });

  it('answers a flood from one source with 429 while another source still gets through', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await signedPost(app.getHttpServer(), aWebhookComplaint({ source: 'call-centre', channel: null }));
      statuses.push(res.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    const limited = await signedPost(app.getHttpServer(), aWebhookComplaint({ source: 'call-centre', channel: null })).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.message).toMatch(/Terlalu banyak laporan/);
    const other = await signedPost(app.getHttpServer(), aWebhookComplaint()).expect(202);
    expect(other.body.duplicate).toBe(false);
  });

  it('answers an upload above IMPORT_MAX_FILE_MB with 413', async () => {
    await request(app.getHttpServer()).post('/api/v1/intake/imports').set('authorization', admin()).attach('file', Buffer.alloc(1024 * 1024 + 10, 'a'), 'besar.csv').expect(413);
  });
});

describe('intake: open-loop overload', () => {
  let infra: TestInfra;
  let app: NestExpressApplication;
  let db: DataSource;

  beforeAll(async () => {
    infra = await TestInfra.create('intakefull');
    ({ app } = await startIntake(infra, { INTAKE_MAX_PENDING: '3' }));
    db = await infra.dataSource();
  });
  afterAll(async () => {
    await app?.close();
    await infra?.cleanup();
  });

  it('answers 503 with Retry-After once its commit queue is full, stores nothing of those, and commits every 202 with its event', async () => {
    // Commits wait while another transaction holds the table: the first requests stay pending.
    const blocker = db.createQueryRunner();
    await blocker.startTransaction();
    await blocker.query(`LOCK TABLE "${infra.schema}"."complaints" IN EXCLUSIVE MODE`);
    const bodies = Array.from({ length: 20 }, () => aWebhookComplaint({ source: 'web-form', channel: null, reporter: undefined }));
    const answered: Array<{ index: number; status: number; body: any; headers: Record<string, string> }> = [];
    const sent = bodies.map((body, index) => signedPost(app.getHttpServer(), body).then((res) => answered.push({ index, status: res.status, body: res.body, headers: res.headers })));
    await waitFor('the 17 requests beyond the bound to be refused', () => answered.length >= 17);
    const refused = answered.filter((r) => r.status === 503);
    expect(refused).toHaveLength(17);
    for (const r of refused) {
      expect(r.headers['retry-after']).toBe('1');
      expect(r.body).toMatchObject({ statusCode: 503, error: 'INTAKE_BUSY', message: expect.stringMatching(/sedang penuh/) });
    }
    await blocker.commitTransaction();
    await blocker.release();
    await Promise.all(sent);

    const accepted = answered.filter((r) => r.status === 202);
    expect(accepted).toHaveLength(3);
    const stored: { id: string }[] = await db.query(`SELECT "id" FROM "${infra.schema}"."complaints" WHERE "external_id" = ANY($1::text[])`, [bodies.map((b) => b.externalId)]);
    expect(stored.map((r) => r.id).sort()).toEqual(accepted.map((r) => r.body.complaintId).sort());
    const events: { message_key: string }[] = await db.query(`SELECT "message_key" FROM "${infra.schema}"."outbox" WHERE "event_type" = $1`, [ComplaintReceivedV1.type]);
    expect(events.map((e) => e.message_key).sort()).toEqual(accepted.map((r) => r.body.complaintId).sort());

    // The channel retries a refused complaint once there is room again.
    const again = await signedPost(app.getHttpServer(), bodies[refused[0].index]).expect(202);
    expect(again.body.duplicate).toBe(false);
  });
});
