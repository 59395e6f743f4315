import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ComplaintTriageRequiredV1, SlaBreachedV1, TicketRoutedV1, type SlaBreached } from '@bekasi/contracts';
import { testReporterKey, waitFor } from '@bekasi/testing';
import { aComplaint, aRoutedEvent, DeskTestApp } from './desk-test-app';
import { DEMO_PASSWORD } from '../src/users/demo-seed';

describe('desk against the real broker and database', () => {
  let desk: DeskTestApp;
  let officer: string;
  let admin: string;

  beforeAll(async () => {
    desk = await DeskTestApp.start('desk');
    officer = await desk.tokenOf('officer.dinsos');
    admin = await desk.tokenOf('admin');
  });
  afterAll(async () => {
    await desk?.stop();
  });

  const get = (token: string, path: string) => request(desk.http).get(path).set('authorization', `Bearer ${token}`);
  const post = (token: string, path: string, version: number | null, body: object = {}) => {
    const req = request(desk.http).post(path).set('authorization', `Bearer ${token}`);
    if (version !== null) req.set('if-match', String(version));
    return req.send(body);
  };
  const reporter = (trackingId: string, what: string, body: object) =>
    request(desk.http).post(`/api/v1/reporter/tickets/${trackingId}/${what}`).set('x-reporter-key', testReporterKey(trackingId)).send(body);
  const ticket = async (id: string) => (await get(admin, `/api/v1/tickets/${id}`).expect(200)).body;
  const eventTypes = async (id: string, count: number) => {
    await waitFor(`${count} events of ${id}`, () => desk.eventsOf(id).length >= count);
    return desk.eventsOf(id).map((e) => e.type);
  };

  async function routedTicket(unitCode = 'DINSOS', complaint = aComplaint().complaint) {
    const ticketId = randomUUID();
    await desk.publish(TicketRoutedV1, aRoutedEvent(ticketId, unitCode, { complaint }), ticketId);
    await waitFor('ticket opened', async () => (await get(admin, `/api/v1/tickets/${ticketId}`)).status === 200);
    return ticketId;
  }

  it('keeps health probes and the metrics scrape open under the global auth guard, and nothing else', async () => {
    await request(desk.http).get('/health/live').expect(200);
    const ready = await request(desk.http).get('/health/ready').expect(200);
    expect(ready.body.info).toHaveProperty('postgres.status', 'up');
    await request(desk.http).get('/metrics').expect(200);
    await request(desk.http).get('/api/v1/tickets').expect(401);
  });

  it('opens the ticket in the unit\'s inbox from ticket.routed, once, however often the event is delivered', async () => {
    const ticketId = randomUUID();
    const routed = aRoutedEvent(ticketId, 'DINSOS');
    const eventId = await desk.publish(TicketRoutedV1, routed, ticketId);
    await waitFor('ticket opened', async () => (await get(officer, `/api/v1/tickets/${ticketId}`)).status === 200);
    // The same event again (redelivery) and the same decision under a new event id (routing republished).
    await desk.publish(TicketRoutedV1, routed, ticketId, eventId);
    await desk.publish(TicketRoutedV1, routed, ticketId);
    const marker = randomUUID();
    await desk.publish(TicketRoutedV1, aRoutedEvent(marker, 'DINSOS'), marker);
    await waitFor('later event applied', async () => (await get(admin, `/api/v1/tickets/${marker}`)).status === 200);

    const t = await ticket(ticketId);
    expect(t).toMatchObject({ status: 'assigned', unitCode: 'DINSOS', version: 2, trackingId: routed.complaint.trackingId, kecamatanCode: 'babelan' });
    expect(t.history.map((h: any) => h.action)).toEqual(['receive', 'route']);
    expect(await eventTypes(ticketId, 2)).toEqual(['ticket.received', 'ticket.assigned']);
    const assigned = desk.eventsOf(ticketId)[1].data;
    expect(assigned).toMatchObject({ decisionId: routed.decisionId, routedBy: 'auto', unitCode: 'DINSOS', from: 'received', to: 'assigned', version: 2 });
    const [{ n }] = await desk.db.query(`SELECT count(*)::int AS n FROM "${desk.infra.schema}"."tickets" WHERE "id" = $1`, [ticketId]);
    expect(n).toBe(1);
  });

  it('takes a ticket through the officer\'s actions and the reporter\'s, publishing each change', async () => {
    const id = await routedTicket();
    const base = `/api/v1/tickets/${id}`;
    let t = await ticket(id);
    expect(t.availableActions.map((a: any) => a.action)).toEqual(expect.arrayContaining(['dispose', 'archive']));
    const officerView = (await get(officer, base).expect(200)).body;
    expect(officerView.availableActions.map((a: any) => a.action)).toEqual(['acknowledge', 'request_reassign', 'add_note']);

    t = (await post(officer, `${base}/acknowledge`, 2).expect(200)).body;
    expect(t.status).toBe('acknowledged');
    t = (await post(officer, `${base}/start-work`, t.version).expect(200)).body;
    t = (await post(officer, `${base}/notes`, t.version, { note: 'Sudah koordinasi dengan pendamping PKH.' }).expect(200)).body;
    expect(t).toMatchObject({ status: 'in_progress', version: 5 });
    t = (await post(officer, `${base}/info-requests`, null, { version: t.version, question: 'Mohon kirim nomor KPM.' }).expect(200)).body;
    expect(t.status).toBe('waiting_reporter');
    await reporter(t.trackingId, 'replies', { message: 'Nomor KPM saya 12345.' }).expect(200);
    t = await ticket(id);
    expect(t.status).toBe('in_progress');
    t = (
      await post(officer, `${base}/answers`, t.version, {
        answer: 'Bantuan PKH tahap IV sudah ditransfer ke rekening KPM pada 12 Januari.',
        attachments: [{ fileName: 'bukti-transfer.pdf', contentType: 'application/pdf', sizeBytes: 120334 }],
      }).expect(200)
    ).body;
    expect(t.status).toBe('answered');
    expect(t.history.at(-1)).toMatchObject({ action: 'post_answer', attachments: [{ fileName: 'bukti-transfer.pdf', contentType: 'application/pdf', sizeBytes: 120334, url: null }] });
    const rated = await reporter(t.trackingId, 'ratings', { rating: 2 }).expect(200);
    expect(rated.body).toEqual({ trackingId: t.trackingId, status: 'answered', statusLabel: 'Sudah ditanggapi', laporStatus: 'Ditindaklanjuti', rating: 2 });
    await reporter(t.trackingId, 'reopen', { reason: 'Dana belum masuk ke rekening.' }).expect(200);
    t = await ticket(id);
    t = (await post(officer, `${base}/acknowledge`, t.version).expect(200)).body;
    t = (await post(officer, `${base}/answers`, t.version, { answer: 'Dana sudah dikonfirmasi masuk oleh bank penyalur.' }).expect(200)).body;
    t = (await post(admin, `${base}/close`, t.version, { reason: 'Tindak lanjut sesuai, pelapor tidak menanggapi.' }).expect(200)).body;
    expect(t).toMatchObject({ status: 'closed', closedBy: 'admin', laporStatus: 'Ditutup oleh Admin' });

    expect(await eventTypes(id, 14)).toEqual([
      'ticket.received',
      'ticket.assigned',
      'ticket.acknowledged',
      'ticket.work-started',
      'ticket.info-requested',
      'ticket.sla-paused',
      'ticket.sla-resumed',
      'ticket.reporter-replied',
      'ticket.answered',
      'ticket.rated',
      'ticket.reopened',
      'ticket.acknowledged',
      'ticket.answered',
      'ticket.closed',
    ]);
    const events = desk.eventsOf(id);
    expect(events.find((e) => e.type === 'ticket.answered')!.data).toMatchObject({ attachmentCount: 1, unitCode: 'DINSOS', actor: { role: 'officer' } });
    expect(events.find((e) => e.type === 'ticket.sla-paused')!.data).toMatchObject({ clock: 'follow_up', to: 'waiting_reporter' });
    expect(events.find((e) => e.type === 'ticket.reporter-replied')!.data).toMatchObject({ resumed: true, actor: { role: 'reporter' } });
    expect(events.find((e) => e.type === 'ticket.closed')!.data).toMatchObject({ closedBy: 'admin', rating: null });
    expect(t.history.map((h: any) => `${h.action}:${h.from}->${h.to}`)).toEqual([
      'receive:null->received',
      'route:received->assigned',
      'acknowledge:assigned->acknowledged',
      'start_work:acknowledged->in_progress',
      'add_note:in_progress->in_progress',
      'request_info:in_progress->waiting_reporter',
      'reporter_reply:waiting_reporter->in_progress',
      'post_answer:in_progress->answered',
      'rate:answered->answered',
      'reopen:answered->reopened',
      'acknowledge:reopened->acknowledged',
      'post_answer:acknowledged->answered',
      'close:answered->closed',
    ]);
  });

  it('"bukan kewenangan" goes back to routing, and the next ticket.routed re-assigns the ticket', async () => {
    const id = await routedTicket();
    const refused = await post(officer, `/api/v1/tickets/${id}/reassignment-requests`, 2, { reason: 'Terkait jalan rusak, bukan kewenangan Dinsos.' });
    expect(refused.body).toMatchObject({ status: 'reassign_requested', unitCode: null });
    const [, , reassign] = await waitFor('reassign event', () => desk.eventsOf(id).length >= 3 && desk.eventsOf(id));
    expect(reassign).toMatchObject({
      type: 'ticket.reassign-requested',
      data: { unitCode: 'DINSOS', refusingUnitCode: 'DINSOS', refusedUnits: ['DINSOS'], bounceCount: 1, reason: 'Terkait jalan rusak, bukan kewenangan Dinsos.' },
    });
    // The refusing unit no longer sees it.
    await get(officer, `/api/v1/tickets/${id}`).expect(404);
    const t = await ticket(id);
    await desk.publish(TicketRoutedV1, aRoutedEvent(id, 'SDABMBK', { bounceCount: 1, complaint: { ...aComplaint().complaint, trackingId: t.trackingId } }), id);
    await waitFor('re-assigned', async () => (await ticket(id)).unitCode === 'SDABMBK');
    expect((await eventTypes(id, 4)).at(-1)).toBe('ticket.assigned');
    expect((await ticket(id)).status).toBe('assigned');
  });

  it('queues complaint.triage-required for the admin, whose disposition assigns directly (routedBy admin)', async () => {
    const id = randomUUID();
    await desk.publish(
      ComplaintTriageRequiredV1,
      {
        complaintId: id,
        decisionId: randomUUID(),
        reason: 'Keyakinan routing rendah',
        suggestions: [{ unitCode: 'DLH', score: 0.45 }, { unitCode: 'KEC_BABELAN', score: 0.3 }],
        kecamatanCode: 'babelan',
        refusedUnits: [],
        bounceCount: 0,
        complaint: aComplaint({ title: 'Sampah menumpuk' }).complaint,
      },
      id,
    );
    await waitFor('triage ticket', async () => (await get(admin, `/api/v1/tickets/${id}`)).status === 200);
    const queue = (await get(admin, '/api/v1/tickets?status=triage&pageSize=100').expect(200)).body;
    expect(queue.items.map((i: any) => i.id)).toContain(id);
    let t = await ticket(id);
    expect(t.triage).toEqual({ reason: 'Keyakinan routing rendah', suggestions: [{ unitCode: 'DLH', score: 0.45 }, { unitCode: 'KEC_BABELAN', score: 0.3 }] });
    await post(admin, `/api/v1/tickets/${id}/disposition`, t.version, { unitCode: 'NOPE' }).expect(422);
    t = (await post(admin, `/api/v1/tickets/${id}/disposition`, t.version, { unitCode: 'dlh', reason: 'Sampah: DLH' }).expect(200)).body;
    expect(t).toMatchObject({ status: 'assigned', unitCode: 'DLH' });
    expect(await eventTypes(id, 3)).toEqual(['ticket.received', 'ticket.triage-queued', 'ticket.assigned']);
    expect(desk.eventsOf(id)[1].data).toMatchObject({ reason: 'Keyakinan routing rendah', suggestions: [{ unitCode: 'DLH', score: 0.45 }, { unitCode: 'KEC_BABELAN', score: 0.3 }] });
    expect(desk.eventsOf(id)[2].data).toMatchObject({ routedBy: 'admin', unitCode: 'DLH', reason: 'Sampah: DLH', actor: { role: 'admin' } });
  });

  it('lets the admin archive and merge a duplicate, refusing a duplicate of a ticket that does not exist', async () => {
    const original = await routedTicket();
    const duplicate = await routedTicket();
    const spam = await routedTicket();
    await post(admin, `/api/v1/tickets/${duplicate}/merge`, 2, { duplicateOfTicketId: randomUUID() }).expect(422);
    const merged = (await post(admin, `/api/v1/tickets/${duplicate}/merge`, 2, { duplicateOfTicketId: original }).expect(200)).body;
    expect(merged).toMatchObject({ status: 'archived', archive: { kind: 'duplicate', duplicateOfTicketId: original, archivedBy: 'admin' } });
    await post(admin, `/api/v1/tickets/${spam}/archive`, 2, { kind: 'spam', reason: 'Iklan pinjaman online.' }).expect(200);
    await waitFor('archive events', () => desk.eventsOf(spam).length >= 3 && desk.eventsOf(duplicate).length >= 3);
    expect(desk.eventsOf(duplicate)[2].data).toMatchObject({ reasonKind: 'duplicate', archivedBy: 'admin', duplicateOfTicketId: original, to: 'archived' });
    expect(desk.eventsOf(spam)[2].data).toMatchObject({ reasonKind: 'spam', reason: 'Iklan pinjaman online.' });
  });

  it('detects concurrent edits: a stale version answers 409 with the current one, a missing one 428', async () => {
    const id = await routedTicket();
    const path = `/api/v1/tickets/${id}/notes`;
    await post(officer, path, 2, { note: 'Catatan pertama' }).expect(200);
    const stale = await post(officer, path, 2, { note: 'Catatan yang menimpa' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 3 });
    expect(stale.body.message).toMatch(/diubah oleh pengguna lain/);
    await post(officer, path, null, { note: 'Tanpa versi' }).expect(428);
    // Two officers at once on the same version: exactly one wins.
    const [a, b] = await Promise.all([post(officer, `/api/v1/tickets/${id}/acknowledge`, 3), post(await desk.tokenOf('head.dinsos'), `/api/v1/tickets/${id}/acknowledge`, 3)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const t = await ticket(id);
    expect(t.version).toBe(4);
    expect(t.history.filter((h: any) => h.action === 'add_note').map((h: any) => h.content)).toEqual(['Catatan pertama']);
  });

  it('answers the state machine\'s refusals with its Indonesian message and code', async () => {
    const id = await routedTicket();
    const t = (await post(officer, `/api/v1/tickets/${id}/acknowledge`, 2).expect(200)).body;
    const again = await post(officer, `/api/v1/tickets/${id}/acknowledge`, t.version).expect(409);
    expect(again.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', message: '"Terima disposisi" tidak dapat dilakukan pada laporan berstatus "Diterima unit".' });
    const blank = await post(officer, `/api/v1/tickets/${id}/notes`, t.version, { note: '   ' }).expect(422);
    expect(blank.body).toMatchObject({ code: 'NOTE_REQUIRED', message: 'Isi catatan wajib diisi.' });
    const archive = await post(admin, `/api/v1/tickets/${id}/archive`, t.version, { kind: 'spam', reason: 'x' }).expect(409);
    expect(archive.body.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('keeps the audit trail append-only, in PostgreSQL itself', async () => {
    const id = await routedTicket();
    const table = `"${desk.infra.schema}"."ticket_audit"`;
    await expect(desk.db.query(`UPDATE ${table} SET "reason" = 'diubah' WHERE "ticket_id" = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(desk.db.query(`DELETE FROM ${table} WHERE "ticket_id" = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(desk.db.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only/);
    expect((await ticket(id)).history).toHaveLength(2);
  });

  it('filters and pages the inbox: status, kecamatan, category, text, overdue (from sla.breached)', async () => {
    const needle = `Lampu PJU padam ${randomUUID().slice(0, 8)}`;
    const lamp = await routedTicket('DINSOS', aComplaint({ title: needle, category: 'Penerangan Jalan' }).complaint);
    const search = (await get(officer, `/api/v1/tickets?q=${encodeURIComponent(needle)}`).expect(200)).body;
    expect(search.items.map((i: any) => i.id)).toEqual([lamp]);
    const byCategory = (await get(officer, '/api/v1/tickets?category=penerangan%20jalan&kecamatan=babelan&status=assigned').expect(200)).body;
    expect(byCategory.items.map((i: any) => i.id)).toContain(lamp);
    expect((await get(officer, '/api/v1/tickets?kecamatan=setu').expect(200)).body.total).toBe(0);
    const page1 = (await get(officer, '/api/v1/tickets?pageSize=2&page=1').expect(200)).body;
    const page2 = (await get(officer, '/api/v1/tickets?pageSize=2&page=2').expect(200)).body;
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThan(2);
    expect(page2.items.map((i: any) => i.id)).not.toContain(page1.items[0].id);
    await get(officer, '/api/v1/tickets?status=nonsense').expect(400);

    expect((await get(officer, '/api/v1/tickets?overdue=true').expect(200)).body.total).toBe(0);
    await desk.publish(
      SlaBreachedV1,
      { ticketId: lamp, unitCode: 'DINSOS', deadlineKind: 'first-response', deadlineAt: '2026-01-08T09:00:00.000Z', policyVersion: '2026.1', breachedAt: '2026-01-08T09:00:00.000Z' },
      lamp,
    );
    await waitFor('overdue', async () => (await get(officer, '/api/v1/tickets?overdue=true').expect(200)).body.total === 1);
    expect((await get(officer, '/api/v1/tickets?overdue=true')).body.items[0]).toMatchObject({ id: lamp, overdueSince: '2026-01-08T09:00:00.000Z' });
  });

  const breach = (ticketId: string, unitCode: string, deadlineKind: SlaBreached['deadlineKind'], breachedAt = '2026-01-20T17:00:00.000Z'): SlaBreached => ({
    ticketId,
    unitCode,
    deadlineKind,
    deadlineAt: breachedAt,
    policyVersion: '2026.1',
    breachedAt,
  });
  /** The consumer records an event as applied in the transaction of its effect: recorded means handled without error. */
  const applied = async (...eventIds: string[]) => {
    const rows = await desk.db.query(`SELECT "event_id" FROM "${desk.infra.schema}"."applied_events" WHERE "event_id" = ANY($1::text[])`, [eventIds]);
    return rows.length === eventIds.length;
  };

  it('closes an answered ticket as the system when the reporter lets the auto-close countdown run out, once', async () => {
    const id = await routedTicket();
    let t = (await post(officer, `/api/v1/tickets/${id}/acknowledge`, 2).expect(200)).body;
    t = (await post(officer, `/api/v1/tickets/${id}/answers`, t.version, { answer: 'Bantuan PKH sudah disalurkan melalui bank penyalur.' }).expect(200)).body;
    expect(t).toMatchObject({ status: 'answered', version: 4 });

    const first = await desk.publish(SlaBreachedV1, breach(id, 'DINSOS', 'auto-close'), id);
    await waitFor('closed by the system', async () => (await ticket(id)).status === 'closed');
    // The same event redelivered, another auto-close breach and a late resolution breach: no second close, no failure.
    await desk.publish(SlaBreachedV1, breach(id, 'DINSOS', 'auto-close'), id, first);
    const again = await desk.publish(SlaBreachedV1, breach(id, 'DINSOS', 'auto-close', '2026-01-21T17:00:00.000Z'), id);
    const late = await desk.publish(SlaBreachedV1, breach(id, 'DINSOS', 'resolution'), id);
    await waitFor('later breaches handled', () => applied(first, again, late));

    t = await ticket(id);
    expect(t).toMatchObject({ status: 'closed', closedBy: 'system', laporStatus: 'Ditutup oleh Sistem', version: 5, overdueSince: null });
    expect(t.history.filter((h: any) => h.action === 'close')).toEqual([
      expect.objectContaining({ from: 'answered', to: 'closed', actor: { role: 'system', userId: 'sla-auto-close' }, reason: expect.stringMatching(/pelapor tidak menanggapi/) }),
    ]);
    const [{ n }] = await desk.db.query(
      `SELECT count(*)::int AS n FROM "${desk.infra.schema}"."ticket_audit" WHERE "ticket_id" = $1 AND "action" = 'close' AND "actor_role" = 'system'`,
      [id],
    );
    expect(n).toBe(1);
    expect(await eventTypes(id, 5)).toEqual(['ticket.received', 'ticket.assigned', 'ticket.acknowledged', 'ticket.answered', 'ticket.closed']);
    expect(desk.eventsOf(id)[4].data).toMatchObject({
      closedBy: 'system',
      rating: null,
      unitCode: 'DINSOS',
      from: 'answered',
      to: 'closed',
      version: 5,
      actor: { role: 'system', userId: 'sla-auto-close' },
    });
    expect((await get(officer, '/api/v1/tickets?overdue=true').expect(200)).body.items.map((i: any) => i.id)).not.toContain(id);
  });

  it('leaves a ticket that is no longer answered alone on an auto-close breach, without marking it overdue', async () => {
    const acknowledged = await routedTicket();
    await post(officer, `/api/v1/tickets/${acknowledged}/acknowledge`, 2).expect(200);
    const reopened = await routedTicket();
    let t = (await post(officer, `/api/v1/tickets/${reopened}/acknowledge`, 2).expect(200)).body;
    t = (await post(officer, `/api/v1/tickets/${reopened}/answers`, t.version, { answer: 'Sudah diverifikasi ke lapangan.' }).expect(200)).body;
    await reporter(t.trackingId, 'reopen', { reason: 'Bantuan belum saya terima, hubungi 0812-3456-7890.' }).expect(200);
    // The reporter's text is masked before it enters the event.
    const reopenedEvent = await waitFor('ticket.reopened', () => desk.eventsOf(reopened).find((e) => e.type === 'ticket.reopened'));
    expect(reopenedEvent.data.reason).toBe('Bantuan belum saya terima, hubungi [nomor telepon disamarkan].');

    const ids = [
      await desk.publish(SlaBreachedV1, breach(acknowledged, 'DINSOS', 'auto-close'), acknowledged),
      await desk.publish(SlaBreachedV1, breach(reopened, 'DINSOS', 'auto-close'), reopened),
    ];
    await waitFor('breaches handled', () => applied(...ids));

    expect(await ticket(acknowledged)).toMatchObject({ status: 'acknowledged', version: 3, closedBy: null, overdueSince: null });
    const r = await ticket(reopened);
    expect(r).toMatchObject({ status: 'reopened', version: 5, closedBy: null, overdueSince: null });
    expect(r.history.map((h: any) => h.action)).not.toContain('close');
    expect(await eventTypes(reopened, 5)).not.toContain('ticket.closed');
    expect(desk.eventsOf(acknowledged).map((e) => e.type)).not.toContain('ticket.closed');
  });

  it('ignores a first-response breach of the unit the ticket was taken from, and marks the current unit\'s', async () => {
    const id = await routedTicket('DLH');
    const disposed = (await post(admin, `/api/v1/tickets/${id}/disposition`, 2, { unitCode: 'DINSOS', reason: 'Bantuan sosial: Dinsos' }).expect(200)).body;
    expect(disposed).toMatchObject({ status: 'assigned', unitCode: 'DINSOS' });

    const stale = await desk.publish(SlaBreachedV1, breach(id, 'DLH', 'first-response', '2026-01-08T09:00:00.000Z'), id);
    await waitFor('stale breach handled', () => applied(stale));
    expect(await ticket(id)).toMatchObject({ unitCode: 'DINSOS', overdueSince: null });
    expect((await get(officer, '/api/v1/tickets?overdue=true').expect(200)).body.items.map((i: any) => i.id)).not.toContain(id);

    const current = await desk.publish(SlaBreachedV1, breach(id, 'DINSOS', 'first-response', '2026-01-12T09:00:00.000Z'), id);
    await waitFor('current breach handled', () => applied(current));
    expect(await ticket(id)).toMatchObject({ status: 'assigned', unitCode: 'DINSOS', overdueSince: '2026-01-12T09:00:00.000Z' });
  });

  it('shows what could identify the reporter of an Anonim report to the admin alone', async () => {
    const id = await routedTicket('DINSOS', aComplaint({ anonymous: true, channel: 'WhatsApp' }).complaint);
    let t = (await post(officer, `/api/v1/tickets/${id}/acknowledge`, 2).expect(200)).body;
    t = (await post(officer, `/api/v1/tickets/${id}/info-requests`, t.version, { question: 'Di RT berapa?' }).expect(200)).body;
    await reporter(t.trackingId, 'replies', { message: 'RT 03, hubungi saya 0812-3456-7890' }).expect(200);
    const asOfficer = (await get(officer, `/api/v1/tickets/${id}`).expect(200)).body;
    const asAdmin = await ticket(id);
    expect(asOfficer.reporter).toEqual({ anonymous: true, confidential: false, channel: null });
    expect(asAdmin.reporter).toEqual({ anonymous: true, confidential: false, channel: 'WhatsApp' });
    const reply = (view: any) => view.history.find((h: any) => h.action === 'reporter_reply').content;
    expect(reply(asOfficer)).toBe('RT 03, hubungi saya [nomor telepon disamarkan]');
    expect(reply(asAdmin)).toBe('RT 03, hubungi saya 0812-3456-7890');
    // A wrong key (another ticket's) and no key answer exactly as an unknown ticket does.
    const unknown = await reporter('LAP-TIDAK-ADA', 'replies', { message: 'x' }).expect(404);
    const wrong = await reporter(t.trackingId, 'replies', { message: 'x' }).set('x-reporter-key', testReporterKey('LAP-TIDAK-ADA')).expect(404);
    const none = await request(desk.http).post(`/api/v1/reporter/tickets/${t.trackingId}/replies`).send({ message: 'x' }).expect(404);
    expect(wrong.body).toEqual(unknown.body);
    expect(none.body).toEqual(unknown.body);
  });

  it('signs in with argon2id passwords, rate-limits login, and ends sessions of a deactivated user', async () => {
    const login = (username: string, password: string) => request(desk.http).post('/api/v1/auth/login').send({ username, password });
    const ok = await login('head.dlh', DEMO_PASSWORD).expect(200);
    expect(ok.body.user).toMatchObject({ username: 'head.dlh', role: 'unit_head', unitCode: 'DLH' });
    const [{ password_hash }] = await desk.db.query(`SELECT password_hash FROM "${desk.infra.schema}"."users" WHERE username = 'head.dlh'`);
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await get(ok.body.accessToken, '/api/v1/auth/me').expect(200);

    for (let i = 0; i < 4; i++) await login('officer.dlh', 'salah-sandi').expect(401);
    await login('officer.dlh', DEMO_PASSWORD).expect(200); // 5th attempt in the window
    const limited = await login('officer.dlh', DEMO_PASSWORD).expect(429);
    expect(limited.body.message).toMatch(/Terlalu banyak percobaan/);
    await login('officer.dinkes', DEMO_PASSWORD).expect(200); // another username is counted apart

    const created = await post(admin, '/api/v1/users', null, { username: 'petugas.baru', displayName: 'Petugas Baru', role: 'officer', unitCode: 'DLH', password: 'sandi-baru-123' }).expect(201);
    const token = (await login('petugas.baru', 'sandi-baru-123').expect(200)).body.accessToken;
    await get(token, '/api/v1/tickets').expect(200);
    await request(desk.http).patch(`/api/v1/users/${created.body.id}`).set('authorization', `Bearer ${admin}`).send({ unitCode: 'DINSOS' }).expect(200);
    await get(token, '/api/v1/tickets').expect(401); // the unit changed: the old token no longer stands
    const fresh = (await login('petugas.baru', 'sandi-baru-123').expect(200)).body;
    expect(fresh.user.unitCode).toBe('DINSOS');
    const refresh = (refreshToken: string) => request(desk.http).post('/api/v1/auth/refresh').send({ refreshToken });
    const refreshed = (await refresh(fresh.refreshToken).expect(200)).body;
    expect(refreshed.expiresIn).toBeLessThanOrEqual(55);
    await get(refreshed.accessToken, '/api/v1/tickets').expect(200);
    await refresh(refreshed.accessToken).expect(401); // an access token is no refresh token
    await post(admin, `/api/v1/users/${created.body.id}/deactivate`, null).expect(200);
    await get(fresh.accessToken, '/api/v1/tickets').expect(401);
    await refresh(refreshed.refreshToken).expect(401); // deactivated: no new access token anywhere
    await login('petugas.baru', 'sandi-baru-123').expect(401);
    await post(admin, '/api/v1/users', null, { username: 'kepala.x', displayName: 'X', role: 'unit_head', password: 'sandi-baru-123' }).expect(422);
  });
});
