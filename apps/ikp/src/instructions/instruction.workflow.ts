import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { scopeIncludes, unitScopeOf, type AuthPrincipal, type UnitScope } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import {
  decideInstruction,
  instructionStanding,
  issueInstruction,
  type InstructionActor,
  type InstructionCommand,
  type InstructionRules,
  type IssueInput,
} from '@bekasi/ikp-domain';
import { SERVICE_CONFIG } from '@bekasi/platform';
import { refusalException } from '../http/ikp-refusal';
import type { IkpConfig } from '../ikp.config';
import { InstructionRepository, type InstructionFilter } from '../persistence/instruction.repository';
import { UnitRegistry } from '../units/unit-registry';
import { instructionView, type InstructionView } from './instruction-view';

export const actorOf = (user: AuthPrincipal): InstructionActor => ({ role: user.role, username: user.username, unitCode: user.unitCode, asdaGroup: user.asdaGroup });

const notFound = () => new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Instruksi tidak ditemukan.' });

/** Instruksi Khusus Pimpinan, one command at a time: load (within the caller's scope) → decide → store. */
@Injectable()
export class InstructionWorkflow {
  readonly rules: InstructionRules;

  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitRegistry,
    @Inject(SERVICE_CONFIG) config: IkpConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.rules = { verifierRoles: config.IKP_VERIFIER_ROLES.split(','), sekdaDecidesTargets: config.IKP_SEKDA_DECIDES_TARGETS, asdaOf: (u) => units.asdaOf(u) };
  }

  /** Officers and heads see their unit's instructions, an Asda their group's, the leadership and admin all. */
  scopeOf(user: AuthPrincipal): Promise<UnitScope> {
    return unitScopeOf(user, { unitsOfAsda: (g) => this.units.unitsOfAsda(g) });
  }

  async issue(input: Omit<IssueInput, 'id'>, user: AuthPrincipal): Promise<InstructionView> {
    if (!this.units.find(input.unitCode)) throw refusalException({ code: 'INVALID', field: 'unitCode', message: 'unitCode tidak dikenal' });
    const decision = issueInstruction({ ...input, id: randomUUID() }, actorOf(user), this.clock.now());
    if (!decision.ok) throw refusalException(decision.refusal);
    await new InstructionRepository(this.dataSource.manager).insert(decision.snapshot);
    return this.view(decision.snapshot, user);
  }

  async list(user: AuthPrincipal, filter: InstructionFilter & { standing?: string }): Promise<InstructionView[]> {
    const items = await new InstructionRepository(this.dataSource.manager).list(await this.scopeOf(user), filter);
    const now = this.clock.now();
    return items.filter((s) => !filter.standing || instructionStanding(s, now) === filter.standing).map((s) => this.view(s, user));
  }

  async one(id: string, user: AuthPrincipal): Promise<InstructionView> {
    const s = await new InstructionRepository(this.dataSource.manager).find(id);
    if (!s || !scopeIncludes(await this.scopeOf(user), s.unitCode)) throw notFound();
    return this.view(s, user);
  }

  /** `precheck` runs inside the transaction before the decision: checks that need the database (evidence files exist). */
  async command(id: string, command: InstructionCommand, user: AuthPrincipal, precheck?: (tx: EntityManager) => Promise<void>): Promise<InstructionView> {
    const scope = await this.scopeOf(user);
    const stored = await this.dataSource.transaction(async (tx) => {
      const repo = new InstructionRepository(tx);
      const current = await repo.find(id, true);
      if (!current || !scopeIncludes(scope, current.unitCode)) throw notFound();
      await precheck?.(tx);
      const decision = decideInstruction(current, command, actorOf(user), this.clock.now(), this.rules);
      if (!decision.ok) throw refusalException(decision.refusal);
      await repo.update(decision.snapshot);
      return decision.snapshot;
    });
    return this.view(stored, user);
  }

  private view(s: Parameters<typeof instructionView>[0], user: AuthPrincipal): InstructionView {
    return instructionView(s, this.units.find(s.unitCode)?.name ?? s.unitCode, actorOf(user), this.clock.now(), this.rules);
  }
}
