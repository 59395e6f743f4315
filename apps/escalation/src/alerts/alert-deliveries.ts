import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { afterFailedDelivery } from '@bekasi/escalation-domain';
import { schemaOfManager } from '@bekasi/messaging';
import { counter, LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import type { EscalationConfig } from '../escalation.config';

const deliveries = counter({ name: 'escalation_deliveries_total', help: 'Deliveries of escalation alerts, by channel and outcome', labelNames: ['channel', 'outcome'] });
const TIMEOUT_MS = 5_000;

export type DeliveryChannel = 'webhook' | 'email';

/** What a raised alert is sent with: the facts, a ready Indonesian message, and (e-mail) the mailbox. */
export interface AlertPayload {
  escalationId: string;
  message: string;
  to?: string;
  [key: string]: unknown;
}

/**
 * Sends raised alerts outside the app, at least once: to the configured webhook (a WhatsApp or
 * notification gateway) and by e-mail to the mailbox of the position alerted. A delivery is claimed
 * (its next attempt pushed back) in a short transaction, sent without holding locks, then marked
 * delivered or rescheduled with backoff. Receivers deduplicate by escalationId.
 */
@Injectable()
export class AlertDeliveries implements OnApplicationShutdown {
  private mailer?: Transporter;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: EscalationConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationShutdown(): void {
    this.mailer?.close();
  }

  async dispatch(): Promise<number> {
    const s = schemaOfManager(this.dataSource.manager);
    const claimed: Array<{ id: string; channel: DeliveryChannel; payload: AlertPayload; attempts: number }> = await this.dataSource.transaction(async (tx) => {
      const rows = await tx.query(
        `SELECT id, channel, payload, attempts FROM "${s}"."deliveries" WHERE state = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length > 0) {
        await tx.query(`UPDATE "${s}"."deliveries" SET attempts = attempts + 1, next_attempt_at = now() + interval '1 minute' WHERE id = ANY($1::uuid[])`, [rows.map((r: { id: string }) => r.id)]);
      }
      return rows;
    });
    let sent = 0;
    for (const d of claimed) {
      const error = await this.send(d.channel, d.payload);
      const attempts = d.attempts + 1;
      if (!error) {
        await this.dataSource.query(`UPDATE "${s}"."deliveries" SET state = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`, [d.id]);
        deliveries.inc({ channel: d.channel, outcome: 'delivered' });
        sent++;
        continue;
      }
      const next = afterFailedDelivery(attempts, this.config.ESCALATION_DELIVERY_MAX_ATTEMPTS);
      if (next.giveUp) {
        await this.dataSource.query(`UPDATE "${s}"."deliveries" SET state = 'failed', last_error = $2 WHERE id = $1`, [d.id, error]);
        deliveries.inc({ channel: d.channel, outcome: 'failed' });
        this.logger.error({ deliveryId: d.id, channel: d.channel, attempts, error }, 'escalation alert delivery given up');
      } else {
        await this.dataSource.query(`UPDATE "${s}"."deliveries" SET last_error = $2, next_attempt_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`, [d.id, error, String(next.retryInMs)]);
        deliveries.inc({ channel: d.channel, outcome: 'retry' });
      }
    }
    return sent;
  }

  private send(channel: DeliveryChannel, payload: AlertPayload): Promise<string | null> {
    return channel === 'email' ? this.mail(payload) : this.post(payload);
  }

  private async post(payload: AlertPayload): Promise<string | null> {
    const url = this.config.ESCALATION_WEBHOOK_URL;
    if (!url) return 'ESCALATION_WEBHOOK_URL is not set';
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

  private async mail(payload: AlertPayload): Promise<string | null> {
    if (!this.config.ESCALATION_SMTP_URL) return 'ESCALATION_SMTP_URL is not set';
    this.mailer ??= createTransport(this.config.ESCALATION_SMTP_URL);
    try {
      await this.mailer.sendMail({
        from: this.config.ESCALATION_EMAIL_FROM,
        to: payload.to,
        subject: `[LAPOR! Bekasi] ${payload.message.split(':')[0]}`,
        text: `${payload.message}\n\nNomor eskalasi: ${payload.escalationId}\nTiket: ${String(payload.ticketId)}\n\nPesan ini dikirim otomatis oleh sistem pengaduan Pemerintah Kabupaten Bekasi.`,
        headers: { 'X-Bekasi-Escalation-Id': payload.escalationId },
      });
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  }
}
