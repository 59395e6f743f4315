import {
  allowedActions,
  decideInstruction,
  instructionAchievement,
  instructionStanding,
  instructionTally,
  issueInstruction,
  maySetTarget,
  targetAchievement,
  type InstructionActor,
  type InstructionCommand,
  type InstructionRules,
  type InstructionSnapshot,
} from './instructions';

const at = (iso: string) => new Date(iso);
const rules: InstructionRules = { verifierRoles: ['asda', 'sekda'], sekdaDecidesTargets: true, asdaOf: (u) => ({ DP3A: 'I', DLH: 'II' })[u] ?? null };
const actor = (role: string, unitCode: string | null = null, asdaGroup: string | null = null): InstructionActor => ({ role, unitCode, asdaGroup, username: `${role}.${unitCode ?? asdaGroup ?? 'x'}` });
const bupati = actor('bupati');
const sekda = actor('sekda');
const head = actor('unit_head', 'DP3A');
const officer = actor('officer', 'DP3A');
const asda1 = actor('asda', null, 'I');
const issuedAt = at('2026-12-01T02:00:00Z');

/** "Kasus kekerasan anak ditangani tuntas: 20 kasus, Desember", dialog kinerja until 8 December. */
function childViolenceInstruction(): InstructionSnapshot {
  const issued = issueInstruction(
    {
      id: 'i-1', unitCode: 'DP3A', title: 'Penanganan kasus kekerasan anak', description: '', negotiationEndsAt: at('2026-12-08T10:00:00Z'),
      targets: [{ id: 't-1', name: 'Kasus kekerasan anak ditangani tuntas', unitOfMeasure: 'kasus', period: '2026-12', dueAt: at('2026-12-31T16:59:59Z'), target: 20 }],
    },
    bupati,
    issuedAt,
  );
  if (!issued.ok) throw new Error(issued.refusal.message);
  return issued.snapshot;
}

function apply(s: InstructionSnapshot, steps: Array<[InstructionCommand, InstructionActor, string]>): InstructionSnapshot {
  for (const [command, who, when] of steps) {
    const d = decideInstruction(s, command, who, at(when), rules);
    if (!d.ok) throw new Error(`${command.type}: ${d.refusal.message}`);
    s = d.snapshot;
  }
  return s;
}
const evidence = [{ fileId: null, reference: 'Register P2TP2A No. 47/XII/2026', label: 'Register penanganan kasus' }];
const reasons = 'Sebagian kasus dirujuk ke Polres, penyelesaiannya di luar kewenangan dinas';

describe('instruction with a negotiated target (dialog kinerja)', () => {
  it('target 20; the unit proposes 15 with reasons; the Bupati rejects; 18 realised and verified is 90 % of target', () => {
    const s = apply(childViolenceInstruction(), [
      [{ type: 'propose_target', proposalId: 'p-1', targetId: 't-1', proposedTarget: 15, reason: reasons }, head, '2026-12-02T03:00:00Z'],
      [{ type: 'decide_proposal', proposalId: 'p-1', approve: false, note: 'Target tetap, koordinasikan dengan Polres' }, bupati, '2026-12-03T03:00:00Z'],
      [{ type: 'report_realisation', realisationId: 'r-1', targetId: 't-1', value: 18, note: '18 kasus tuntas', evidence }, officer, '2026-12-30T03:00:00Z'],
      [{ type: 'verify', realisationId: 'r-1', decision: 'verified', note: 'Sesuai register' }, asda1, '2026-12-31T03:00:00Z'],
    ]);
    expect(s.targets[0]).toMatchObject({ originalTarget: 20, target: 20 });
    expect(s.proposals).toEqual([expect.objectContaining({ currentTarget: 20, proposedTarget: 15, state: 'rejected', decidedBy: 'bupati.x', reason: reasons })]);
    expect(targetAchievement(s, s.targets[0])).toBe(90);
    expect(instructionStanding(s, at('2027-01-01T00:00:00Z'))).toBe('overdue');
    expect(instructionTally([s], '2026-12', at('2027-01-01T00:00:00Z'))).toEqual({ due: 1, achievementSum: 90, achieved: 0 });
  });

  it('an approved proposal changes the target, and the history shows both targets', () => {
    const s = apply(childViolenceInstruction(), [
      [{ type: 'propose_target', proposalId: 'p-1', targetId: 't-1', proposedTarget: 15, reason: reasons }, head, '2026-12-02T03:00:00Z'],
      [{ type: 'decide_proposal', proposalId: 'p-1', approve: true, note: null }, sekda, '2026-12-03T03:00:00Z'],
      [{ type: 'report_realisation', realisationId: 'r-1', targetId: 't-1', value: 15, note: 'tuntas', evidence }, officer, '2026-12-20T03:00:00Z'],
      [{ type: 'verify', realisationId: 'r-1', decision: 'verified', note: '' }, asda1, '2026-12-21T03:00:00Z'],
    ]);
    expect(s.targets[0]).toMatchObject({ originalTarget: 20, target: 15 });
    expect(s.proposals.map((p) => [p.currentTarget, p.proposedTarget, p.state])).toEqual([[20, 15, 'approved']]);
    expect(instructionStanding(s, at('2026-12-22T00:00:00Z'))).toBe('achieved');
    expect(instructionAchievement(s)).toBe(100);
  });

  it('a proposal undecided by the end of the window lapses, and the original target stands', () => {
    const s = apply(childViolenceInstruction(), [[{ type: 'propose_target', proposalId: 'p-1', targetId: 't-1', proposedTarget: 25, reason: 'Kapasitas shelter bertambah bulan ini' }, head, '2026-12-02T03:00:00Z']]);
    const late = decideInstruction(s, { type: 'decide_proposal', proposalId: 'p-1', approve: true, note: null }, bupati, at('2026-12-09T00:00:00Z'), rules);
    expect(late).toEqual({ ok: false, refusal: expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/gugur/) }) });
    const report = decideInstruction(s, { type: 'report_realisation', realisationId: 'r-1', targetId: 't-1', value: 3, note: 'awal', evidence }, officer, at('2026-12-09T00:00:00Z'), rules);
    expect(report.ok && report.snapshot.proposals[0].state).toBe('lapsed');
    expect(report.ok && report.snapshot.targets[0].target).toBe(20);
    const again = decideInstruction(s, { type: 'propose_target', proposalId: 'p-2', targetId: 't-1', proposedTarget: 18, reason: reasons }, head, at('2026-12-09T00:00:00Z'), rules);
    expect(again.ok ? null : again.refusal.message).toMatch(/dialog kinerja/);
  });
});

describe('only verified realisation counts', () => {
  it('a unit cannot make its instruction achieved on its own say-so: realisation needs evidence and the leadership\'s verification', () => {
    let s = childViolenceInstruction();
    const noEvidence = decideInstruction(s, { type: 'report_realisation', realisationId: 'r-1', targetId: 't-1', value: 20, note: 'selesai', evidence: [] }, head, at('2026-12-10T00:00:00Z'), rules);
    expect(noEvidence.ok ? null : noEvidence.refusal).toMatchObject({ code: 'INVALID', field: 'evidence' });
    s = apply(s, [[{ type: 'report_realisation', realisationId: 'r-1', targetId: 't-1', value: 20, note: 'selesai', evidence }, head, '2026-12-10T00:00:00Z']]);
    expect(targetAchievement(s, s.targets[0])).toBe(0);
    const selfVerify = decideInstruction(s, { type: 'verify', realisationId: 'r-1', decision: 'verified', note: '' }, head, at('2026-12-10T01:00:00Z'), rules);
    expect(selfVerify.ok ? null : selfVerify.refusal.code).toBe('FORBIDDEN');
    const otherAsda = decideInstruction(s, { type: 'verify', realisationId: 'r-1', decision: 'verified', note: '' }, actor('asda', null, 'II'), at('2026-12-10T01:00:00Z'), rules);
    expect(otherAsda.ok ? null : otherAsda.refusal.code).toBe('FORBIDDEN');
    s = apply(s, [[{ type: 'verify', realisationId: 'r-1', decision: 'sent_back', note: 'Bukti belum memuat nama korban tersamar' }, asda1, '2026-12-11T00:00:00Z']]);
    expect(targetAchievement(s, s.targets[0])).toBe(0);
    s = apply(s, [
      [{ type: 'report_realisation', realisationId: 'r-2', targetId: 't-1', value: 20, note: 'dilengkapi', evidence }, officer, '2026-12-12T00:00:00Z'],
      [{ type: 'verify', realisationId: 'r-2', decision: 'verified', note: '' }, sekda, '2026-12-13T00:00:00Z'],
    ]);
    expect(targetAchievement(s, s.targets[0])).toBe(100);
    expect(s.realisations.map((r) => r.state)).toEqual(['sent_back', 'verified']);
  });

  it('keeps one report waiting for verification at a time', () => {
    const s = apply(childViolenceInstruction(), [[{ type: 'report_realisation', realisationId: 'r-1', targetId: 't-1', value: 5, note: '', evidence }, officer, '2026-12-05T00:00:00Z']]);
    const second = decideInstruction(s, { type: 'report_realisation', realisationId: 'r-2', targetId: 't-1', value: 7, note: '', evidence }, officer, at('2026-12-06T00:00:00Z'), rules);
    expect(second.ok ? null : second.refusal.code).toBe('CONFLICT');
  });
});

describe('who may do what', () => {
  it('issues only by the Bupati or Sekda, with measurable future targets', () => {
    const input = { id: 'i', unitCode: 'DLH', title: 'Kekeringan', description: '', negotiationEndsAt: null, targets: [{ id: 't', name: 'Desa dipasok air bersih', unitOfMeasure: 'desa', period: '2026-12', dueAt: at('2026-12-31T00:00:00Z'), target: 12 }] };
    expect(issueInstruction(input, actor('admin'), issuedAt).ok).toBe(false);
    expect(issueInstruction({ ...input, targets: [] }, sekda, issuedAt)).toMatchObject({ ok: false, refusal: { field: 'indicators' } });
    expect(issueInstruction({ ...input, targets: [{ ...input.targets[0], target: 0 }] }, sekda, issuedAt)).toMatchObject({ ok: false, refusal: { field: 'indicators.0.target' } });
    const ok = issueInstruction(input, sekda, issuedAt);
    expect(ok.ok && ok.snapshot.negotiationEndsAt).toEqual(at('2026-12-08T02:00:00Z'));
  });

  it('lets the Sekda decide targets only by delegation, and offers each caller what they may do', () => {
    const s = apply(childViolenceInstruction(), [[{ type: 'propose_target', proposalId: 'p-1', targetId: 't-1', proposedTarget: 15, reason: reasons }, head, '2026-12-02T03:00:00Z']]);
    const noDelegation = decideInstruction(s, { type: 'decide_proposal', proposalId: 'p-1', approve: true, note: null }, sekda, at('2026-12-03T00:00:00Z'), { ...rules, sekdaDecidesTargets: false });
    expect(noDelegation.ok ? null : noDelegation.refusal.code).toBe('FORBIDDEN');
    const now = at('2026-12-03T00:00:00Z');
    expect(allowedActions(s, head, now, rules)).toEqual(['report_realisation']);
    expect(allowedActions(s, bupati, now, rules)).toEqual(['decide_proposal', 'cancel']);
    expect(allowedActions(s, officer, now, rules)).toEqual(['report_realisation']);
    expect(allowedActions(s, actor('unit_head', 'DLH'), now, rules)).toEqual([]);
  });

  it('never lets the admin set the targets of its own unit', () => {
    expect([maySetTarget(actor('admin'), 'DLH', 'DISKOMINFOSANTIK'), maySetTarget(actor('admin'), 'DISKOMINFOSANTIK', 'DISKOMINFOSANTIK')]).toEqual([true, false]);
    expect([maySetTarget(sekda, 'DISKOMINFOSANTIK', 'DISKOMINFOSANTIK'), maySetTarget(head, 'DP3A', 'DISKOMINFOSANTIK')]).toEqual([true, false]);
  });
});
