import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { schemaOfManager } from '@bekasi/messaging';
import { counter, LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import type { EscalationConfig } from '../escalation.config';

const deliveries = counter({ name: 'escalation_deliveries_total', help: 'Webhook deliveries of escalation alerts, by outcome', labelNames: ['outcome'] });
const TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Sends raised alerts to the configured webhook, at least once: a delivery is claimed (its next
 * attempt pushed back) in a short transaction, sent without holding locks, then marked delivered or
 * rescheduled with backoff. Receivers deduplicate by escalationId.
 */
@Injectable()
export class WebhookDeliveries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: EscalationConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async dispatch(): Promise<number> {
    const url = this.config.ESCALATION_WEBHOOK_URL;
    if (!url) return 0;
    const s = schemaOfManager(this.dataSource.manager);
    const claimed: Array<{ id: string; payload: unknown; attempts: number }> = await this.dataSource.transaction(async (tx) => {
      const rows = await tx.query(
        `SELECT id, payload, attempts FROM "${s}"."deliveries" WHERE state = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length > 0) {
        await tx.query(`UPDATE "${s}"."deliveries" SET attempts = attempts + 1, next_attempt_at = now() + interval '1 minute' WHERE id = ANY($1::uuid[])`, [rows.map((r: { id: string }) => r.id)]);
      }
      return rows;
    });
    let sent = 0;
    for (const d of claimed) {
      const error = await this.post(url, d.payload);
      const attempts = d.attempts + 1;
      if (!error) {
        await this.dataSource.query(`UPDATE "${s}"."deliveries" SET state = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`, [d.id]);
        deliveries.inc({ outcome: 'delivered' });
        sent++;
      } else if (attempts >= this.config.ESCALATION_WEBHOOK_MAX_ATTEMPTS) {
        await this.dataSource.query(`UPDATE "${s}"."deliveries" SET state = 'failed', last_error = $2 WHERE id = $1`, [d.id, error]);
        deliveries.inc({ outcome: 'failed' });
        this.logger.error({ deliveryId: d.id, attempts, error }, 'escalation webhook delivery given up');
      } else {
        const backoff = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (attempts - 1));
        await this.dataSource.query(`UPDATE "${s}"."deliveries" SET last_error = $2, next_attempt_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`, [d.id, error, String(backoff)]);
        deliveries.inc({ outcome: 'retry' });
      }
    }
    return sent;
  }

  private async post(url: string, payload: unknown): Promise<string | null> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.config.ESCALATION_WEBHOOK_TOKEN ? { authorization: `Bearer ${this.config.ESCALATION_WEBHOOK_TOKEN}` } : {}) },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return res.ok ? null : `HTTP ${res.status}`;
    } catch (err) {
      return (err as Error).message;
    }
  }
}
