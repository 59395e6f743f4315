// Desk's side of the LAPOR! loop against the real broker and database: evidence files (filesystem
// store), the ticket's origin, updates made on the LAPOR! side, canned replies.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ComplaintTriageRequiredV1, LaporUpdateReceivedV1, TicketRoutedV1 } from '@bekasi/contracts';
import { hasExif, jpegWithGps, pngWithExif } from '@bekasi/file-store';
import { testReporterKey, waitFor } from '@bekasi/testing';
import { aComplaint, aRoutedEvent, DeskTestApp } from './desk-test-app';

describe('desk: evidence files, LAPOR! origin and updates, canned replies', () => {
  let t: DeskTestApp;
  let filesDir: string;
  const as = async (username: string) => `Bearer ${await t.tokenOf(username)}`;

  beforeAll(async () => {
    filesDir = await mkdtemp(join(tmpdir(), 'desk-files-'));
    t = await DeskTestApp.start('desklapor', { FILE_STORE_URL: filesDir, FILE_MAX_MB: '1', FILE_LINK_TTL_SECONDS: '60' });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await rm(filesDir, { recursive: true, force: true });
  });

  async function anonymousTicket(unitCode: string) {
    const record = await t.ticketIn('in_progress', unitCode);
    await t.db.query(`UPDATE "${t.infra.schema}"."tickets" SET "anonymous" = true WHERE "id" = $1`, [record.snapshot.id]);
    return record;
  }

  const upload = (ticketId: string, authorization: string, bytes: Buffer, name: string) =>
    request(t.http).post(`/api/v1/tickets/${ticketId}/files`).set('authorization', authorization).attach('file', bytes, name);

  it('stores a photo of an Anonim report without its GPS, and serves it by a short-lived link to readers of the ticket only', async () => {
    const ticket = await anonymousTicket('DINSOS');
    const photo = jpegWithGps();
    expect(hasExif(photo, 'image/jpeg')).toBe(true);
    const uploaded = await upload(ticket.snapshot.id, await as('officer.dinsos'), photo, 'jalan.jpg').expect(201);
    expect(uploaded.body).toMatchObject({ fileName: 'jalan.jpg', contentType: 'image/jpeg', metadataStripped: true, fileId: expect.any(String) });

    const link = await request(t.http).get(`/api/v1/tickets/${ticket.snapshot.id}/files/${uploaded.body.fileId}/link`).set('authorization', await as('head.dinsos')).expect(200);
    expect(link.body.url).toMatch(new RegExp(`^/api/v1/files/${uploaded.body.fileId}/content\\?`));
    const download = await request(t.http).get(link.body.url).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="jalan.jpg"; filename*=UTF-8''jalan.jpg`);
    expect(hasExif(download.body as Buffer, 'image/jpeg')).toBe(false);
    expect((download.body as Buffer).includes(Buffer.from('GPS'))).toBe(false);
    expect((download.body as Buffer).length).toBe(uploaded.body.sizeBytes);

    // Another unit's officer learns nothing: the ticket and its file do not exist for them.
    await request(t.http).get(`/api/v1/tickets/${ticket.snapshot.id}/files/${uploaded.body.fileId}/link`).set('authorization', await as('officer.dishub')).expect(404);
    await upload(ticket.snapshot.id, await as('officer.dishub'), photo, 'x.jpg').expect(404);
    // A link altered to another file, or without its signature, is nothing.
    await request(t.http).get(link.body.url.replace(uploaded.body.fileId, randomUUID())).expect(404);
    await request(t.http).get(`/api/v1/files/${uploaded.body.fileId}/content`).expect(404);
    // A link issued to someone who can no longer read the ticket (moved to another unit) stops working at once.
    const moved = await request(t.http).get(`/api/v1/tickets/${ticket.snapshot.id}/files/${uploaded.body.fileId}/link`).set('authorization', await as('officer.dinsos')).expect(200);
    await request(t.http).get(moved.body.url).expect(200);
    await t.db.query(`UPDATE "${t.infra.schema}"."users" SET "unit_code" = 'DISHUB' WHERE "username" = 'officer.dinsos'`);
    await request(t.http).get(moved.body.url).expect(404);
    await t.db.query(`UPDATE "${t.infra.schema}"."users" SET "unit_code" = 'DINSOS' WHERE "username" = 'officer.dinsos'`);
    // Once expired, the link is refused with a clear message.
    t.clock.advance(61_000);
    const expired = await request(t.http).get(link.body.url).expect(410);
    expect(expired.body).toMatchObject({ code: 'LINK_EXPIRED', message: expect.stringMatching(/kedaluwarsa/) });
  });

  it('refuses an oversized file and a disguised one with a clear message, and stores neither', async () => {
    const ticket = await anonymousTicket('DINSOS');
    const before = await readdir(filesDir, { recursive: true }).catch(() => []);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const tooLarge = await upload(ticket.snapshot.id, await as('officer.dinsos'), big, 'laporan.pdf').expect(413);
    expect(tooLarge.body).toMatchObject({ code: 'FILE_TOO_LARGE', message: 'Berkas melebihi batas 1 MB.' });
    const disguised = await upload(ticket.snapshot.id, await as('officer.dinsos'), Buffer.from('MZ\x90\x00 program.exe'), 'foto.jpg').expect(415);
    expect(disguised.body).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', message: expect.stringMatching(/bukan JPEG, PNG, PDF/) });
    const html = await upload(ticket.snapshot.id, await as('officer.dinsos'), Buffer.from('<html><script>alert(1)</script>'), 'bukti.pdf').expect(415);
    expect(html.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    await request(t.http).post(`/api/v1/tickets/${ticket.snapshot.id}/files`).set('authorization', await as('officer.dinsos')).expect(400);
    expect(await readdir(filesDir, { recursive: true }).catch(() => [])).toEqual(before);
    await request(t.http).post(`/api/v1/tickets/${ticket.snapshot.id}/files`).attach('file', Buffer.from('%PDF-1.4'), 'a.pdf').expect(401);
  });

  it('attaches uploaded files to an answer: in the history by id, and in ticket.answered with the whole answer', async () => {
    const ticket = await t.ticketIn('in_progress', 'DINSOS');
    const pdf = await upload(ticket.snapshot.id, await as('officer.dinsos'), Buffer.from('%PDF-1.4\n1 0 obj\n'), 'berita-acara.pdf').expect(201);
    // A name in another script downloads under its own name (and an ASCII fallback).
    const named = await upload(ticket.snapshot.id, await as('officer.dinsos'), Buffer.from('%PDF-1.4\n'), 'surat — 报告.pdf').expect(201);
    const namedLink = await request(t.http).get(`/api/v1/tickets/${ticket.snapshot.id}/files/${named.body.fileId}/link`).set('authorization', await as('officer.dinsos')).expect(200);
    const namedDownload = await request(t.http).get(namedLink.body.url).expect(200);
    expect(namedDownload.headers['content-disposition']).toBe(`attachment; filename="surat _ __.pdf"; filename*=UTF-8''${encodeURIComponent('surat — 报告.pdf')}`);
    expect(pdf.body.metadataStripped).toBe(false);
    const answer = 'Bantuan PKH sudah dicairkan pada 3 Januari; bukti terlampir. '.repeat(8);
    const answered = await request(t.http).post(`/api/v1/tickets/${ticket.snapshot.id}/answers`).set('authorization', await as('officer.dinsos'))
      .send({ version: ticket.snapshot.version, answer, fileIds: [pdf.body.fileId] }).expect(200);
    const entry = answered.body.history.find((h: { action: string }) => h.action === 'post_answer');
    expect(entry.attachments).toEqual([expect.objectContaining({ fileId: pdf.body.fileId, fileName: 'berita-acara.pdf', contentType: 'application/pdf' })]);
    const event = await waitFor('ticket.answered', () => t.eventsOf(ticket.snapshot.id).find((e) => e.type === 'ticket.answered'));
    expect(event.data).toMatchObject({ answer: answer.trim(), attachmentCount: 1, files: [expect.objectContaining({ fileId: pdf.body.fileId, sha256: pdf.body.sha256, storageKey: expect.stringMatching(/^tickets\//) })] });
    // A file is attached once, and only to its own ticket.
    const other = await t.ticketIn('in_progress', 'DINSOS');
    await request(t.http).post(`/api/v1/tickets/${other.snapshot.id}/answers`).set('authorization', await as('officer.dinsos'))
      .send({ version: other.snapshot.version, answer: 'Jawaban lain', fileIds: [pdf.body.fileId] }).expect(422);
    await request(t.http).post(`/api/v1/tickets/${other.snapshot.id}/answers`).set('authorization', await as('officer.dinsos'))
      .send({ version: other.snapshot.version, answer: 'Jawaban lain', fileIds: ['bukan-uuid'] }).expect(400);
  });

  it('lets the reporter attach their own photos (stripped for a Rahasia report) to a reply, and not the unit\'s files', async () => {
    const ticket = await t.ticketIn('waiting_reporter', 'DINSOS', { pausedFrom: 'in_progress', pausedAt: new Date() });
    await t.db.query(`UPDATE "${t.infra.schema}"."tickets" SET "confidential" = true WHERE "id" = $1`, [ticket.snapshot.id]);
    const trackingId = ticket.complaint.trackingId;
    const key = testReporterKey(trackingId);
    const reporterUpload = (bytes: Buffer, name: string, k = key) =>
      request(t.http).post(`/api/v1/reporter/tickets/${trackingId}/files`).set('x-reporter-key', k).attach('file', bytes, name);
    const photo = await reporterUpload(pngWithExif(), 'lokasi.png').expect(201);
    expect(photo.body).toMatchObject({ contentType: 'image/png', metadataStripped: true });
    await reporterUpload(pngWithExif(), 'lokasi.png', testReporterKey('BKS-lain')).expect(404);
    const officers = await upload(ticket.snapshot.id, await as('officer.dinsos'), Buffer.from('%PDF-1.4'), 'internal.pdf').expect(201);
    await request(t.http).post(`/api/v1/reporter/tickets/${trackingId}/replies`).set('x-reporter-key', key).send({ message: 'Ini lokasinya', fileIds: [officers.body.fileId] }).expect(422);
    await request(t.http).post(`/api/v1/reporter/tickets/${trackingId}/replies`).set('x-reporter-key', key).send({ message: 'Ini lokasinya', fileIds: [photo.body.fileId] }).expect(200);
    const detail = await request(t.http).get(`/api/v1/tickets/${ticket.snapshot.id}`).set('authorization', await as('officer.dinsos')).expect(200);
    const reply = detail.body.history.find((h: { action: string }) => h.action === 'reporter_reply');
    expect(reply.attachments).toEqual([expect.objectContaining({ fileId: photo.body.fileId, fileName: 'lokasi.png' })]);
  });

  it("shows where a ticket came from as routing's decision carries it; an older decision without it leaves it unknown until one does", async () => {
    const viewOf = async (id: string) => (await request(t.http).get(`/api/v1/tickets/${id}`).set('authorization', await as('admin')).expect(200)).body;
    const fromLapor = randomUUID();
    await t.publish(TicketRoutedV1, aRoutedEvent(fromLapor, 'DINSOS', { complaint: aComplaint({ source: 'lapor-api', externalId: '5001234' }).complaint }), fromLapor);
    const view = await waitFor('the LAPOR! ticket', () => viewOf(fromLapor));
    expect(view).toMatchObject({ source: 'lapor-api', laporTrackingId: '5001234' });
    const list = await request(t.http).get('/api/v1/tickets').query({ pageSize: 100 }).set('authorization', await as('officer.dinsos')).expect(200);
    expect(list.body.items.find((i: { id: string }) => i.id === fromLapor)).toMatchObject({ source: 'lapor-api', laporTrackingId: '5001234' });

    // Published before decisions carried the origin (still in the topic after an upgrade): the ticket opens, its origin unknown.
    const older = randomUUID();
    await t.publish(ComplaintTriageRequiredV1, {
      complaintId: older, decisionId: randomUUID(), reason: 'Keyakinan routing rendah', suggestions: [], kecamatanCode: 'babelan', refusedUnits: [], bounceCount: 0,
      complaint: aComplaint().complaint,
    }, older);
    expect(await waitFor('the older ticket in triage', () => viewOf(older))).toMatchObject({ status: 'triage', source: null, laporTrackingId: null });
    // The admin's disposition comes from routing with the origin: now it is known (not a LAPOR! one, so no LAPOR! id).
    await t.publish(TicketRoutedV1, aRoutedEvent(older, 'DLH', { routedBy: 'admin', complaint: aComplaint({ source: 'web-form', externalId: 'WEB-77' }).complaint }), older);
    const routed = await waitFor('the older ticket routed', async () => {
      const v = await viewOf(older);
      return v.status === 'assigned' && v;
    });
    expect(routed).toMatchObject({ source: 'web-form', laporTrackingId: null, unitCode: 'DLH' });
  });

  it('enters a reply and a status change made on LAPOR! once each', async () => {
    const ticket = await t.ticketIn('waiting_reporter', 'DINSOS', { pausedFrom: 'in_progress', pausedAt: new Date() });
    const update = (kind: 'reply' | 'rating' | 'status', extra: object) => ({
      complaintId: ticket.snapshot.id, trackingId: ticket.complaint.trackingId, laporTrackingId: '5001234', updateId: `upd-${kind}`, kind,
      message: null, rating: null, laporStatus: null, at: new Date().toISOString(), ...extra,
    });
    const replyId = randomUUID();
    await t.publish(LaporUpdateReceivedV1, update('reply', { message: 'Ini foto tambahan lokasinya, Pak.' }), ticket.snapshot.id, replyId);
    // Kafka delivers the same event again: no second history entry.
    await t.publish(LaporUpdateReceivedV1, update('reply', { message: 'Ini foto tambahan lokasinya, Pak.' }), ticket.snapshot.id, replyId);
    await t.publish(LaporUpdateReceivedV1, update('status', { laporStatus: 'Ditindaklanjuti' }), ticket.snapshot.id);
    const detail = await waitFor('the LAPOR! updates in the history', async () => {
      const res = await request(t.http).get(`/api/v1/tickets/${ticket.snapshot.id}`).set('authorization', await as('officer.dinsos'));
      return res.body.history?.some((h: { action: string }) => h.action === 'add_note') ? res.body : null;
    });
    const replies = detail.history.filter((h: { action: string }) => h.action === 'reporter_reply');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ content: 'Ini foto tambahan lokasinya, Pak.', actor: { role: 'reporter' } });
    expect(detail.status).toBe('in_progress');
    expect(detail.history.filter((h: { action: string }) => h.action === 'add_note')[0].content).toMatch(/diubah oleh admin LAPOR! menjadi "Ditindaklanjuti"/);
    expect(t.eventsOf(ticket.snapshot.id).filter((e) => e.type === 'ticket.reporter-replied')).toHaveLength(1);
  });

  it('holds a LAPOR! reply that comes before routing opened its ticket, and applies it once the ticket is there', async () => {
    const ticketId = randomUUID();
    const routed = aRoutedEvent(ticketId, 'DINSOS');
    await t.publish(LaporUpdateReceivedV1, {
      complaintId: ticketId, trackingId: routed.complaint.trackingId, laporTrackingId: '5009999', updateId: 'upd-early', kind: 'reply',
      message: 'Sudah saya balas di LAPOR!', rating: null, laporStatus: null, at: new Date().toISOString(),
    }, ticketId);
    await new Promise((r) => setTimeout(r, 500));
    await t.publish(TicketRoutedV1, routed, ticketId);
    const detail = await waitFor('the early reply in the new ticket', async () => {
      const res = await request(t.http).get(`/api/v1/tickets/${ticketId}`).set('authorization', await as('officer.dinsos'));
      return res.body.history?.some((h: { action: string }) => h.action === 'reporter_reply') ? res.body : null;
    }, 20_000);
    expect(detail.history.filter((h: { action: string }) => h.action === 'reporter_reply')).toEqual([expect.objectContaining({ content: 'Sudah saya balas di LAPOR!' })]);
  });

  it('keeps canned replies per unit: the head writes, the unit\'s officers read, other units see nothing', async () => {
    const created = await request(t.http).post('/api/v1/canned-replies').set('authorization', await as('head.dinsos'))
      .send({ category: 'Bantuan Sosial', title: 'PKH sudah cair', body: 'Terima kasih atas laporan Bapak/Ibu. Bantuan PKH telah dicairkan melalui ...' }).expect(201);
    expect(created.body).toMatchObject({ unitCode: 'DINSOS', category: 'Bantuan Sosial' });
    await request(t.http).post('/api/v1/canned-replies').set('authorization', await as('head.dinsos')).send({ unitCode: 'DISHUB', title: 'Lampu', body: 'Lampu jalan akan diperbaiki.' }).expect(403);
    await request(t.http).post('/api/v1/canned-replies').set('authorization', await as('officer.dinsos')).send({ title: 'x', body: 'y' }).expect(403);
    await request(t.http).post('/api/v1/canned-replies').set('authorization', await as('head.dinsos')).send({ title: 'x' }).expect(400);
    const mine = await request(t.http).get('/api/v1/canned-replies').query({ category: 'bantuan sosial' }).set('authorization', await as('officer.dinsos')).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    const theirs = await request(t.http).get('/api/v1/canned-replies').set('authorization', await as('officer.dishub')).expect(200);
    expect(theirs.body.items).toEqual([]);
    await request(t.http).put(`/api/v1/canned-replies/${created.body.id}`).set('authorization', await as('head.dishub')).send({ title: 'Diubah', body: 'Diubah oleh unit lain' }).expect(404);
    await request(t.http).put(`/api/v1/canned-replies/${created.body.id}`).set('authorization', await as('admin')).send({ title: 'PKH sudah cair (revisi)', body: 'Terima kasih. Bantuan PKH telah dicairkan.' }).expect(200);
    await request(t.http).delete(`/api/v1/canned-replies/${created.body.id}`).set('authorization', await as('head.dinsos')).expect(204);
  });
});
