import {
  ACTION_LABELS,
  archiveKindsFor,
  availableActions,
  reporterChannelFor,
  reporterWordsFor,
  STATUS_LABELS,
  toLaporStatus,
  type Actor,
  type TicketAction,
} from '@bekasi/tickets-domain';
import type { AuditEntryView, TicketDetailView, TicketSummaryView } from '@bekasi/desk-client';
import type { StoredAuditEntry, TicketRecord } from '../persistence/ticket.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function summaryView(r: TicketRecord): TicketSummaryView {
  const t = r.snapshot;
  return {
    id: t.id,
    trackingId: r.complaint.trackingId,
    version: t.version,
    status: t.status,
    statusLabel: STATUS_LABELS[t.status].id,
    laporStatus: toLaporStatus(t),
    unitCode: t.unitCode,
    kecamatanCode: r.complaint.kecamatanCode,
    category: r.complaint.category,
    classification: r.complaint.classification,
    priority: r.complaint.priority,
    title: r.complaint.title,
    receivedAt: t.receivedAt.toISOString(),
    assignedAt: iso(t.assignedAt),
    updatedAt: t.updatedAt.toISOString(),
    overdueSince: iso(r.overdueSince),
  };
}

/** The ticket as `viewer` may see it, with the actions the state machine offers them now. */
export function detailView(r: TicketRecord, history: readonly StoredAuditEntry[], viewer: Actor): TicketDetailView {
  const t = r.snapshot;
  const privacy = { anonymous: r.complaint.anonymous, confidential: r.complaint.confidential };
  return {
    ...summaryView(r),
    text: r.complaint.text,
    reporter: { ...privacy, channel: reporterChannelFor(viewer.role, privacy, r.complaint.channel) },
    bounceCount: t.bounceCount,
    refusedUnitCodes: [...t.refusedUnitCodes],
    reopenCount: t.reopenCount,
    rating: t.rating,
    closedBy: t.closedBy,
    archive: t.archive ? { ...t.archive, archivedAt: t.archive.archivedAt.toISOString() } : null,
    pausedFrom: t.pausedFrom,
    triage: r.triageReason !== null || r.triageSuggestions.length > 0 ? { reason: r.triageReason, suggestions: [...r.triageSuggestions] } : null,
    availableActions: availableActions(t, viewer).map((action) => ({ action, label: ACTION_LABELS[action].id })),
    archiveKinds: availableActions(t, viewer).includes('archive') ? [...archiveKindsFor(viewer.role)] : [],
    history: history.map((h) => auditView(h, viewer, privacy)),
  };
}

function auditView(h: StoredAuditEntry, viewer: Actor, privacy: { anonymous: boolean; confidential: boolean }): AuditEntryView {
  const action = h.action as TicketAction | 'receive';
  return {
    version: h.version,
    at: h.at.toISOString(),
    actor: { role: h.actor.role, userId: h.actor.userId },
    action,
    actionLabel: action === 'receive' ? 'Laporan diterima' : ACTION_LABELS[action].id,
    from: h.from,
    to: h.to,
    reason: h.actor.role === 'reporter' ? reporterWordsFor(viewer.role, privacy, h.reason) : h.reason,
    content: h.actor.role === 'reporter' ? reporterWordsFor(viewer.role, privacy, h.content) : h.content,
    attachments: [...h.attachments],
  };
}
