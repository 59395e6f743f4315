import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import {
  budgetAbsorption,
  PROPOSAL_LABELS,
  periodBounds,
  periodsEndingWith,
  STANDING_LABELS,
  targetAchievement,
  targetStanding,
  verifiedRealisation,
  settle,
} from '@bekasi/ikp-domain';
import { BudgetRepository } from '../persistence/budget.repository';
import { IkpFactsRepository } from '../persistence/ikp-facts.repository';
import { InstructionRepository } from '../persistence/instruction.repository';
import { UnitTargetRepository } from '../persistence/unit-target.repository';
import { IkpBoard, type Board } from '../scoring/ikp-board';
import { UnitRegistry } from '../units/unit-registry';

const TREND_MONTHS = 6;
const WORST_OVERDUE_PER_UNIT = 3;
const DAY_MS = 86_400_000;

export interface RapimPack {
  period: string;
  generatedAt: string;
  board: Board;
  /** Per unit, its score in each of the last six months (oldest first; null: not measured). */
  trends: { periods: string[]; units: Array<{ unitCode: string; unitName: string; scores: Array<number | null> }> };
  instructions: {
    overdue: InstructionLine[];
    achieved: InstructionLine[];
  };
  negotiations: Array<{ unitCode: string; unitName: string; instruction: string; indicator: string; currentTarget: number; proposedTarget: number; reason: string; state: string; stateLabel: string; decidedBy: string | null; decidedAt: string | null }>;
  budget: Array<{ unitCode: string; unitName: string; pagu: number; rencana: number; realisasi: number; planPercent: number; realisationPercent: number; expectedPercent: number; achievement: number }>;
  overdueComplaints: Array<{ unitCode: string; unitName: string; trackingId: string | null; deadlineKind: string; deadlineLabel: string; deadlineAt: string; daysOverdue: number }>;
}

export interface InstructionLine {
  unitCode: string;
  unitName: string;
  title: string;
  indicator: string;
  unitOfMeasure: string;
  target: number;
  originalTarget: number;
  verifiedRealisation: number;
  achievement: number;
  dueAt: string;
  standingLabel: string;
}

const DEADLINE_LABELS: Record<string, string> = { 'first-response': 'Tanggapan pertama', resolution: 'Penyelesaian' };

/**
 * The figures of the Rapim pack for a month, assembled from the same board, instructions, budget
 * and projections the API answers with: the PDF and the XLSX only draw these.
 */
@Injectable()
export class RapimPackAssembler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly board: IkpBoard,
    private readonly units: UnitRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async assemble(period: string): Promise<RapimPack> {
    const db = this.dataSource.manager;
    const now = this.clock.now();
    const periods = periodsEndingWith(period, TREND_MONTHS);
    const boards = await Promise.all(periods.map((p) => this.board.board(p)));
    const board = boards[boards.length - 1];
    const nameOf = (code: string) => this.units.find(code)?.name ?? code;
    const trendUnits = board.items.map((item) => ({
      unitCode: item.unitCode,
      unitName: item.unitName,
      scores: boards.map((b) => b.items.find((i) => i.unitCode === item.unitCode)?.score ?? null),
    }));

    const instructions = (await new InstructionRepository(db).ofPeriod(period)).map((s) => settle(s, now)).filter((s) => s.state === 'active');
    const lines = instructions.flatMap((s) =>
      s.targets
        .filter((t) => t.period === period)
        .map((t) => {
          const standing = targetStanding(s, t, now);
          return {
            standing,
            line: {
              unitCode: s.unitCode, unitName: nameOf(s.unitCode), title: s.title, indicator: t.name, unitOfMeasure: t.unitOfMeasure, target: t.target, originalTarget: t.originalTarget,
              verifiedRealisation: verifiedRealisation(s, t.id), achievement: targetAchievement(s, t), dueAt: t.dueAt.toISOString(), standingLabel: STANDING_LABELS[standing].id,
            } satisfies InstructionLine,
          };
        }),
    );
    const instructionNegotiations = instructions.flatMap((s) =>
      s.proposals
        .filter((p) => p.state !== 'proposed')
        .map((p) => ({
          unitCode: s.unitCode, unitName: nameOf(s.unitCode), instruction: s.title, indicator: s.targets.find((t) => t.id === p.targetId)?.name ?? '',
          currentTarget: p.currentTarget, proposedTarget: p.proposedTarget, reason: p.reason, state: p.state, stateLabel: PROPOSAL_LABELS[p.state].id,
          decidedBy: p.decidedBy, decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
        })),
    );

    // The complaint-handling targets are negotiated too (with the Sekda), beside the instructions' ones.
    const indicatorNegotiations = (await new UnitTargetRepository(db).decidedOfPeriod(period)).map((p) => ({
      unitCode: p.unitCode, unitName: nameOf(p.unitCode), instruction: 'Indikator penanganan pengaduan', indicator: board.policy.indicators[p.indicator]?.label.id ?? p.indicator,
      currentTarget: p.currentTarget, proposedTarget: p.proposedTarget, reason: p.reason, state: p.state, stateLabel: PROPOSAL_LABELS[p.state].id,
      decidedBy: p.decidedBy, decidedAt: new Date(p.decidedAt).toISOString(),
    }));
    const negotiations = [...instructionNegotiations, ...indicatorNegotiations];

    const yearEndTarget = board.policy.budget.yearEndTarget;
    const budget = (await new BudgetRepository(db).ofPeriod(period)).map((b) => ({
      unitCode: b.unitCode, unitName: nameOf(b.unitCode), pagu: b.pagu, rencana: b.rencana, realisasi: b.realisasi, ...budgetAbsorption(b, b.yearEndPlan, yearEndTarget),
    }));

    const asOf = Math.min(now.getTime(), periodBounds(period).until.getTime());
    const overdueComplaints = (await new IkpFactsRepository(db).worstOverdue(period, WORST_OVERDUE_PER_UNIT)).map((o) => ({
      unitCode: o.unitCode, unitName: nameOf(o.unitCode), trackingId: o.trackingId, deadlineKind: o.deadlineKind, deadlineLabel: DEADLINE_LABELS[o.deadlineKind] ?? o.deadlineKind,
      deadlineAt: new Date(o.deadlineAt).toISOString(), daysOverdue: Math.max(0, Math.floor((asOf - new Date(o.deadlineAt).getTime()) / DAY_MS)),
    }));

    return {
      period,
      generatedAt: now.toISOString(),
      board,
      trends: { periods, units: trendUnits },
      instructions: { overdue: lines.filter((l) => l.standing === 'overdue').map((l) => l.line), achieved: lines.filter((l) => l.standing === 'achieved').map((l) => l.line) },
      negotiations,
      budget,
      overdueComplaints,
    };
  }
}
