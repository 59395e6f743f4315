import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { IkpScorePublishedV1 } from '@bekasi/contracts';
import {
  checkProposal,
  decideProposal,
  DEFAULT_IKP_POLICY,
  EMPTY_TALLY,
  ikpScore,
  rankByScore,
  type IkpIndicator,
  type TargetProposal,
  type UnitPeriodTally,
} from '@bekasi/ikp-domain';
import { OutboxRelay, OutboxWriter, schemaOfManager } from '@bekasi/messaging';
import { unitByCode, UNITS } from '@bekasi/reference-data';
import { InstructionsService } from '../instructions/instructions.service';

const JAKARTA_MONTH = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM')`;

/** Scores, targets and their negotiation, computed from the projections in PostgreSQL. */
@Injectable()
export class IkpScoringService {
  readonly policy = DEFAULT_IKP_POLICY;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly instructions: InstructionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private get s(): string {
    return schemaOfManager(this.dataSource.manager);
  }

  async tallies(period: string, db: EntityManager = this.dataSource.manager): Promise<Map<string, UnitPeriodTally>> {
    const s = this.s;
    const tallies = new Map<string, UnitPeriodTally>();
    const of = (unit: string) => tallies.get(unit) ?? tallies.set(unit, { ...EMPTY_TALLY }).get(unit)!;
    const tickets = await db.query(
      `SELECT unit_code, count(*)::int AS assigned, count(answered_at)::int AS answered, count(rating)::int AS ratings, COALESCE(sum(rating), 0)::int AS rating_sum
       FROM "${s}"."unit_tickets" WHERE NOT refused AND ${JAKARTA_MONTH('assigned_at')} = $1 GROUP BY unit_code`,
      [period],
    );
    for (const r of tickets) Object.assign(of(r.unit_code), { assigned: r.assigned, answered: r.answered, ratings: r.ratings, ratingSum: r.rating_sum });
    const outcomes = await db.query(
      `SELECT unit_code, kind, count(*)::int AS due, count(*) FILTER (WHERE on_time)::int AS on_time
       FROM "${s}"."deadline_outcomes" WHERE ${JAKARTA_MONTH('deadline_at')} = $1 GROUP BY unit_code, kind`,
      [period],
    );
    for (const r of outcomes) {
      const t = of(r.unit_code);
      if (r.kind === 'first-response') Object.assign(t, { firstResponseDeadlines: r.due, firstResponseOnTime: r.on_time });
      else Object.assign(t, { resolutionDeadlines: r.due, resolutionOnTime: r.on_time });
    }
    const escalated = await db.query(
      `SELECT unit_code, count(DISTINCT ticket_id)::int AS tickets FROM "${s}"."escalations" WHERE level >= 2 AND ${JAKARTA_MONTH('raised_at')} = $1 GROUP BY unit_code`,
      [period],
    );
    for (const r of escalated) of(r.unit_code).escalatedBeyondUnit = r.tickets;
    for (const [unit, t] of await this.instructions.tallies(period, db)) Object.assign(of(unit), { instructionsDue: t.due, instructionsOnTime: t.doneOnTime });
    return tallies;
  }

  async targets(period: string, db: EntityManager = this.dataSource.manager): Promise<Map<string, Partial<Record<IkpIndicator, number>>>> {
    const rows = await db.query(`SELECT unit_code, indicator, target FROM "${this.s}"."targets" WHERE period = $1`, [period]);
    const targets = new Map<string, Partial<Record<IkpIndicator, number>>>();
    for (const r of rows) targets.set(r.unit_code, { ...targets.get(r.unit_code), [r.indicator]: r.target });
    return targets;
  }

  /** Every unit of the regency ranked by score; units without measurable work come last, unranked. */
  async scoreboard(period: string) {
    const [tallies, targets] = await Promise.all([this.tallies(period), this.targets(period)]);
    const rows = UNITS.map((u) => {
      const result = ikpScore(tallies.get(u.code) ?? EMPTY_TALLY, targets.get(u.code), this.policy);
      return { unitCode: u.code, unitName: u.name, asda: u.asda, ...result };
    });
    return { period, policy: this.policy, items: rankByScore(rows).map((r) => ({ rank: r.rank, ...r.item })) };
  }

  async unit(unitCode: string, period: string) {
    const unit = unitByCode(unitCode);
    if (!unit) throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Perangkat daerah tidak ditemukan.' });
    const [tallies, targets] = await Promise.all([this.tallies(period), this.targets(period)]);
    const tally = tallies.get(unitCode) ?? EMPTY_TALLY;
    const proposals = await this.dataSource.query(
      `SELECT id, indicator, current_target AS "currentTarget", proposed_target AS "proposedTarget", reason, state, proposed_by AS "proposedBy",
              proposed_at AS "proposedAt", decided_by AS "decidedBy", decided_at AS "decidedAt", decision_note AS "decisionNote"
       FROM "${this.s}"."target_proposals" WHERE unit_code = $1 AND period = $2 ORDER BY seq`,
      [unitCode, period],
    );
    return { unitCode, unitName: unit.name, period, tally, ...ikpScore(tally, targets.get(unitCode), this.policy), proposals };
  }

  async setTarget(unitCode: string, period: string, indicator: IkpIndicator, target: number, by: string) {
    this.requireUnit(unitCode);
    await this.dataSource.query(
      `INSERT INTO "${this.s}"."targets" (unit_code, period, indicator, target, source, set_by, set_at) VALUES ($1, $2, $3, $4, 'set', $5, $6)
       ON CONFLICT (unit_code, period, indicator) DO UPDATE SET target = EXCLUDED.target, source = 'set', set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
      [unitCode, period, indicator, target, by, this.clock.now()],
    );
    return this.unit(unitCode, period);
  }

  async propose(unitCode: string, period: string, indicator: IkpIndicator, proposedTarget: number, reason: string, by: string) {
    this.requireUnit(unitCode);
    return this.dataSource.transaction(async (tx) => {
      // One negotiation at a time per unit, period and indicator.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`ikp:${unitCode}:${period}:${indicator}`]);
      const current = (await this.targets(period, tx)).get(unitCode)?.[indicator] ?? this.policy.indicators[indicator].target;
      const open: TargetProposal[] = await tx.query(
        `SELECT id, state FROM "${this.s}"."target_proposals" WHERE unit_code = $1 AND period = $2 AND indicator = $3 AND state = 'proposed'`,
        [unitCode, period, indicator],
      );
      const check = checkProposal(proposedTarget, current, open);
      if (!check.ok) throw new ConflictException({ statusCode: 409, error: check.error.code, message: check.error.message });
      const id = randomUUID();
      await tx.query(
        `INSERT INTO "${this.s}"."target_proposals" (id, unit_code, period, indicator, current_target, proposed_target, reason, state, proposed_by, proposed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposed', $8, $9)`,
        [id, unitCode, period, indicator, current, proposedTarget, reason, by, this.clock.now()],
      );
      return { id, unitCode, period, indicator, currentTarget: current, proposedTarget, reason, state: 'proposed' };
    });
  }

  async decide(proposalId: string, approve: boolean, note: string | undefined, by: string) {
    return this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query(
        `SELECT id, unit_code AS "unitCode", period, indicator, current_target AS "currentTarget", proposed_target AS "proposedTarget", reason, state
         FROM "${this.s}"."target_proposals" WHERE id = $1 FOR UPDATE`,
        [proposalId],
      );
      if (!row) throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Usulan target tidak ditemukan.' });
      const decision = decideProposal(row as TargetProposal, approve);
      if (!decision.ok) throw new ConflictException({ statusCode: 409, error: decision.error.code, message: decision.error.message });
      const now = this.clock.now();
      await tx.query(`UPDATE "${this.s}"."target_proposals" SET state = $2, decided_by = $3, decided_at = $4, decision_note = $5 WHERE id = $1`, [
        proposalId, decision.value.state, by, now, note ?? null,
      ]);
      if (decision.value.state === 'approved') {
        await tx.query(
          `INSERT INTO "${this.s}"."targets" (unit_code, period, indicator, target, source, set_by, set_at) VALUES ($1, $2, $3, $4, 'negotiated', $5, $6)
           ON CONFLICT (unit_code, period, indicator) DO UPDATE SET target = EXCLUDED.target, source = 'negotiated', set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
          [row.unitCode, row.period, row.indicator, decision.value.targetInForce, by, now],
        );
      }
      return { ...row, state: decision.value.state, targetInForce: decision.value.targetInForce, decidedBy: by, decidedAt: now };
    });
  }

  /** Publishes every measured unit's score of the period: stored, and ikp.score-published through the outbox. */
  async publish(period: string) {
    const board = await this.scoreboard(period);
    const now = this.clock.now();
    const published = await this.dataSource.transaction(async (tx) => {
      let count = 0;
      for (const item of board.items) {
        if (item.score === null || item.zone === null) continue;
        const components = item.components as Record<string, number>;
        await tx.query(
          `INSERT INTO "${this.s}"."published_scores" (unit_code, period, score, zone, components, computed_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (unit_code, period) DO UPDATE SET score = EXCLUDED.score, zone = EXCLUDED.zone, components = EXCLUDED.components, computed_at = EXCLUDED.computed_at`,
          [item.unitCode, period, item.score, item.zone, JSON.stringify(components), now],
        );
        await this.outbox.append(
          tx,
          IkpScorePublishedV1,
          { unitCode: item.unitCode, period, score: item.score, zone: item.zone, components, computedAt: now.toISOString() },
          { subject: item.unitCode, time: now },
        );
        count++;
      }
      return count;
    });
    this.relay.nudge();
    return { period, published, computedAt: now, items: board.items };
  }

  private requireUnit(unitCode: string): void {
    if (!UNITS.some((u) => u.code === unitCode)) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field: 'unitCode', reasons: ['unitCode tidak dikenal'] }] });
  }
}
