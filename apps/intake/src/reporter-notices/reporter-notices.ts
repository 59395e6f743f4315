import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { eventDefinitionOf, TicketAnsweredV1, TicketAssignedV1, TicketClosedV1, TicketReceivedV1 } from '@bekasi/contracts';
import { EventConsumer, schemaOfManager, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';
import { counter, LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import { UNITS } from '@bekasi/reference-data';
import { DEFAULT_NOTICE_TEMPLATES, noticeKindOf, noticeRouteOf, renderNotice, retryDelayMs, type NoticeKind, type NoticeTemplate } from '@bekasi/intake-domain';
import { STATUS_LABELS, type TicketStatus } from '@bekasi/tickets-domain';
import type { IntakeConfig } from '../intake.config';
import { WakeableLoop } from '../lapor-connector/wakeable-loop';

const notices = counter({ name: 'intake_reporter_notices_total', help: 'Status updates to reporters of other channels, by channel and outcome', labelNames: ['channel', 'outcome'] });
const unitNames = new Map(UNITS.map((u) => [u.code, u.name]));

interface NoticeRow {
  event_id: string;
  complaint_id: string;
  kind: NoticeKind;
  channel: 'webhook' | 'email';
  medium: string | null;
  recipient: string;
  facts: Record<string, string | null>;
  status: string;
  attempts: number;
}

/**
 * Tells reporters who came by WhatsApp/SMS or e-mail how their complaint goes (received,
 * disposed, answered, closed), from the admin's templates, at most once per update: the update's
 * event id is the notice's key; the gateway is given it as Idempotency-Key, and an e-mail whose
 * sending was cut off is not sent again (a reporter must not get the same message twice).
 */
@Injectable()
export class ReporterNotices implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private mailer?: Transporter;
  private readonly loop = new WakeableLoop(
    async () => ((await this.sendDue()) > 0 ? 0 : this.config.LAPOR_CONNECTOR_INTERVAL_MS),
    (err) => {
      this.logger.warn({ err: err.message }, 'reporter notices round failed');
      return this.config.LAPOR_CONNECTOR_INTERVAL_MS;
    },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: EventConsumer,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.REPORTER_NOTICE_WEBHOOK_URL || this.config.REPORTER_NOTICE_SMTP_URL);
  }

  onModuleInit() {
    if (!this.enabled) return;
    this.consumer.onBatch({
      name: 'intake.reporter-notices',
      events: [TicketReceivedV1, TicketAssignedV1, TicketAnsweredV1, TicketClosedV1],
      handle: (events, ctx) => this.record(events, ctx),
    });
  }

  onApplicationBootstrap() {
    if (this.enabled) this.loop.start();
  }

  async beforeApplicationShutdown() {
    await this.loop.stop();
    this.mailer?.close();
  }

  /** One notice per update that concerns a reporter we can reach, in the batch's transaction. */
  async record(events: readonly ConsumedEvent[], { tx, afterCommit }: BatchContext): Promise<void> {
    const s = schemaOfManager(tx);
    let added = 0;
    for (const event of events) {
      const kind = noticeKindOf(eventDefinitionOf(event.type)?.name ?? '');
      if (!kind) continue;
      const data = event.data as { ticketId: string; trackingId: string; unitCode: string | null; to: string; answer?: string; answerSummary?: string };
      const [complaint] = await tx.query(`SELECT "source", "reporter", "tracking_id" FROM "${s}"."complaints" WHERE "id" = $1`, [data.ticketId]);
      const route = complaint ? noticeRouteOf(complaint.source, complaint.reporter) : null;
      if (!route) continue;
      const facts = {
        nomor: complaint.tracking_id,
        unit: data.unitCode ? (unitNames.get(data.unitCode) ?? data.unitCode) : null,
        jawaban: data.answer ?? data.answerSummary ?? null,
        status: STATUS_LABELS[data.to as TicketStatus]?.id ?? null,
      };
      await tx.query(
        `INSERT INTO "${s}"."reporter_notices" ("event_id","complaint_id","kind","channel","medium","recipient","facts") VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING`,
        [event.envelope.id, data.ticketId, kind, route.channel, route.channel === 'webhook' ? route.medium : null, route.recipient, JSON.stringify(facts)],
      );
      added++;
    }
    if (added > 0) afterCommit(() => this.loop.wake());
  }

  /** Sends what is due; exposed for tests. */
  async sendDue(): Promise<number> {
    const s = schemaOfManager(this.dataSource.manager);
    // An e-mail cut off mid-send (its lease ran out) may have gone out: never again, the admin sees it.
    await this.dataSource.query(
      `UPDATE "${s}"."reporter_notices" SET "status"='failed', "last_error"='pengiriman terputus; tidak diulang agar pelapor tidak menerima pesan ganda'
       WHERE "status"='sending' AND "channel"='email' AND "lease_until" < now()`,
    );
    const claimed: NoticeRow[] = await this.dataSource.query(
      `UPDATE "${s}"."reporter_notices" SET "status"='sending', "attempts"="attempts"+1, "lease_until"=now() + interval '60 seconds'
       WHERE "event_id" IN (SELECT "event_id" FROM "${s}"."reporter_notices"
         WHERE "event_id" IN (
             -- Each reporter hears of the updates in their order: only the oldest unsent notice of a complaint is due.
             SELECT DISTINCT ON ("complaint_id") "event_id" FROM "${s}"."reporter_notices" WHERE "status" IN ('pending','sending') ORDER BY "complaint_id", "seq")
           AND ("status"='pending' OR ("status"='sending' AND "channel"='webhook' AND "lease_until" < now())) AND "next_attempt_at" <= now()
         ORDER BY "next_attempt_at" LIMIT 20 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
    ).then(([rows]: [NoticeRow[]]) => rows);
    let sent = 0;
    for (const notice of claimed) {
      const text = renderNotice(await this.templateOf(this.dataSource.manager, notice.kind), notice.facts);
      const error = notice.channel === 'webhook' ? await this.post(notice, text) : await this.mail(notice, text);
      if (error === null) {
        await this.dataSource.query(`UPDATE "${s}"."reporter_notices" SET "status"='sent', "sent_at"=now(), "lease_until"=NULL, "last_error"=NULL WHERE "event_id"=$1`, [notice.event_id]);
        notices.inc({ channel: notice.channel, outcome: 'sent' });
        sent++;
      } else {
        const giveUp = notice.attempts >= 8;
        await this.dataSource.query(
          `UPDATE "${s}"."reporter_notices" SET "status"=$2, "lease_until"=NULL, "last_error"=$3, "next_attempt_at"=now() + ($4 || ' milliseconds')::interval WHERE "event_id"=$1`,
          [notice.event_id, giveUp ? 'failed' : 'pending', error.slice(0, 1000), String(retryDelayMs(notice.attempts, this.config.LAPOR_CONNECTOR_RETRY_BASE_MS, this.config.LAPOR_CONNECTOR_MAX_BACKOFF_MS))],
        );
        notices.inc({ channel: notice.channel, outcome: giveUp ? 'failed' : 'retry' });
      }
    }
    return sent;
  }

  private async post(notice: NoticeRow, text: NoticeTemplate): Promise<string | null> {
    if (!this.config.REPORTER_NOTICE_WEBHOOK_URL) return 'REPORTER_NOTICE_WEBHOOK_URL is not set';
    try {
      const res = await fetch(this.config.REPORTER_NOTICE_WEBHOOK_URL, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `notice-${notice.event_id}`,
          ...(this.config.REPORTER_NOTICE_WEBHOOK_TOKEN ? { authorization: `Bearer ${this.config.REPORTER_NOTICE_WEBHOOK_TOKEN}` } : {}),
        },
        body: JSON.stringify({ id: notice.event_id, channel: notice.medium, to: notice.recipient, trackingId: notice.facts.nomor, kind: notice.kind, message: text.body }),
        signal: AbortSignal.timeout(this.config.LAPOR_CONNECTOR_TIMEOUT_MS),
      });
      return res.ok || res.status === 409 ? null : `HTTP ${res.status}`;
    } catch (err) {
      return (err as Error).message;
    }
  }

  private async mail(notice: NoticeRow, text: NoticeTemplate): Promise<string | null> {
    if (!this.config.REPORTER_NOTICE_SMTP_URL) return 'REPORTER_NOTICE_SMTP_URL is not set';
    this.mailer ??= createTransport(this.config.REPORTER_NOTICE_SMTP_URL);
    try {
      await this.mailer.sendMail({
        from: this.config.REPORTER_NOTICE_EMAIL_FROM,
        to: notice.recipient,
        subject: text.subject,
        text: `${text.body}\n\n--\nPesan ini dikirim otomatis oleh sistem pengaduan Pemerintah Kabupaten Bekasi.`,
        headers: { 'X-Bekasi-Notice-Id': notice.event_id },
      });
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  }

  async templateOf(tx: EntityManager, kind: NoticeKind): Promise<NoticeTemplate> {
    const [row] = await tx.query(`SELECT "subject", "body" FROM "${schemaOfManager(tx)}"."reporter_notice_templates" WHERE "kind" = $1`, [kind]);
    return row ?? DEFAULT_NOTICE_TEMPLATES[kind];
  }
}
