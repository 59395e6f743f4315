import { isLaporSource } from '../complaint-identity';

/**
 * Status updates sent back to a reporter who came by WhatsApp/SMS or e-mail (LAPOR! reporters read
 * them on LAPOR!): which updates, to which address, in which words. Pure.
 */
export const NOTICE_KINDS = ['received', 'disposed', 'answered', 'closed'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The ticket events that are an update the reporter hears of. */
export function noticeKindOf(eventName: string): NoticeKind | null {
  switch (eventName) {
    case 'ticket.received':
      return 'received';
    case 'ticket.assigned':
      return 'disposed';
    case 'ticket.answered':
      return 'answered';
    case 'ticket.closed':
      return 'closed';
    default:
      return null;
  }
}

export type NoticeRoute = { channel: 'webhook'; medium: 'whatsapp' | 'sms'; recipient: string } | { channel: 'email'; recipient: string };

/** Where the reporter of a complaint from `source` can be told, or null (LAPOR! reporters, or no address). */
export function noticeRouteOf(source: string, reporter: { phone?: string | null; email?: string | null } | null): NoticeRoute | null {
  if (isLaporSource(source) || !reporter) return null;
  const phone = reporter.phone?.replace(/[^\d+]/g, '') || null;
  if (source === 'whatsapp' && phone) return { channel: 'webhook', medium: 'whatsapp', recipient: phone };
  if (reporter.email) return { channel: 'email', recipient: reporter.email };
  if (phone) return { channel: 'webhook', medium: 'sms', recipient: phone };
  return null;
}

export interface NoticeTemplate {
  readonly subject: string;
  readonly body: string;
}

/** Bahasa Indonesia defaults; the admin edits them. Placeholders: {nomor}, {unit}, {jawaban}, {status}. */
export const DEFAULT_NOTICE_TEMPLATES: Readonly<Record<NoticeKind, NoticeTemplate>> = {
  received: {
    subject: 'Laporan {nomor} telah kami terima',
    body: 'Terima kasih. Laporan Anda telah diterima Pemerintah Kabupaten Bekasi dengan nomor {nomor}. Kami akan meneruskannya kepada perangkat daerah yang berwenang.',
  },
  disposed: {
    subject: 'Laporan {nomor} diteruskan ke {unit}',
    body: 'Laporan {nomor} telah diteruskan kepada {unit} untuk ditindaklanjuti.',
  },
  answered: {
    subject: 'Tindak lanjut laporan {nomor}',
    body: 'Laporan {nomor} telah ditindaklanjuti oleh {unit}:\n\n{jawaban}\n\nBalas pesan ini bila masih ada yang perlu disampaikan.',
  },
  closed: {
    subject: 'Laporan {nomor} selesai',
    body: 'Laporan {nomor} telah ditutup. Terima kasih telah menyampaikan laporan kepada Pemerintah Kabupaten Bekasi.',
  },
};

export const TEMPLATE_PLACEHOLDERS = ['nomor', 'unit', 'jawaban', 'status'] as const;

/** A template's words with the update's facts put in; an unknown {placeholder} is left as written. */
export function renderNotice(template: NoticeTemplate, facts: Partial<Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string | null>>): NoticeTemplate {
  const fill = (text: string) => text.replace(/\{([a-z]+)\}/g, (whole, name: string) => (name in facts ? (facts as Record<string, string | null>)[name] ?? '' : whole));
  return { subject: fill(template.subject).trim(), body: fill(template.body).trim() };
}

/** Problems with an edited template, in Bahasa Indonesia, empty when it is fine. */
export function templateProblems(template: NoticeTemplate): string[] {
  const problems: string[] = [];
  if (!template.subject.trim()) problems.push('subject tidak boleh kosong');
  if (!template.body.trim()) problems.push('body tidak boleh kosong');
  for (const [, name] of `${template.subject} ${template.body}`.matchAll(/\{([^}]*)\}/g)) {
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) problems.push(`penanda {${name}} tidak dikenal (gunakan ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`);
  }
  return problems;
}
