import {
  allowedActions,
  instructionAchievement,
  instructionStanding,
  negotiationOpen,
  PROPOSAL_LABELS,
  REALISATION_LABELS,
  settle,
  STANDING_LABELS,
  targetAchievement,
  targetStanding,
  verifiedRealisation,
  type InstructionActor,
  type InstructionRules,
  type InstructionSnapshot,
} from '@bekasi/ikp-domain';

/** An instruction as the caller reads it: labels for every code, the actions they may take now. */
export function instructionView(current: InstructionSnapshot, unitName: string, viewer: InstructionActor, now: Date, rules: InstructionRules) {
  const s = settle(current, now);
  const standing = instructionStanding(s, now);
  const actions = allowedActions(s, viewer, now, rules);
  return {
    id: s.id,
    unitCode: s.unitCode,
    unitName,
    title: s.title,
    description: s.description,
    issuedBy: s.issuedBy,
    issuedAt: s.issuedAt,
    negotiationEndsAt: s.negotiationEndsAt,
    negotiationOpen: negotiationOpen(s, now),
    state: s.state,
    cancelledAt: s.cancelledAt,
    cancelNote: s.cancelNote,
    version: s.version,
    standing,
    standingLabel: STANDING_LABELS[standing],
    achievement: instructionAchievement(s),
    indicators: s.targets.map((t) => {
      const ts = s.state === 'cancelled' ? 'cancelled' : targetStanding(s, t, now);
      return { ...t, verifiedRealisation: verifiedRealisation(s, t.id), achievement: targetAchievement(s, t), standing: ts, standingLabel: STANDING_LABELS[ts] };
    }),
    realisations: s.realisations.map((r) => ({ ...r, indicatorId: r.targetId, stateLabel: REALISATION_LABELS[r.state] })),
    proposals: s.proposals.map((p) => ({
      ...p,
      indicatorId: p.targetId,
      direction: p.proposedTarget < p.currentTarget ? 'lower' : 'higher',
      directionLabel: p.proposedTarget < p.currentTarget ? { id: 'Usulan turun', en: 'Lower' } : { id: 'Usulan naik', en: 'Higher' },
      stateLabel: PROPOSAL_LABELS[p.state],
    })),
    allowedActions: actions,
    mayReport: actions.includes('report_realisation'),
  };
}

export type InstructionView = ReturnType<typeof instructionView>;
