import { randomUUID } from 'node:crypto';
import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthPrincipal } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { checkProposal, decideProposal, maySetTarget, PROPOSAL_LABELS, type IkpIndicator } from '@bekasi/ikp-domain';
import { SERVICE_CONFIG } from '@bekasi/platform';
import type { IkpConfig } from '../ikp.config';
import { UnitTargetRepository } from '../persistence/unit-target.repository';
import { IkpBoard } from '../scoring/ikp-board';
import { refusalException } from '../http/ikp-refusal';
import { UnitRegistry } from '../units/unit-registry';

/** Targets of the complaint-handling indicators: set by the leadership, negotiated by the unit head with the Sekda. */
@Injectable()
export class TargetNegotiationWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly board: IkpBoard,
    private readonly units: UnitRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: IkpConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A unit's row of the board with the history of its target proposals. */
  async unit(unitCode: string, period: string) {
    const unit = this.units.find(unitCode);
    if (!unit) throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Perangkat daerah tidak ditemukan.' });
    const board = await this.board.board(period);
    const row = board.items.find((i) => i.unitCode === unitCode)!;
    const proposals = await new UnitTargetRepository(this.dataSource.manager).proposalsOf(unitCode, period);
    return {
      ...row,
      period,
      policy: board.policy,
      proposals: proposals.map((p) => ({ ...p, indicatorLabel: board.policy.indicators[p.indicator]?.label ?? null, stateLabel: PROPOSAL_LABELS[p.state] })),
    };
  }

  async setTarget(unitCode: string, period: string, indicator: IkpIndicator, target: number, user: AuthPrincipal) {
    this.requireUnit(unitCode);
    if (!maySetTarget(user, unitCode, this.config.IKP_ADMIN_UNIT_CODE)) {
      throw new ForbiddenException({ statusCode: 403, error: 'FORBIDDEN', message: 'Admin tidak dapat menetapkan target unitnya sendiri; target ditetapkan pimpinan.' });
    }
    await new UnitTargetRepository(this.dataSource.manager).set(unitCode, period, indicator, target, 'set', user.username, this.clock.now());
    return this.unit(unitCode, period);
  }

  async propose(unitCode: string, period: string, indicator: IkpIndicator, proposedTarget: number, reason: string, user: AuthPrincipal) {
    this.requireUnit(unitCode);
    if (user.role !== 'unit_head' || user.unitCode !== unitCode) {
      throw new ForbiddenException({ statusCode: 403, error: 'FORBIDDEN', message: 'Hanya kepala perangkat daerah itu sendiri yang dapat mengusulkan targetnya.' });
    }
    return this.dataSource.transaction(async (tx) => {
      const repo = new UnitTargetRepository(tx);
      await repo.lockNegotiation(unitCode, period, indicator);
      const policy = await this.board.policyFor(period, tx);
      const current = (await repo.ofPeriod(period)).get(unitCode)?.[indicator] ?? policy.indicators[indicator].target;
      const check = checkProposal(proposedTarget, current, await repo.openProposals(unitCode, period, indicator));
      if (!check.ok) throw new ConflictException({ statusCode: 409, error: check.error.code, message: check.error.message });
      const proposal = { id: randomUUID(), unitCode, period, indicator, currentTarget: current, proposedTarget, reason, state: 'proposed' as const };
      await repo.insertProposal({ ...proposal, proposedBy: user.username, proposedAt: this.clock.now() });
      return proposal;
    });
  }

  async decide(proposalId: string, approve: boolean, note: string | undefined, user: AuthPrincipal) {
    return this.dataSource.transaction(async (tx) => {
      const repo = new UnitTargetRepository(tx);
      const proposal = await repo.findProposal(proposalId, true);
      if (!proposal) throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Usulan target tidak ditemukan.' });
      const decision = decideProposal(proposal, approve);
      if (!decision.ok) throw new ConflictException({ statusCode: 409, error: decision.error.code, message: decision.error.message });
      const now = this.clock.now();
      await repo.decideProposal(proposalId, decision.value.state, user.username, now, note ?? null);
      if (decision.value.state === 'approved') await repo.set(proposal.unitCode, proposal.period, proposal.indicator, decision.value.targetInForce, 'negotiated', user.username, now);
      return { ...proposal, state: decision.value.state, targetInForce: decision.value.targetInForce, decidedBy: user.username, decidedAt: now };
    });
  }

  private requireUnit(unitCode: string): void {
    if (!this.units.find(unitCode)) throw refusalException({ code: 'INVALID', field: 'unitCode', message: 'unitCode tidak dikenal' });
  }
}
