import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { SERVICE_CONFIG } from '@bekasi/platform';
import { decideDisposition, latestRuleVersions, validateRoutingRule, type RoutingRule } from '@bekasi/routing-domain';
import { RoutingRuleRow, UnitRow } from '../persistence/routing.entities';
import { decisionPolicy, RoutingKnowledge, ruleOf } from '../knowledge/routing-knowledge';
import type { RoutingConfig } from '../routing.config';
import type { ChangeRuleRequest, CreateRuleRequest, TestRulesRequest } from './rules.request.dto';

export interface RuleView extends RoutingRule {
  revision: number;
  note: string | null;
  createdAt: string;
}

function viewOf(row: RoutingRuleRow): RuleView {
  return { ...ruleOf(row), revision: Number(row.revision), note: row.note, createdAt: row.createdAt.toISOString() };
}

/** Rules are never edited in place: every change is a new version, so old decisions stay explainable. */
@Injectable()
export class RulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly knowledge: RoutingKnowledge,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(withHistory: boolean): Promise<RuleView[]> {
    const rows = await this.dataSource.getRepository(RoutingRuleRow).find({ order: { id: 'ASC', version: 'ASC' } });
    if (withHistory) return rows.map(viewOf);
    const latest = new Set(latestRuleVersions(rows.map(ruleOf)).map((r) => `${r.id}@${r.version}`));
    return rows.filter((r) => latest.has(`${r.id}@${r.version}`)).map(viewOf);
  }

  async versions(id: string): Promise<RuleView[]> {
    const rows = await this.dataSource.getRepository(RoutingRuleRow).find({ where: { id }, order: { version: 'ASC' } });
    if (rows.length === 0) throw new NotFoundException(`Aturan ${id} tidak ditemukan`);
    return rows.map(viewOf);
  }

  async create(input: CreateRuleRequest): Promise<RuleView> {
    return this.dataSource.transaction(async (tx) => {
      const id = input.id ?? `aturan-${randomUUID().slice(0, 8)}`;
      if (await tx.getRepository(RoutingRuleRow).existsBy({ id })) throw new ConflictException(`Aturan ${id} sudah ada; ubah aturan itu untuk membuat versi baru`);
      const rule: RoutingRule = {
        id,
        version: 1,
        kind: input.kind,
        patterns: input.patterns.map((p) => p.trim()),
        unitCode: input.unitCode ?? null,
        priority: input.priority ?? 0,
        active: true,
      };
      return this.write(tx, rule, input.note ?? null);
    });
  }

  async change(id: string, input: ChangeRuleRequest): Promise<RuleView> {
    return this.dataSource.transaction(async (tx) => {
      const current = await this.latest(tx, id);
      const rule: RoutingRule = {
        ...ruleOf(current),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.patterns !== undefined ? { patterns: input.patterns.map((p) => p.trim()) } : {}),
        ...(input.unitCode !== undefined ? { unitCode: input.unitCode } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        version: current.version + 1,
      };
      if (rule.kind === 'kecamatan-topic' && input.unitCode === undefined) rule.unitCode = null;
      return this.write(tx, rule, input.note ?? null);
    });
  }

  async deactivate(id: string): Promise<RuleView> {
    return this.dataSource.transaction(async (tx) => {
      const current = await this.latest(tx, id);
      if (!current.active) throw new ConflictException(`Aturan ${id} sudah nonaktif`);
      return this.write(tx, { ...ruleOf(current), version: current.version + 1, active: false }, 'dinonaktifkan');
    });
  }

  /** What the rules in force, and the whole decision, would say about a text. Nothing is stored. */
  async test(input: TestRulesRequest) {
    const knowledge = await this.knowledge.load();
    const complaint = { title: input.title ?? '', text: input.text, category: input.category ?? null };
    const matches = knowledge.ruleEngine.evaluate(complaint);
    const policy = decisionPolicy(knowledge, this.config.ROUTING_AUTO_THRESHOLD);
    const threshold = policy.autoRouteThreshold;
    const decision = decideDisposition({ ...policy, complaint, bounceCount: 0 });
    return {
      ruleSetVersion: knowledge.ruleSetVersion,
      modelVersion: knowledge.modelVersion,
      threshold,
      matches: matches.map((m) => ({
        ruleId: m.rule.id,
        ruleVersion: m.rule.version,
        kind: m.rule.kind,
        unitCode: m.unitCode,
        matchedPatterns: m.matchedPatterns,
        strength: m.strength,
      })),
      decision,
    };
  }

  private async latest(tx: EntityManager, id: string): Promise<RoutingRuleRow> {
    const [row] = await tx.getRepository(RoutingRuleRow).find({ where: { id }, order: { version: 'DESC' }, take: 1, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundException(`Aturan ${id} tidak ditemukan`);
    return row;
  }

  private async write(tx: EntityManager, rule: RoutingRule, note: string | null): Promise<RuleView> {
    const problems = validateRoutingRule(rule);
    if (rule.kind === 'kecamatan-topic' && rule.unitCode !== null) problems.push('Aturan topik camat tidak menyebut unit: camat ditentukan dari lokasi.');
    if (rule.unitCode !== null && rule.active) {
      const unit = await tx.getRepository(UnitRow).findOneBy({ code: rule.unitCode });
      if (!unit) problems.push(`Unit ${rule.unitCode} tidak dikenal.`);
      else if (!unit.active) problems.push(`Unit ${rule.unitCode} sudah tidak aktif${unit.replacedBy ? `; gunakan ${unit.replacedBy}` : ''}.`);
    }
    if (problems.length > 0) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems.join(' '), problems });
    const row = tx.getRepository(RoutingRuleRow).create({
      id: rule.id,
      version: rule.version,
      kind: rule.kind,
      patterns: [...rule.patterns],
      unitCode: rule.unitCode,
      priority: rule.priority,
      active: rule.active,
      note,
      createdAt: this.clock.now(),
    });
    await tx.getRepository(RoutingRuleRow).save(row);
    return viewOf(row);
  }
}
