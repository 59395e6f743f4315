import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SlaReminder } from '@bekasi/contracts';
import { schemaOfManager } from '@bekasi/messaging';
import type { AuthPrincipal } from '@bekasi/auth';

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
  async remember(tx: EntityManager, r: SlaReminder): Promise<void> {
    await tx.query(
      `INSERT INTO "${schemaOfManager(tx)}"."reminders" (id, ticket_id, unit_code, deadline_kind, deadline_at, fraction, roles, reminded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [randomUUID(), r.ticketId, r.unitCode, r.deadlineKind, r.deadlineAt, r.fraction, JSON.stringify(r.remindRoles), r.at],
    );
  }

  async settle(tx: EntityManager, ticketId: string, deadlineKind?: string): Promise<void> {
    const params: unknown[] = [ticketId];
    const kind = deadlineKind ? `AND deadline_kind = $${params.push(deadlineKind)}` : '';
    await tx.query(`UPDATE "${schemaOfManager(tx)}"."reminders" SET open = false WHERE ticket_id = $1 AND open ${kind}`, params);
  }

  /** Open reminders naming the caller's role, for the caller's unit (the admin's: every unit). */
  async openFor(db: EntityManager, user: AuthPrincipal): Promise<ReminderView[]> {
    const params: unknown[] = [JSON.stringify([user.role])];
    const unit = user.role === 'admin' ? '' : `AND unit_code = $${params.push(user.unitCode ?? '')}`;
    return db.query(
      `SELECT id, ticket_id AS "ticketId", unit_code AS "unitCode", deadline_kind AS "deadlineKind", deadline_at AS "deadlineAt", fraction, roles, reminded_at AS "remindedAt"
       FROM "${schemaOfManager(db)}"."reminders" WHERE open AND roles @> $1::jsonb ${unit} ORDER BY deadline_at LIMIT 200`,
      params,
    );
  }
}
