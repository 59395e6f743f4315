import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { schemaOfManager } from '@bekasi/messaging';
import { LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import type { PlannedTimer } from '@bekasi/sla-domain';
import { SlaStore } from '../clocks/sla-store';
import type { SlaConfig } from '../sla.config';
import { TimerFiring } from './timer-firing.service';

const QUEUE = 'sla-timers';
// Jobs are added after the commit; the floor only spares the worker a job that would find its timer locked.
const MIN_DELAY_MS = 50;
const RECONCILE_BATCH = 5_000;
const SWEEP_BATCH = 200;

interface TimerJob {
  timerId: string;
}

/**
 * BullMQ delayed jobs, one per pending timer, with the timer's id as job id. Redis may lose them
 * all: PostgreSQL holds every timer, `reconcile` re-adds the pending ones (same ids, so adding twice
 * is harmless) at start and periodically, and `sweep` fires what is due but was not fired.
 */
@Injectable()
export class SlaTimerQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly queueConnection: Redis;
  private readonly workerConnection: Redis;
  private readonly queue: Queue<TimerJob>;
  private worker?: Worker<TimerJob>;
  private readonly intervals: NodeJS.Timeout[] = [];
  private sweeping = false;
  private reconciling = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: SlaConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly dataSource: DataSource,
    private readonly firing: TimerFiring,
  ) {
    // The producer side fails fast while Redis is away (the sweep covers); the worker waits for it.
    this.queueConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    this.workerConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    for (const c of [this.queueConnection, this.workerConnection]) c.on('error', (err) => this.logger.debug({ err: err.message }, 'redis connection error'));
    this.queue = new Queue<TimerJob>(QUEUE, { connection: this.queueConnection, prefix: config.REDIS_PREFIX });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker<TimerJob>(QUEUE, (job) => this.process(job), {
      connection: this.workerConnection,
      prefix: this.config.REDIS_PREFIX,
      concurrency: 8,
    });
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'sla timer worker error'));
    await this.reconcile().catch((err) => this.logger.warn({ err: (err as Error).message }, 'reconcile at start failed; the sweep covers until Redis is back'));
    this.intervals.push(setInterval(() => void this.sweep(), this.config.SLA_SWEEP_INTERVAL_MS));
    this.intervals.push(setInterval(() => void this.reconcile().catch(() => undefined), this.config.SLA_RECONCILE_INTERVAL_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    for (const i of this.intervals) clearInterval(i);
    await this.worker?.close();
    await this.queue.close();
    this.queueConnection.disconnect();
    this.workerConnection.disconnect();
  }

  /**
   * Hands the timers due within the horizon to BullMQ, after the commit that planned them; best
   * effort, because PostgreSQL holds them and reconcile loads each next window. `moved` are timers
   * that kept their id but not their instant: their waiting job is dropped first.
   */
  async schedule(timers: readonly PlannedTimer[], moved: ReadonlySet<string> = new Set()): Promise<void> {
    const horizon = this.horizonEnd();
    const near = timers.filter((t) => t.fireAt.getTime() <= horizon.getTime());
    const stale = timers.filter((t) => moved.has(t.id));
    if (near.length === 0 && stale.length === 0) return;
    try {
      if (stale.length > 0) await Promise.all(stale.map((t) => this.queue.remove(t.id)));
      await this.add(near);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, timers: near.length }, 'could not queue SLA timers; reconcile and sweep will');
    }
  }

  /** Business instant up to which timers are kept in Redis: the real horizon, at the clock's speed. */
  private horizonEnd(): Date {
    const day = 86_400_000;
    const scale = day / Math.max(1, this.clock.toRealDelayMs(day));
    return new Date(this.clock.now().getTime() + this.config.SLA_QUEUE_HORIZON_MS * scale);
  }

  /** The queue beside the source of truth: jobs BullMQ holds, and timers PostgreSQL says are pending. */
  async status(): Promise<{ queue: Record<string, number>; pendingTimers: number; dueTimers: number }> {
    const queue = await this.queue.getJobCounts('delayed', 'waiting', 'active', 'failed');
    const s = schemaOfManager(this.dataSource.manager);
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS pending, count(*) FILTER (WHERE fire_at <= $1)::int AS due FROM "${s}"."timers" WHERE state = 'pending'`,
      [this.clock.now()],
    );
    return { queue, pendingTimers: row.pending, dueTimers: row.due };
  }

  /**
   * Re-adds the pending timers due within the horizon from PostgreSQL (same job ids, so adding one
   * twice is harmless), page by page; returns how many were handed to BullMQ. Timers further out stay
   * in PostgreSQL only, so Redis holds what is near however many tickets are open.
   */
  async reconcile(): Promise<number> {
    if (this.reconciling) return 0;
    this.reconciling = true;
    let count = 0;
    try {
      const store = new SlaStore(this.dataSource.manager);
      const horizon = this.horizonEnd();
      let after: { id: string; fireAt: Date } | undefined;
      for (;;) {
        const page = await store.pendingTimers(RECONCILE_BATCH, horizon, after);
        if (page.length === 0) break;
        await this.add(page);
        count += page.length;
        after = page[page.length - 1];
        if (page.length < RECONCILE_BATCH) break;
      }
    } finally {
      this.reconciling = false;
    }
    if (count > 0) this.logger.info({ pending: count }, 'sla timers within the horizon reconciled with the queue');
    return count;
  }

  /** Fires pending timers that are due, whatever happened to their jobs. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let count = 0;
    try {
      const due = await new SlaStore(this.dataSource.manager).pendingTimers(SWEEP_BATCH, this.clock.now());
      for (const t of due) if ((await this.firing.fire(t.id, 'sweep')) === 'fired') count++;
      if (count > 0) this.logger.warn({ fired: count }, 'sweep fired timers the queue had not (Redis lost them or was away)');
    } catch (err) {
      this.logger.error({ err: (err as Error).message }, 'sla sweep failed');
    } finally {
      this.sweeping = false;
    }
    return count;
  }

  private async add(timers: ReadonlyArray<{ id: string; fireAt: Date }>): Promise<void> {
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      timers.map((t) => ({
        name: 'fire',
        data: { timerId: t.id },
        opts: {
          jobId: t.id,
          delay: Math.max(MIN_DELAY_MS, this.clock.toRealDelayMs(t.fireAt.getTime() - now)),
          attempts: 5,
          backoff: { type: 'exponential', delay: 500 },
          removeOnComplete: true,
          // A failed job must not block re-adding its id at the next reconcile.
          removeOnFail: true,
        },
      })),
    );
  }

  private async process(job: Job<TimerJob>): Promise<string> {
    const outcome = await this.firing.fire(job.data.timerId, 'queue');
    // Not committed yet, or a clock that runs behind: retried with backoff, and the sweep is there too.
    if (outcome === 'missing' || outcome === 'not-yet-due') throw new Error(`timer ${job.data.timerId}: ${outcome}`);
    return outcome;
  }
}
