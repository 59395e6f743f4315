// Translation between the domain's DispositionDecision and the published contracts. Field names
// differ on purpose: the contract is shared with desk, sla and ikp and stays stable; the domain's
// reasons carry richer detail, which travels in `detail`.
import type { TicketRouted } from '@bekasi/contracts';
import type { DecisionReason } from '@bekasi/routing-domain';
import type { ComplaintRow } from '../persistence/routing.entities';

type ContractReason = TicketRouted['reasons'][number];
export type ComplaintSummary = TicketRouted['complaint'];

export function contractReasonOf(reason: DecisionReason): ContractReason {
  switch (reason.source) {
    case 'rule':
      return {
        source: 'rule',
        text: reason.text,
        unitCode: reason.unitCode,
        detail: { ruleId: reason.ruleId, ruleVersion: reason.ruleVersion, matched: reason.matched, strength: reason.strength },
      };
    case 'place':
      return {
        source: 'gazetteer',
        text: reason.text,
        unitCode: null,
        detail: { kecamatanCode: reason.kecamatanCode, confidence: reason.confidence, mentions: reason.mentions.map((m) => m.matchedText) },
      };
    case 'model':
      return { source: 'model', text: reason.text, unitCode: reason.unitCode, detail: { probability: reason.probability, words: reason.words } };
    case 'policy':
      return { source: 'policy', text: reason.text, unitCode: null, detail: { policy: reason.policy } };
  }
}

/** Reasons of a decision the admin took: stored and published like the router's own. */
export interface AdminReason {
  source: 'admin';
  text: string;
  unitCode: string;
}

export function summaryOf(complaint: ComplaintRow): ComplaintSummary {
  return {
    trackingId: complaint.trackingId,
    title: complaint.title,
    text: complaint.text,
    category: complaint.category,
    classification: complaint.classification as ComplaintSummary['classification'],
    receivedAt: complaint.receivedAt.toISOString(),
    anonymous: complaint.anonymous,
    confidential: complaint.confidential,
    channel: complaint.channel,
    priority: complaint.priority as ComplaintSummary['priority'],
    // Complaints kept before routing recorded their origin have none: the fields are left out, as in older events.
    ...(complaint.source !== null && { source: complaint.source as ComplaintSummary['source'] }),
    ...(complaint.externalId !== null && { externalId: complaint.externalId }),
  };
}

export const roundScore = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 10_000) / 10_000;
