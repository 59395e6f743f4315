import { createHash } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { counter, gauge, LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import { requestBodyOf, retryDelayMs, verdictOf, type AttachmentBody } from '@bekasi/intake-domain';
import type { FileStore } from '@bekasi/file-store';
import type { IntakeConfig } from '../intake.config';
import { LaporIntegrationClient, laporMessageOf, type LaporAnswer } from './lapor-integration.client';
import { LaporOutboundRepository, type OutboundActionRow } from './lapor-outbound.repository';
import { WakeableLoop } from './wakeable-loop';

export const LAPOR_FILE_STORE = Symbol('LAPOR_FILE_STORE');

const actions = counter({ name: 'intake_lapor_connector_actions_total', help: 'LAPOR! integration API sends, by action kind and outcome', labelNames: ['kind', 'outcome'] });
const pendingGauge = gauge({ name: 'intake_lapor_connector_pending', help: 'Actions waiting to be sent to LAPOR!' });
const failedGauge = gauge({ name: 'intake_lapor_connector_failed', help: 'Actions LAPOR! refused, waiting for the admin' });
const lagGauge = gauge({ name: 'intake_lapor_connector_lag_seconds', help: 'Age of the oldest action not yet on LAPOR!' });

/** A send that did not get as far as LAPOR!: our own problem, reported to the admin like a refusal. */
class LocalRefusal extends Error {}

/**
 * Delivers the send queue to LAPOR!: per ticket the oldest unsent action first, several tickets at
 * a time. A 5xx, a timeout or a dropped connection is retried with backoff under the same
 * idempotency key, so an answer lost after LAPOR! stored the action costs nothing but a repeat
 * LAPOR! recognises; a refusal stops the ticket's queue until the admin resends.
 */
@Injectable()
export class LaporSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly loop = new WakeableLoop(
    async () => {
      const sent = await this.sendRound();
      await this.updateGauges();
      return sent > 0 ? 0 : this.config.LAPOR_CONNECTOR_INTERVAL_MS;
    },
    (err) => {
      this.logger.warn({ err: err.message }, 'LAPOR! connector round failed');
      return this.config.LAPOR_CONNECTOR_INTERVAL_MS;
    },
  );
  private readonly shutdown = new AbortController();
  private gaugesAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: LaporIntegrationClient,
    @Inject(LAPOR_FILE_STORE) private readonly files: FileStore,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap() {
    if (!this.client.enabled) {
      this.logger.info('LAPOR! connector off (LAPOR_CONNECTOR_BASE_URL unset)');
      return;
    }
    await this.seedInstansiIds();
    this.loop.start();
    this.logger.info({ baseUrl: this.config.LAPOR_CONNECTOR_BASE_URL }, 'LAPOR! connector started');
  }

  async beforeApplicationShutdown() {
    this.shutdown.abort();
    await this.loop.stop();
  }

  nudge() {
    this.loop.wake();
  }

  private async seedInstansiIds() {
    if (!this.config.LAPOR_INSTANSI_IDS) return;
    const mapping = JSON.parse(this.config.LAPOR_INSTANSI_IDS) as Record<string, unknown>;
    const repo = new LaporOutboundRepository(this.dataSource.manager);
    // The admin's later changes win over the configuration: only missing units are seeded.
    for (const [unitCode, instansiId] of Object.entries(mapping)) {
      if (typeof instansiId === 'string' && instansiId.trim()) await repo.setInstansi(unitCode.trim().toUpperCase(), instansiId.trim(), true);
    }
  }

  /** One due action per ticket, up to the concurrency; returns how many were sent. Exposed for tests. */
  async sendRound(): Promise<number> {
    const repo = new LaporOutboundRepository(this.dataSource.manager);
    const heads = await repo.dueHeads(this.config.LAPOR_CONNECTOR_CONCURRENCY * 8);
    let sent = 0;
    // A few workers take tickets off the list; each goes on with its ticket's next action once one is on LAPOR!.
    const worker = async () => {
      for (let action = heads.shift(); action && !this.shutdown.signal.aborted; action = heads.shift()) {
        let current: OutboundActionRow | null = action;
        while (current && (await this.deliver(current)) === 'sent') {
          sent++;
          current = this.shutdown.signal.aborted ? null : await repo.nextDue(current.ticketId);
        }
      }
    };
    await Promise.all(Array.from({ length: this.config.LAPOR_CONNECTOR_CONCURRENCY }, worker));
    return sent;
  }

  private async deliver(action: OutboundActionRow): Promise<'sent' | 'retry' | 'refused' | 'skipped'> {
    const repo = new LaporOutboundRepository(this.dataSource.manager);
    if (!(await repo.lease(action.id, this.config.LAPOR_CONNECTOR_TIMEOUT_MS + 5_000))) return 'skipped';
    const attempts = action.attempts + 1;
    let answer: LaporAnswer;
    try {
      const body = await this.bodyOf(repo, action);
      answer = await this.client.send(action.kind, action.laporTrackingId, body, action.idempotencyKey, this.shutdown.signal);
    } catch (err) {
      if (!(err instanceof LocalRefusal)) {
        // Our side failed (the file store unreachable, say): nothing reached LAPOR!, try again later.
        const delay = retryDelayMs(attempts, this.config.LAPOR_CONNECTOR_RETRY_BASE_MS, this.config.LAPOR_CONNECTOR_MAX_BACKOFF_MS);
        await repo.markRetry(action.id, `local: ${(err as Error).message}`, delay);
        actions.inc({ kind: action.kind, outcome: 'retry' });
        this.logger.warn({ actionId: action.id, ticketId: action.ticketId, err: (err as Error).message, retryInMs: delay }, 'LAPOR! action not prepared; retrying');
        return 'retry';
      }
      await repo.markRefused(action.id, err.message, err.message);
      actions.inc({ kind: action.kind, outcome: 'failed' });
      this.logger.warn({ actionId: action.id, ticketId: action.ticketId, kind: action.kind, reason: err.message }, 'LAPOR! action cannot be sent');
      return 'refused';
    }
    if (this.shutdown.signal.aborted) {
      // Stopping mid-send: whether LAPOR! stored it is unknown; the next start sends it again under the same key.
      await repo.markRetry(action.id, 'interrupted by shutdown', 0);
      return 'retry';
    }
    const verdict = verdictOf(answer.kind === 'answered' ? { status: answer.status } : answer.kind);
    if (verdict === 'sent') {
      const reference = answer.kind === 'answered' && answer.body && typeof answer.body.id === 'string' ? answer.body.id : null;
      await repo.markSent(action.id, reference);
      actions.inc({ kind: action.kind, outcome: 'sent' });
      return 'sent';
    }
    const error = answer.kind === 'answered' ? `HTTP ${answer.status}: ${laporMessageOf(answer.body, answer.status)}` : `${answer.kind}: ${answer.error}`;
    if (verdict === 'retry') {
      const delay = retryDelayMs(attempts, this.config.LAPOR_CONNECTOR_RETRY_BASE_MS, this.config.LAPOR_CONNECTOR_MAX_BACKOFF_MS);
      await repo.markRetry(action.id, error, delay);
      actions.inc({ kind: action.kind, outcome: 'retry' });
      this.logger.info({ actionId: action.id, ticketId: action.ticketId, kind: action.kind, attempts, retryInMs: delay, error }, 'LAPOR! send failed; retrying');
      return 'retry';
    }
    const message = answer.kind === 'answered' ? laporMessageOf(answer.body, answer.status) : error;
    await repo.markRefused(action.id, error, message);
    actions.inc({ kind: action.kind, outcome: 'failed' });
    this.logger.warn({ actionId: action.id, ticketId: action.ticketId, kind: action.kind, error }, 'LAPOR! refused an action; waiting for the admin');
    return 'refused';
  }

  private async bodyOf(repo: LaporOutboundRepository, action: OutboundActionRow): Promise<Record<string, unknown>> {
    let instansiId: string | null = null;
    if (action.kind === 'disposition') {
      const unit = action.payload.unitCode;
      instansiId = unit ? await repo.instansiOf(unit) : null;
      if (!instansiId) throw new LocalRefusal(`ID instansi LAPOR! untuk unit ${unit ?? '(tanpa unit)'} belum diatur.`);
    }
    const attachments: AttachmentBody[] = [];
    for (const file of action.payload.files) {
      const bytes = await this.files.get(file.storageKey);
      if (!bytes) throw new LocalRefusal(`Lampiran ${file.fileName} tidak ditemukan di penyimpanan berkas.`);
      // What goes to LAPOR! is exactly what the officer attached, or nothing.
      if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) throw new LocalRefusal(`Lampiran ${file.fileName} di penyimpanan berkas tidak sama dengan yang dilampirkan.`);
      attachments.push({ fileName: file.fileName, contentType: file.contentType, contentBase64: bytes.toString('base64') });
    }
    return requestBodyOf(action, { instansiId, attachments }, this.client.fields);
  }

  private async updateGauges() {
    if (Date.now() - this.gaugesAt < 1_000) return;
    this.gaugesAt = Date.now();
    const backlog = await new LaporOutboundRepository(this.dataSource.manager).backlog();
    pendingGauge.set(backlog.pending);
    failedGauge.set(backlog.failed);
    lagGauge.set(backlog.oldestUnsentAt ? Math.max(0, (Date.now() - backlog.oldestUnsentAt.getTime()) / 1000) : 0);
  }
}
