import {
  driftResolutionOf,
  idempotencyKeyOf,
  laporConnectorFields,
  laporConnectorPaths,
  laporIsAhead,
  outboundActionOf,
  pathFor,
  readLaporUpdate,
  requestBodyOf,
  retryDelayMs,
  verdictOf,
} from './lapor-outbound';

describe('LAPOR! outbound actions', () => {
  it('maps the ticket events LAPOR! must hear of, and only those', () => {
    expect(outboundActionOf('ticket.assigned', { unitCode: 'DINSOS', reason: 'Bansos' })).toEqual({ kind: 'disposition', payload: { unitCode: 'DINSOS', content: 'Bansos', files: [] } });
    const file = { fileId: 'f', storageKey: 'k', fileName: 'a.jpg', contentType: 'image/jpeg', sizeBytes: 3, sha256: 'x' };
    expect(outboundActionOf('ticket.answered', { answerSummary: 'pendek', answer: 'panjang sekali', files: [file] })?.payload).toMatchObject({ content: 'panjang sekali', files: [file] });
    expect(outboundActionOf('ticket.answered', { answerSummary: 'pendek' })?.payload.content).toBe('pendek');
    expect(outboundActionOf('ticket.info-requested', { question: 'Alamat?' })?.kind).toBe('info_request');
    expect(outboundActionOf('ticket.reassign-requested', { reason: 'Bukan kewenangan' })?.kind).toBe('reassignment');
    expect(outboundActionOf('ticket.closed', { closedBy: 'reporter', rating: 5 })?.payload).toMatchObject({ closedBy: 'reporter', rating: 5 });
    for (const name of ['ticket.received', 'ticket.acknowledged', 'ticket.sla-paused', 'ticket.rated', 'ticket.reporter-replied']) expect(outboundActionOf(name, {})).toBeNull();
  });

  it('names each action by its event, the same on every retry', () => {
    expect(idempotencyKeyOf('6f1c')).toBe(idempotencyKeyOf('6f1c'));
    expect(idempotencyKeyOf('6f1c')).not.toBe(idempotencyKeyOf('6f1d'));
  });

  it('retries what may pass later, refuses what LAPOR! refused, takes 409 as already there', () => {
    expect([200, 201, 409].map((status) => verdictOf({ status }))).toEqual(['sent', 'sent', 'sent']);
    expect([500, 502, 503, 408, 429].map((status) => verdictOf({ status }))).toEqual(Array(5).fill('retry'));
    expect(verdictOf('timeout')).toBe('retry');
    expect(verdictOf('network')).toBe('retry');
    expect([400, 401, 404, 413, 422].map((status) => verdictOf({ status }))).toEqual(Array(5).fill('refused'));
  });

  it('backs off exponentially with jitter up to the maximum', () => {
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelayMs(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(retryDelayMs(40, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('writes bodies and paths in the API\'s field names, overridable by configuration', () => {
    const fields = laporConnectorFields({ instansiId: 'id_instansi' });
    const body = requestBodyOf({ kind: 'disposition', payload: { content: 'catatan', unitCode: 'DINSOS', files: [] } }, { instansiId: '42' }, fields);
    expect(body).toEqual({ id_instansi: '42', content: 'catatan' });
    const withFile = requestBodyOf(
      { kind: 'follow_up', payload: { content: 'selesai', unitCode: null, files: [] } },
      { attachments: [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0=' }] },
      laporConnectorFields(),
    );
    expect(withFile.attachments).toEqual([{ file_name: 'a.pdf', content_type: 'application/pdf', content_base64: 'JVBERi0=' }]);
    expect(pathFor(laporConnectorPaths({ follow_up: '/v2/laporan/{trackingId}/tindak-lanjut' }).follow_up, '12/3')).toBe('/v2/laporan/12%2F3/tindak-lanjut');
    expect(() => laporConnectorFields({ nonsense: 'x' })).toThrow(/unknown field "nonsense"/);
  });
});

describe('LAPOR! updates read back', () => {
  const fields = laporConnectorFields();
  const now = new Date('2026-12-01T00:00:00Z');

  it('reads replies, ratings and status changes', () => {
    expect(readLaporUpdate({ id: 'u1', tracking_id: '5000001', type: 'reply', message: ' Sudah ', created_at: '2026-11-30T01:00:00Z' }, fields, now)).toEqual({
      update: { updateId: 'u1', laporTrackingId: '5000001', kind: 'reply', message: 'Sudah', rating: null, laporStatus: null, at: new Date('2026-11-30T01:00:00Z') },
    });
    expect(readLaporUpdate({ id: 'u2', tracking_id: 5000001, type: 'rating', rating: 4 }, fields, now)).toMatchObject({ update: { rating: 4, at: now } });
    expect(readLaporUpdate({ id: 'u3', tracking_id: '1', type: 'status', status: 'Ditutup oleh Admin' }, fields, now)).toMatchObject({ update: { laporStatus: 'Ditutup oleh Admin' } });
  });

  it('names what makes an update unreadable', () => {
    expect(readLaporUpdate(null, fields, now)).toEqual({ rejection: 'not an object' });
    expect(readLaporUpdate({ tracking_id: '1', type: 'reply', message: 'x' }, fields, now)).toEqual({ rejection: 'no update id' });
    expect(readLaporUpdate({ id: 'u', tracking_id: '1', type: 'rating', rating: 9 }, fields, now)).toEqual({ rejection: 'rating must be 1-5' });
    expect(readLaporUpdate({ id: 'u', tracking_id: '1', type: 'reply', message: '  ' }, fields, now)).toEqual({ rejection: 'reply without message' });
    expect(readLaporUpdate({ id: 'u', tracking_id: '1', type: 'hapus' }, fields, now)).toEqual({ rejection: 'unknown update type hapus' });
  });
});

describe('drift', () => {
  it('leaves queued differences to the queue, resends what LAPOR! missed, and gives LAPOR! being ahead to the admin', () => {
    expect(driftResolutionOf({ ourLabel: 'Ditindaklanjuti', laporLabel: 'Ditindaklanjuti', unsentActions: 0, laporAhead: false })).toBeNull();
    expect(driftResolutionOf({ ourLabel: 'Ditindaklanjuti', laporLabel: 'Terverifikasi', unsentActions: 1, laporAhead: false })).toBe('in_queue');
    expect(driftResolutionOf({ ourLabel: 'Ditindaklanjuti', laporLabel: 'Terverifikasi', unsentActions: 0, laporAhead: false })).toBe('resend');
    expect(driftResolutionOf({ ourLabel: 'Terverifikasi', laporLabel: 'Ditutup oleh Admin', unsentActions: 0, laporAhead: true })).toBe('manual');
  });

  it('knows when LAPOR! is ahead', () => {
    expect(laporIsAhead('Terverifikasi', 'Ditutup oleh Admin')).toBe(true);
    expect(laporIsAhead('Ditutup oleh Pelapor', 'Terverifikasi')).toBe(false);
    expect(laporIsAhead('Ditutup oleh Pelapor', 'Diarsipkan oleh Admin')).toBe(true);
    expect(laporIsAhead('Ditindaklanjuti', 'Terverifikasi')).toBe(false);
  });
});
