import { checkProposal, decideProposal, type TargetProposal } from './target-negotiation';

const proposal = (changes: Partial<TargetProposal> = {}): TargetProposal => ({
  id: 'p1', unitCode: 'DINSOS', period: '2026-11', indicator: 'first_response_on_time', currentTarget: 90, proposedTarget: 75, reason: 'Volume bansos naik tiga kali lipat', state: 'proposed', ...changes,
});

describe('target negotiation', () => {
  it('accepts a lower or a higher target with reasons, within 0-100', () => {
    expect(checkProposal(75, 90, []).ok).toBe(true);
    expect(checkProposal(95, 90, []).ok).toBe(true);
  });

  it('refuses an unchanged target, one out of range, and a second open proposal', () => {
    const code = (r: ReturnType<typeof checkProposal>) => (r.ok ? null : r.error.code);
    expect(code(checkProposal(90, 90, []))).toBe('SAME_TARGET');
    expect(code(checkProposal(120, 90, []))).toBe('OUT_OF_RANGE');
    expect(code(checkProposal(-1, 90, []))).toBe('OUT_OF_RANGE');
    expect(code(checkProposal(80, 90, [proposal()]))).toBe('OPEN_PROPOSAL_EXISTS');
    expect(code(checkProposal(80, 90, [proposal({ state: 'rejected' })]))).toBeNull();
  });

  it('an approved proposal becomes the target; a rejected one leaves the target in force', () => {
    expect(decideProposal(proposal(), true)).toEqual({ ok: true, value: { state: 'approved', targetInForce: 75 } });
    expect(decideProposal(proposal(), false)).toEqual({ ok: true, value: { state: 'rejected', targetInForce: 90 } });
  });

  it('decides a proposal once', () => {
    for (const state of ['approved', 'rejected'] as const) {
      const result = decideProposal(proposal({ state }), true);
      expect(result.ok ? null : result.error.code).toBe('ALREADY_DECIDED');
    }
  });
});
