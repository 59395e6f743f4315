// The complaint.received event: what leaves intake for routing, desk, SLA and dashboards. It is
// built only from a PublicComplaint, so nothing unmasked can reach it by mistake.
import type { ComplaintReceived } from '@bekasi/contracts';
import { ComplaintPriority, isFinalLaporStatus } from './complaint-identity';
import { PublicComplaint } from './public-complaint';

export interface LikelyDuplicate {
  complaintId: string;
  trackingId: string;
  score: number;
}

export interface ComplaintReceivedFacts {
  complaintId: string;
  trackingId: string;
  priority: ComplaintPriority;
  duplicateOf: LikelyDuplicate | null;
}

/**
 * Back-filled reports LAPOR! has finished with are history: the router learns from their
 * disposition and no ticket is opened. Open ones (not yet verified, waiting for information)
 * still need handling and become live complaints.
 */
export function isHistorical(complaint: Pick<PublicComplaint, 'source' | 'historicalDisposition'>): boolean {
  return complaint.source === 'lapor-import' && isFinalLaporStatus(complaint.historicalDisposition?.laporStatus ?? null);
}

export function complaintReceivedOf(complaint: PublicComplaint, facts: ComplaintReceivedFacts): ComplaintReceived {
  const historical = isHistorical(complaint);
  const disposition = complaint.historicalDisposition;
  return {
    complaintId: facts.complaintId,
    trackingId: facts.trackingId,
    source: complaint.source,
    externalId: complaint.externalId,
    channel: complaint.channel,
    receivedAt: complaint.receivedAt.toISOString(),
    title: complaint.title,
    text: complaint.text,
    category: complaint.category?.name ?? null,
    categoryId: complaint.category?.id ?? null,
    classification: complaint.classification,
    anonymous: complaint.anonymous,
    confidential: complaint.confidential,
    // The reporter's name leaves intake in no event (docs/security.md); the field stays for compatibility.
    reporterName: null,
    locationText: complaint.locationText,
    priority: facts.priority,
    duplicateOf: facts.duplicateOf
      ? { ...facts.duplicateOf, score: Math.round(Math.min(1, Math.max(0, facts.duplicateOf.score)) * 1000) / 1000 }
      : null,
    historical,
    historicalDisposition:
      historical && disposition && disposition.disposedToRaw
        ? { unitName: disposition.disposedToRaw, unitCode: disposition.unitCode, laporStatus: disposition.laporStatusRaw }
        : null,
  };
}
