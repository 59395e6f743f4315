import { DEFAULT_NOTICE_TEMPLATES, noticeKindOf, noticeRouteOf, renderNotice, templateProblems } from './reporter-notice';

describe('reporter notices', () => {
  it('tells of receipt, disposisi, answer and closure only', () => {
    expect(['ticket.received', 'ticket.assigned', 'ticket.answered', 'ticket.closed'].map(noticeKindOf)).toEqual(['received', 'disposed', 'answered', 'closed']);
    expect(noticeKindOf('ticket.acknowledged')).toBeNull();
    expect(noticeKindOf('ticket.sla-paused')).toBeNull();
  });

  it('answers WhatsApp reporters on WhatsApp, others by e-mail or SMS, LAPOR! reporters not at all', () => {
    expect(noticeRouteOf('whatsapp', { phone: '0812-0000-0101' })).toEqual({ channel: 'webhook', medium: 'whatsapp', recipient: '081200000101' });
    expect(noticeRouteOf('web-form', { phone: '0812 000', email: 'budi@contoh.id' })).toEqual({ channel: 'email', recipient: 'budi@contoh.id' });
    expect(noticeRouteOf('call-centre', { phone: '+62 812 0000 0101' })).toEqual({ channel: 'webhook', medium: 'sms', recipient: '+6281200000101' });
    expect(noticeRouteOf('lapor-api', { email: 'a@b.id' })).toBeNull();
    expect(noticeRouteOf('web-form', null)).toBeNull();
    expect(noticeRouteOf('web-form', {})).toBeNull();
  });

  it('fills the templates in and checks the admin\'s edits', () => {
    const notice = renderNotice(DEFAULT_NOTICE_TEMPLATES.answered, { nomor: 'BKS-2026-000001', unit: 'Dinas Sosial', jawaban: 'Bantuan sudah cair.' });
    expect(notice.subject).toBe('Tindak lanjut laporan BKS-2026-000001');
    expect(notice.body).toContain('oleh Dinas Sosial:\n\nBantuan sudah cair.');
    expect(templateProblems({ subject: 'Laporan {nomor}', body: 'Halo {nama}' })).toEqual([expect.stringMatching(/\{nama\} tidak dikenal/)]);
    expect(templateProblems({ subject: ' ', body: 'x' })).toEqual(['subject tidak boleh kosong']);
    expect(templateProblems(DEFAULT_NOTICE_TEMPLATES.closed)).toEqual([]);
  });
});
