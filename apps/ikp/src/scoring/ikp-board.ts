import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import {
  budgetAbsorption,
  DEFAULT_IKP_POLICY,
  EMPTY_TALLY,
  IKP_INDICATORS,
  ikpScore,
  instructionTally,
  policyInForce,
  rankByScore,
  ZONE_LABELS,
  type IkpIndicator,
  type IkpPolicy,
  type InstructionSnapshot,
  type UnitPeriodTally,
  type Zone,
} from '@bekasi/ikp-domain';
import { BudgetRepository } from '../persistence/budget.repository';
import { IkpFactsRepository } from '../persistence/ikp-facts.repository';
import { IkpPolicyRepository } from '../persistence/ikp-policy.repository';
import { InstructionRepository } from '../persistence/instruction.repository';
import { MonthSnapshotRepository } from '../persistence/month-snapshot.repository';
import { UnitTargetRepository } from '../persistence/unit-target.repository';
import { UnitRegistry } from '../units/unit-registry';

export interface BoardRow {
  rank: number | null;
  tied: boolean;
  unitCode: string;
  unitName: string;
  asda: string;
  asdaTitle: string;
  score: number | null;
  zone: Zone | null;
  zoneLabel: { id: string; en: string } | null;
  values: Record<IkpIndicator, number | null>;
  components: Partial<Record<IkpIndicator, number>>;
  targets: Record<IkpIndicator, number>;
  unmeasured: IkpIndicator[];
  unmeasuredNote: { id: string; en: string } | null;
  tally: UnitPeriodTally;
}

export interface Board {
  period: string;
  frozen: boolean;
  closedAt: string | null;
  policy: { version: string; effectiveFrom: string; zones: IkpPolicy['zones']; budget: IkpPolicy['budget']; indicators: IkpPolicy['indicators'] };
  indicators: Array<{ code: IkpIndicator; label: { id: string; en: string }; weight: number; target: number }>;
  items: BoardRow[];
}

/**
 * The IKP board of a month: every unit of the registry scored from the projections, its
 * instructions (verified realisation) and budget absorption, ranked with ties shown as ties. A
 * closed month is read from its frozen snapshot.
 */
@Injectable()
export class IkpBoard {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async policyFor(period: string, db: EntityManager = this.dataSource.manager): Promise<IkpPolicy> {
    return policyInForce(await new IkpPolicyRepository(db).all(), period, DEFAULT_IKP_POLICY);
  }

  async board(period: string): Promise<Board> {
    const snapshot = await new MonthSnapshotRepository(this.dataSource.manager).find<Board>(period);
    return snapshot ? snapshot.board : this.live(period);
  }

  /** Computed now from the projections, whether or not the month is closed (closing and recomputing use it). */
  async live(period: string, db: EntityManager = this.dataSource.manager): Promise<Board> {
    const [policy, facts, instructions, budget, targets] = await Promise.all([
      this.policyFor(period, db),
      new IkpFactsRepository(db).ticketFacts(period),
      new InstructionRepository(db).ofPeriod(period),
      new BudgetRepository(db).ofPeriod(period),
      new UnitTargetRepository(db).ofPeriod(period),
    ]);
    const now = this.clock.now();
    const byUnit = new Map<string, InstructionSnapshot[]>();
    for (const i of instructions) byUnit.set(i.unitCode, [...(byUnit.get(i.unitCode) ?? []), i]);
    const budgetOf = new Map(budget.map((b) => [b.unitCode, budgetAbsorption(b, b.yearEndPlan, policy.budget.yearEndTarget).achievement]));
    const rows = this.units.all().map((u) => {
      const it = instructionTally(byUnit.get(u.code) ?? [], period, now);
      const tally: UnitPeriodTally = {
        ...EMPTY_TALLY,
        ...facts.get(u.code),
        instructionTargetsDue: it.due,
        instructionAchievementSum: it.achievementSum,
        budgetAchievement: budgetOf.get(u.code) ?? null,
      };
      const result = ikpScore(tally, targets.get(u.code), policy);
      return { unitCode: u.code, unitName: u.name, asda: u.asda, asdaTitle: u.asdaTitle, tally, ...result };
    });
    return {
      period,
      frozen: false,
      closedAt: null,
      policy: { version: policy.version, effectiveFrom: policy.effectiveFrom, zones: policy.zones, budget: policy.budget, indicators: policy.indicators },
      indicators: IKP_INDICATORS.map((code) => ({ code, label: policy.indicators[code].label, weight: policy.indicators[code].weight, target: policy.indicators[code].target })),
      items: rankByScore(rows).map(({ rank, tied, item }) => ({
        rank,
        tied,
        unitCode: item.unitCode,
        unitName: item.unitName,
        asda: item.asda,
        asdaTitle: item.asdaTitle,
        score: item.score,
        zone: item.zone,
        zoneLabel: item.zone ? ZONE_LABELS[item.zone] : null,
        values: item.values,
        components: item.components,
        targets: item.targets,
        unmeasured: item.unmeasured,
        unmeasuredNote: unmeasuredNote(item.unmeasured, policy),
        tally: item.tally,
      })),
    };
  }
}

/** "Tanpa data: …": the board says which indicators a unit was not scored on. */
function unmeasuredNote(unmeasured: readonly IkpIndicator[], policy: IkpPolicy): { id: string; en: string } | null {
  if (unmeasured.length === 0) return null;
  if (unmeasured.length === IKP_INDICATORS.length) return { id: 'Belum ada data untuk dinilai bulan ini', en: 'No data to score this month' };
  return {
    id: `Tanpa data (tidak mengurangi nilai): ${unmeasured.map((i) => policy.indicators[i].label.id).join(', ')}`,
    en: `No data (not counted against the unit): ${unmeasured.map((i) => policy.indicators[i].label.en).join(', ')}`,
  };
}
