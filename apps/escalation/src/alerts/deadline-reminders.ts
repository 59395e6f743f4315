import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SlaReminder } from '@bekasi/contracts';
import { schemaOfManager } from '@bekasi/messaging';
import type { AlertScope } from '@bekasi/escalation-domain';

export interface ReminderView {
  id: string;
  ticketId: string;
  unitCode: string;
  deadlineKind: string;
  deadlineAt: Date;
  fraction: number;
  roles: string[];
  remindedAt: Date;
}

/**
 * Reminders before a deadline (sla.reminder at 50 % and 80 %) in the inbox of the people they name:
 * the unit's officers and head, or the LAPOR admin for verification. They close when the deadline
 * is met, breached (the escalation takes over) or the ticket ends.
 */
@Injectable()
export class DeadlineReminders {
  /** One multi-row insert; a reminder announced again is kept once. */
  async rememberAll(tx: EntityManager, reminders: readonly SlaReminder[]): Promise<void> {
    if (reminders.length === 0) return;
    await tx.query(
      `INSERT INTO "${schemaOfManager(tx)}"."reminders" (id, ticket_id, unit_code, deadline_kind, deadline_at, fraction, roles, reminded_at)
       SELECT gen_random_uuid(), t, u, k, d, f, r::jsonb, a FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::float8[], $6::text[], $7::timestamptz[]) AS x(t, u, k, d, f, r, a)
       ON CONFLICT DO NOTHING`,
      [
        reminders.map((r) => r.ticketId), reminders.map((r) => r.unitCode), reminders.map((r) => r.deadlineKind), reminders.map((r) => r.deadlineAt),
        reminders.map((r) => r.fraction), reminders.map((r) => JSON.stringify(r.remindRoles)), reminders.map((r) => r.at),
      ],
    );
  }

  async settle(tx: EntityManager, settles: ReadonlyArray<{ ticketId: string; deadlineKind?: string }>): Promise<void> {
    if (settles.length === 0) return;
    await tx.query(
      `UPDATE "${schemaOfManager(tx)}"."reminders" r SET open = false FROM unnest($1::uuid[], $2::text[]) AS x(t, k)
        WHERE r.ticket_id = x.t AND r.open AND (x.k IS NULL OR r.deadline_kind = x.k)`,
      [settles.map((s) => s.ticketId), settles.map((s) => s.deadlineKind ?? null)],
    );
  }

  /** Open reminders naming the caller's role, over the units the caller may see (the domain's one scope). */
  async openFor(db: EntityManager, role: string, scope: AlertScope): Promise<ReminderView[]> {
    const params: unknown[] = [JSON.stringify([role])];
    const unit = scope.allUnits ? '' : `AND unit_code = ANY($${params.push(scope.unitCodes)}::text[])`;
    return db.query(
      `SELECT id, ticket_id AS "ticketId", unit_code AS "unitCode", deadline_kind AS "deadlineKind", deadline_at AS "deadlineAt", fraction, roles, reminded_at AS "remindedAt"
       FROM "${schemaOfManager(db)}"."reminders" WHERE open AND roles @> $1::jsonb ${unit} ORDER BY deadline_at LIMIT 200`,
      params,
    );
  }
}
