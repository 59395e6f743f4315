// npm run bench:routing [-- --examples 20000 --units 100]
// The router's two speed figures (issue 10): the whole decision per complaint (features, model,
// rules, gazetteer, policy) with 100 units, p50/p99 over 2,000 held-out complaints; and one
// retraining (settings, temperature and threshold chosen on validation, then the final model) on
// 20,000 examples in a worker thread, with the main thread's event-loop delay measured meanwhile
// (what consumers' heartbeats and HTTP would feel). Prints one JSON line at the end. Besides the
// wall-clock figures it reports CPU time (the retraining's, and each decision's): on a machine
// shared with other work the wall clock also counts the time the process waited for a core.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { BEKASI_REGENCY, type UnitReference } from '@bekasi/reference-data';
import { Gazetteer } from '@bekasi/indonesian-text';
import { parseLaporanRingkas } from '@bekasi/intake-domain';
import {
  BEKASI_ROLES,
  complaintDocument,
  decideDisposition,
  defaultRulesFromReference,
  DispositionModel,
  generateHardExport,
  learnUnitsFromLabels,
  manualOnlyUnitCodes,
  RuleEngine,
  type HistoryExample,
} from '@bekasi/routing-domain';
import { trainInWorkerThread } from '../training/training-thread';

export interface RoutingBenchmark {
  units: number;
  trainExamples: number;
  retrainSeconds: number;
  /** CPU of the whole process (the worker and its start) during the retraining. */
  retrainCpuSeconds: number;
  mainThreadMaxDelayMs: number;
  predictP50Ms: number;
  predictP99Ms: number;
  predictCpuP50Ms: number;
  predictCpuP99Ms: number;
  predictions: number;
  threshold: number | null;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/**
 * History of a regency with `unitCount` units: the hard generated export, with part of each
 * kecamatan's reports handled by its own UPTD (a unit per kecamatan and topic group) so the label
 * set reaches the size of a large regency.
 */
export function benchmarkHistoryForProfile(rows: number, unitCount: number): { examples: HistoryExample[]; units: UnitReference[] } {
  const { sheet } = generateHardExport({ regency: BEKASI_REGENCY, roles: BEKASI_ROLES, rows, seed: 11 });
  const parsed = parseLaporanRingkas(sheet);
  const learnt = learnUnitsFromLabels(parsed.rows.map((r) => r.disposedTo), BEKASI_REGENCY.units, BEKASI_REGENCY.kecamatan);
  const units = [...learnt.units];
  const extra: UnitReference[] = [];
  for (let i = 0; units.length + extra.length < unitCount; i++) {
    const k = BEKASI_REGENCY.kecamatan[i % BEKASI_REGENCY.kecamatan.length];
    const group = ['Puskesmas', 'Pendidikan', 'Pengelolaan Sampah', 'Jalan dan Jembatan', 'Pasar'][Math.floor(i / BEKASI_REGENCY.kecamatan.length) % 5];
    extra.push({ code: `UPTD_${i}`, name: `UPTD ${group} ${k.name}`, abbr: '', kind: 'dinas', asda: 'I', topics: [group.toLowerCase()] });
  }
  const examples: HistoryExample[] = [];
  parsed.rows.forEach((r, i) => {
    const label = r.disposedTo ? learnt.codeOfLabel.get(r.disposedTo.trim()) : undefined;
    if (!label) return;
    const unitCode = i % 5 === 0 && extra.length > 0 ? extra[(i * 7) % extra.length].code : label;
    examples.push({ text: complaintDocument(r.title, r.initialText ?? ''), title: r.title, body: r.initialText ?? '', category: r.category, classification: r.classification, unitCode, receivedAt: r.receivedAt.toISOString() });
  });
  return { examples, units: [...units, ...extra] };
}

export async function benchmarkRouting(trainExamples = 20_000, unitCount = 100): Promise<RoutingBenchmark> {
  const { examples, units } = benchmarkHistoryForProfile(Math.round((trainExamples + 2_000) / 0.96), unitCount);
  const train = examples.slice(0, trainExamples);
  const test = examples.slice(trainExamples, trainExamples + 2_000);
  const rules = defaultRulesFromReference(BEKASI_REGENCY.units);

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await trainInWorkerThread({ examples: train, units, places: [], rules });
  const retrainSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  delay.disable();

  const model = DispositionModel.fromJSON(JSON.parse(result.modelJson));
  const gazetteer = Gazetteer.fromReference();
  const engine = new RuleEngine(rules);
  const manualOnlyUnits = manualOnlyUnitCodes(units);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const e of test) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      decideDisposition({
        complaint: { title: e.title ?? '', text: e.body ?? e.text, category: e.category, classification: e.classification },
        rules: engine,
        gazetteer,
        model,
        bounceCount: 0,
        autoRouteThreshold: result.threshold,
        units,
        manualOnlyUnits,
        weights: { rules: result.ruleWeight, model: 1 - result.ruleWeight },
      });
      // The first round warms the JIT; only the second counts.
      if (round === 1) {
        times.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpuTimes.push((c.user + c.system) / 1000);
      }
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const ms = (value: number) => Math.round(value * 1000) / 1000;
  return {
    units: model.classes.length + (model.toJSON().camat?.classes.length ?? 0) - 1,
    trainExamples: train.length,
    retrainSeconds: Math.round(retrainSeconds * 100) / 100,
    retrainCpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
    mainThreadMaxDelayMs: Math.round(delay.max / 1e6),
    predictP50Ms: ms(percentile(times, 0.5)),
    predictP99Ms: ms(percentile(times, 0.99)),
    predictCpuP50Ms: ms(percentile(cpuTimes, 0.5)),
    predictCpuP99Ms: ms(percentile(cpuTimes, 0.99)),
    predictions: times.length,
    threshold: result.threshold,
  };
}

// Run as a CLI (tools/run.js puts the entry in argv[1]).
if (process.argv[1] === __filename) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  benchmarkRouting(arg('examples', 20_000), arg('units', 100))
    .then((b) => {
      console.log(
        `retraining ${b.trainExamples} examples, ${b.units} units, in a worker thread: ${b.retrainSeconds} s, ${b.retrainCpuSeconds} s CPU (main thread max event-loop delay ${b.mainThreadMaxDelayMs} ms)`,
      );
      console.log(
        `decision per complaint: p50 ${b.predictP50Ms} ms, p99 ${b.predictP99Ms} ms; CPU p50 ${b.predictCpuP50Ms} ms, p99 ${b.predictCpuP99Ms} ms; over ${b.predictions}`,
      );
      console.log(JSON.stringify(b));
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    });
}
