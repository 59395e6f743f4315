import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EscalationRaisedV1, type EventEnvelope, type SlaBreached } from '@bekasi/contracts';
import { WorkingDayCalendar } from '@bekasi/calendar';
import { CLOCK, type Clock } from '@bekasi/clock';
import { audienceOf, escalationLadder, escalationSteps, type EscalationLadder } from '@bekasi/escalation-domain';
import { OutboxRelay, OutboxWriter, schemaOfManager } from '@bekasi/messaging';
import { counter, LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import { ESCALATION_LADDER_DEFAULT, unitByCode } from '@bekasi/reference-data';
import type { EscalationConfig } from '../escalation.config';

const raised = counter({ name: 'escalations_raised_total', help: 'Escalation alerts raised, by ladder level and role', labelNames: ['level', 'role'] });

export interface StepRow {
  id: string;
  caseId: string;
  ticketId: string;
  unitCode: string;
  unitAsdaGroup: string | null;
  level: number;
  role: string;
  title: string;
  audienceUnitCode: string | null;
  audienceAsdaGroup: string | null;
  dueAt: Date;
  state: 'pending' | 'raised' | 'cancelled';
  raisedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  deadlineKind: string;
  deadlineAt: Date;
  caseState: string;
}

export const STEP_COLUMNS = `s.id, s.case_id AS "caseId", s.ticket_id AS "ticketId", s.unit_code AS "unitCode", s.unit_asda_group AS "unitAsdaGroup",
  s.level, s.role, s.title, s.audience_unit_code AS "audienceUnitCode", s.audience_asda_group AS "audienceAsdaGroup", s.due_at AS "dueAt",
  s.state, s.raised_at AS "raisedAt", s.acknowledged_at AS "acknowledgedAt", s.acknowledged_by AS "acknowledgedBy",
  c.deadline_kind AS "deadlineKind", c.deadline_at AS "deadlineAt", c.state AS "caseState"`;

const asdaGroupOf = (unitCode: string) => unitByCode(unitCode)?.asda ?? null;

/**
 * Opens a case for every breached deadline, raises its ladder levels as they fall due (level 1 at
 * once), and closes the case when the deadline is met or the ticket ends. Every change and its
 * escalation.raised event commit together (outbox).
 */
@Injectable()
export class EscalationLadderService {
  readonly ladder: EscalationLadder = escalationLadder(ESCALATION_LADDER_DEFAULT);
  private readonly calendar = new WorkingDayCalendar();
  private readonly mailboxes: Record<string, string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    @Inject(SERVICE_CONFIG) private readonly config: EscalationConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {
    this.mailboxes = config.ESCALATION_EMAIL_DIRECTORY ? (JSON.parse(config.ESCALATION_EMAIL_DIRECTORY) as Record<string, string>) : {};
  }

  async openCase(tx: EntityManager, breach: SlaBreached, cause: EventEnvelope): Promise<void> {
    const s = schemaOfManager(tx);
    const caseId = randomUUID();
    const inserted = await tx.query(
      `INSERT INTO "${s}"."escalation_cases" (id, ticket_id, deadline_kind, unit_code, deadline_at, breached_at, state)
       VALUES ($1, $2, $3, $4, $5, $6, 'open') ON CONFLICT DO NOTHING RETURNING id`,
      [caseId, breach.ticketId, breach.deadlineKind, breach.unitCode, breach.deadlineAt, breach.breachedAt],
    );
    if (inserted.length === 0) return; // the same breach announced again
    const unitAsdaGroup = asdaGroupOf(breach.unitCode);
    for (const step of escalationSteps(this.ladder, new Date(breach.breachedAt), this.calendar)) {
      const audience = audienceOf(step.role, breach.unitCode, asdaGroupOf);
      await tx.query(
        `INSERT INTO "${s}"."escalation_steps" (id, case_id, ticket_id, unit_code, unit_asda_group, level, role, title, audience_unit_code, audience_asda_group, due_at, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending')`,
        [randomUUID(), caseId, breach.ticketId, breach.unitCode, unitAsdaGroup, step.level, step.role, step.title, audience.unitCode, audience.asdaGroup, step.dueAt],
      );
    }
    await this.raiseDueIn(tx, this.clock.now(), { caseId, cause });
  }

  /** Ends open cases (and their pending levels) of a ticket: met, ended, or another unit's now. */
  async closeCases(tx: EntityManager, ticketId: string, state: 'resolved' | 'cancelled', reason: string, where: { deadlineKind?: string; otherThanUnit?: string; unitCode?: string } = {}): Promise<number> {
    const s = schemaOfManager(tx);
    const params: unknown[] = [ticketId, state, this.clock.now(), reason];
    const filters = [`ticket_id = $1`, `state = 'open'`];
    if (where.deadlineKind) filters.push(`deadline_kind = $${params.push(where.deadlineKind)}`);
    if (where.otherThanUnit) filters.push(`unit_code <> $${params.push(where.otherThanUnit)}`);
    if (where.unitCode) filters.push(`unit_code = $${params.push(where.unitCode)}`);
    // TypeORM answers an UPDATE ... RETURNING on PostgreSQL with [rows, affectedCount].
    const [closed]: [Array<{ id: string }>, number] = await tx.query(
      `UPDATE "${s}"."escalation_cases" SET state = $2, closed_at = $3, closed_reason = $4 WHERE ${filters.join(' AND ')} RETURNING id`,
      params,
    );
    if (closed.length > 0) {
      await tx.query(`UPDATE "${s}"."escalation_steps" SET state = 'cancelled' WHERE case_id = ANY($1::uuid[]) AND state = 'pending'`, [closed.map((c) => c.id)]);
    }
    return closed.length;
  }

  /** The channels outside the app an alert goes to: the webhook, and the mailbox of the position alerted. */
  private deliveriesOf(step: StepRow, now: Date): Array<['webhook' | 'email', object]> {
    const payload = alertPayload(step, now);
    const out: Array<['webhook' | 'email', object]> = [];
    if (this.config.ESCALATION_WEBHOOK_URL) out.push(['webhook', payload]);
    const key = step.role === 'unit_head' ? `unit_head:${step.audienceUnitCode}` : step.role === 'asda' ? `asda:${step.audienceAsdaGroup}` : step.role;
    const to = this.mailboxes[key];
    if (this.config.ESCALATION_SMTP_URL && to) out.push(['email', { ...payload, to }]);
    return out;
  }

  /** Raises every level that has fallen due; the poller calls it, in its own transaction. */
  async raiseDue(): Promise<number> {
    const count = await this.dataSource.transaction((tx) => this.raiseDueIn(tx, this.clock.now(), {}));
    if (count > 0) this.relay.nudge();
    return count;
  }

  private async raiseDueIn(tx: EntityManager, now: Date, scope: { caseId?: string; cause?: EventEnvelope }): Promise<number> {
    const s = schemaOfManager(tx);
    const params: unknown[] = [now];
    const caseFilter = scope.caseId ? `AND s.case_id = $${params.push(scope.caseId)}` : '';
    // SKIP LOCKED: several replicas may poll; each due level is raised by exactly one of them.
    const due: StepRow[] = await tx.query(
      `SELECT ${STEP_COLUMNS} FROM "${s}"."escalation_steps" s JOIN "${s}"."escalation_cases" c ON c.id = s.case_id
       WHERE s.state = 'pending' AND c.state = 'open' AND s.due_at <= $1 ${caseFilter}
       ORDER BY s.due_at, s.level LIMIT 200 FOR UPDATE OF s SKIP LOCKED`,
      params,
    );
    for (const step of due) {
      await tx.query(`UPDATE "${s}"."escalation_steps" SET state = 'raised', raised_at = $2 WHERE id = $1`, [step.id, now]);
      await this.outbox.append(
        tx,
        EscalationRaisedV1,
        {
          escalationId: step.id,
          ticketId: step.ticketId,
          unitCode: step.unitCode,
          level: step.level,
          role: step.role,
          deadlineKind: step.deadlineKind as SlaBreached['deadlineKind'],
          deadlineAt: new Date(step.deadlineAt).toISOString(),
          at: now.toISOString(),
        },
        { subject: step.ticketId, causedBy: scope.cause, time: now },
      );
      for (const [channel, payload] of this.deliveriesOf(step, now)) {
        await tx.query(
          `INSERT INTO "${s}"."deliveries" (id, step_id, channel, payload, state, next_attempt_at) VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT DO NOTHING`,
          [randomUUID(), step.id, channel, JSON.stringify(payload), new Date()],
        );
      }
      raised.inc({ level: String(step.level), role: step.role });
      this.logger.info({ ticketId: step.ticketId, level: step.level, role: step.role, unitCode: step.unitCode }, 'escalation raised');
    }
    return due.length;
  }
}

const ROLE_LABELS: Record<string, string> = {
  unit_head: 'Kepala Perangkat Daerah / Camat',
  asda: 'Asisten Daerah',
  sekda: 'Sekretaris Daerah',
  bupati: 'Bupati',
};
const DEADLINE_LABELS: Record<string, string> = {
  verification: 'verifikasi dan disposisi',
  'first-response': 'tanggapan pertama',
  resolution: 'penyelesaian tindak lanjut',
};

/** What a gateway (WhatsApp, e-mail) receives: the facts and a ready message in Bahasa Indonesia. */
export function alertPayload(step: StepRow, at: Date) {
  const unit = unitByCode(step.unitCode);
  return {
    escalationId: step.id,
    ticketId: step.ticketId,
    level: step.level,
    role: step.role,
    audience: { role: step.role, unitCode: step.audienceUnitCode, asdaGroup: step.audienceAsdaGroup },
    unitCode: step.unitCode,
    deadlineKind: step.deadlineKind,
    deadlineAt: new Date(step.deadlineAt).toISOString(),
    raisedAt: at.toISOString(),
    message:
      `Eskalasi tingkat ${step.level} kepada ${ROLE_LABELS[step.role] ?? step.role}: tenggat ${DEADLINE_LABELS[step.deadlineKind] ?? step.deadlineKind} ` +
      `laporan di ${unit?.name ?? step.unitCode} telah terlewati dan belum dipenuhi.`,
  };
}
