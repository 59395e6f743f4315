// Retrains the disposition model from the stored training examples and the units' names and
// topics (see @bekasi/routing-domain trainRouter: settings, temperature, rule weight and the
// auto-route threshold chosen on the newest held-out slice, time-ordered, with the whole decision),
// and stores it as a new version with its held-out figures. The training itself runs in a worker
// thread. Runs on command, on a schedule when new examples exist, and at start without a usable model.
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import { currentUnitCode, type HistoryExample } from '@bekasi/routing-domain';
import { ModelVersionRow, TrainingExampleRow } from '../persistence/routing.entities';
import { readableModel, RoutingKnowledge } from '../knowledge/routing-knowledge';
import { runRouterTrainingJob, type RouterTrainingJob, type RouterTrainingResult } from './router-training-job';
import { trainInWorkerThread } from './training-thread';
import type { RoutingConfig } from '../routing.config';

export type RetrainTrigger = 'command' | 'schedule' | 'start';

/** Held in the retrain transaction so two instances never train at once. */
const RETRAIN_LOCK = 0x726f7574; // "rout"

export interface ModelVersionSummary {
  version: number;
  trainedAt: string;
  trigger: string;
  nExamples: number;
  nTrain: number | null;
  nTest: number | null;
  /** Chosen on validation; null: nothing is auto-routed (see metrics.thresholdReason). */
  threshold: number | null;
  top1Accuracy: number | null;
  precisionAtThreshold: number | null;
  coverageAtThreshold: number | null;
  metrics: Record<string, unknown>;
}

export function modelVersionSummary(row: ModelVersionRow): ModelVersionSummary {
  return {
    version: row.version,
    trainedAt: row.trainedAt.toISOString(),
    trigger: row.trigger,
    nExamples: row.nExamples,
    nTrain: row.nTrain,
    nTest: row.nTest,
    threshold: row.threshold,
    top1Accuracy: row.top1Accuracy,
    precisionAtThreshold: row.precisionAtThreshold,
    coverageAtThreshold: row.coverageAtThreshold,
    metrics: row.metrics,
  };
}

@Injectable()
export class ModelTrainingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly knowledge: RoutingKnowledge,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap() {
    const [latest] = await this.dataSource.getRepository(ModelVersionRow).find({ order: { version: 'DESC' }, take: 1 });
    if (!latest || !readableModel(latest)) await this.retrain('start');
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.retrain('schedule', { onlyIfNewExamples: true })
        .catch((err) => this.logger.error({ err }, 'scheduled retraining failed'))
        .finally(() => (this.running = undefined));
    }, this.config.ROUTING_RETRAIN_INTERVAL_MINUTES * 60_000);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }

  /** The new version, or null when `onlyIfNewExamples` and nothing changed (or another instance is training). */
  async retrain(trigger: RetrainTrigger, options: { onlyIfNewExamples?: boolean } = {}): Promise<ModelVersionRow | null> {
    const row = await this.dataSource.transaction(async (tx) => {
      const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RETRAIN_LOCK]);
      if (!locked) return null;
      const latest = await tx.getRepository(ModelVersionRow).find({ select: { version: true, examplesRevision: true }, order: { version: 'DESC' }, take: 1 });
      const [{ revision }] = await tx.query(`SELECT COALESCE(MAX("revision"), 0)::bigint AS revision FROM "${this.schema}"."training_examples"`);
      const examplesRevision = Number(revision);
      if (options.onlyIfNewExamples && latest[0] && latest[0].examplesRevision >= examplesRevision) return null;

      const knowledge = await this.knowledge.load(tx);
      const rows = await tx.getRepository(TrainingExampleRow).find({ order: { receivedAt: 'ASC', complaintId: 'ASC' } });
      // Labels of merged units count for the unit that took over; those of closed units are dropped.
      const examples: HistoryExample[] = [];
      for (const r of rows) {
        const unitCode = currentUnitCode(r.unitCode, knowledge.unitRedirects);
        if (unitCode) {
          examples.push({ text: r.text, category: r.category, classification: r.classification, unitCode, receivedAt: r.receivedAt.toISOString() });
        }
      }
      const result = await this.train({
        examples,
        units: knowledge.units.filter((u) => knowledge.activeUnitCodes.has(u.code)),
        places: knowledge.places,
        rules: knowledge.rules,
      });
      const validation = result.validation;
      const version = tx.getRepository(ModelVersionRow).create({
        modelJson: result.modelJson,
        trainedAt: this.clock.now(),
        examplesRevision,
        nExamples: result.nExamples,
        nTrain: validation?.nFit ?? null,
        nTest: validation?.nValidation ?? null,
        top1Accuracy: validation?.top1 ?? null,
        precisionAtThreshold: validation?.precisionAtThreshold ?? null,
        coverageAtThreshold: validation?.coverageAtThreshold ?? null,
        threshold: result.threshold,
        metrics: {
          evaluatedOn: validation
            ? `newest ${validation.nValidation} training examples (${validation.period.from.slice(0, 10)}..${validation.period.to.slice(0, 10)}), whole decision (rules + gazetteer + model), model trained on the ${validation.nFit} older ones`
            : 'too few examples to hold any out',
          thresholdReason: result.thresholdReason,
          validation,
          settings: result.settings,
          temperature: result.temperature,
          ruleWeight: result.ruleWeight,
          classes: result.classes,
          features: result.features,
          trainingMillis: result.trainingMillis,
        },
        trigger,
      });
      await tx.getRepository(ModelVersionRow).save(version);
      return version;
    });
    if (row) {
      this.logger.info(
        { version: row.version, trigger, nExamples: row.nExamples, top1: row.top1Accuracy, precision: row.precisionAtThreshold, coverage: row.coverageAtThreshold },
        'disposition model trained',
      );
    }
    return row;
  }

  async versions(): Promise<ModelVersionSummary[]> {
    const rows = await this.dataSource.getRepository(ModelVersionRow).find({
      select: ['version', 'trainedAt', 'trigger', 'nExamples', 'nTrain', 'nTest', 'threshold', 'top1Accuracy', 'precisionAtThreshold', 'coverageAtThreshold', 'metrics', 'examplesRevision'],
      order: { version: 'DESC' },
      take: 50,
    });
    return rows.map(modelVersionSummary);
  }

  /** In a worker thread; inline (blocking) only when no worker can be started at all. */
  private async train(job: RouterTrainingJob): Promise<RouterTrainingResult> {
    try {
      return await trainInWorkerThread(job);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('retraining failed in its worker')) throw err;
      this.logger.warn({ err }, 'no training worker thread: training on the main thread');
      return runRouterTrainingJob(job);
    }
  }

  private get schema(): string {
    return (this.dataSource.options as { schema?: string }).schema!;
  }
}
