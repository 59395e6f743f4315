// Target negotiation (dialog kinerja): a unit proposes a different target with its reasons; the
// leader approves (the proposal becomes the target) or rejects (the target in force stays).
// Every proposal and decision is kept.
import type { IkpIndicator } from './ikp-score';

export type ProposalState = 'proposed' | 'approved' | 'rejected';

export interface TargetProposal {
  id: string;
  unitCode: string;
  period: string;
  indicator: IkpIndicator;
  /** The target in force when the proposal was made. */
  currentTarget: number;
  proposedTarget: number;
  reason: string;
  state: ProposalState;
}

export type NegotiationError =
  | { code: 'ALREADY_DECIDED'; message: string }
  | { code: 'OPEN_PROPOSAL_EXISTS'; message: string }
  | { code: 'SAME_TARGET'; message: string }
  | { code: 'OUT_OF_RANGE'; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: NegotiationError };

/** A unit may have one open proposal per indicator and period, for a target that differs, within 0-100. */
export function checkProposal(proposedTarget: number, currentTarget: number, openProposals: readonly TargetProposal[]): Result<void> {
  if (!Number.isFinite(proposedTarget) || proposedTarget < 0 || proposedTarget > 100) {
    return { ok: false, error: { code: 'OUT_OF_RANGE', message: 'Target harus antara 0 dan 100.' } };
  }
  if (proposedTarget === currentTarget) return { ok: false, error: { code: 'SAME_TARGET', message: 'Target usulan sama dengan target yang berlaku.' } };
  if (openProposals.some((p) => p.state === 'proposed')) {
    return { ok: false, error: { code: 'OPEN_PROPOSAL_EXISTS', message: 'Masih ada usulan yang menunggu keputusan untuk indikator ini.' } };
  }
  return { ok: true, value: undefined };
}

/** The leader's decision; the new target in force is returned (unchanged when rejected). */
export function decideProposal(proposal: TargetProposal, approve: boolean): Result<{ state: ProposalState; targetInForce: number }> {
  if (proposal.state !== 'proposed') {
    return { ok: false, error: { code: 'ALREADY_DECIDED', message: 'Usulan ini sudah diputuskan.' } };
  }
  return approve
    ? { ok: true, value: { state: 'approved', targetInForce: proposal.proposedTarget } }
    : { ok: true, value: { state: 'rejected', targetInForce: proposal.currentTarget } };
}
