// npm run routing:evaluate -- FILE [--threshold 0.5] [--train-fraction 0.8]
// Trains the router on the older part of a LAPOR! "Laporan Ringkas" export (XLSX or CSV) and
// reports how it disposes the newer part: top-1 accuracy, and precision and coverage at the
// auto-route threshold, for the model alone and for the whole decision (rules + places + model).
import { readFileSync } from 'node:fs';
import { readExportSheet } from '@bekasi/intake-export-reader';
import { parseLaporanRingkas, UnitNameMatcher } from '@bekasi/intake-domain';
import {
  complaintDocument,
  defaultRulesFromReference,
  Gazetteer,
  scoreModel,
  splitByTime,
  sweepDecisionThresholds,
  trainDispositionModel,
  type TimedExample,
} from '@bekasi/routing-domain';
import { RoutingConfig } from '../routing.config';

interface Arguments {
  file: string;
  threshold: number;
  trainFraction: number;
}

function readArguments(argv: readonly string[]): Arguments {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) flags.set(argv[i].slice(2), argv[++i] ?? '');
    else positional.push(argv[i]);
  }
  const file = positional[0];
  if (!file) throw new Error('usage: npm run routing:evaluate -- FILE [--threshold 0.5] [--train-fraction 0.8]');
  const threshold = Number(flags.get('threshold') ?? new RoutingConfig().ROUTING_AUTO_THRESHOLD);
  const trainFraction = Number(flags.get('train-fraction') ?? 0.8);
  if (!(threshold >= 0 && threshold <= 1)) throw new Error('--threshold must lie in [0, 1]');
  if (!(trainFraction > 0 && trainFraction < 1)) throw new Error('--train-fraction must lie strictly between 0 and 1');
  return { file, threshold, trainFraction };
}

const pct = (x: number | null) => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

async function main() {
  const args = readArguments(process.argv.slice(2));
  const started = Date.now();
  const sheet = await readExportSheet(readFileSync(args.file));
  const parsed = parseLaporanRingkas(sheet.rows);
  const matcher = new UnitNameMatcher();
  type Labelled = TimedExample & { title: string; body: string };
  const examples: Labelled[] = [];
  let unlabelled = 0;
  for (const row of parsed.rows) {
    const unitCode = matcher.match(row.disposedTo);
    const body = row.initialText ?? row.finalText ?? '';
    if (!unitCode) {
      unlabelled++;
      continue;
    }
    examples.push({
      text: complaintDocument(row.title, body),
      title: row.title ?? '',
      body,
      category: row.category,
      unitCode,
      receivedAt: row.receivedAt.toISOString(),
    });
  }
  const { train, test } = splitByTime(examples, args.trainFraction);
  if (train.length === 0 || test.length === 0) throw new Error(`too few dispatched complaints to split (${examples.length})`);
  const model = trainDispositionModel(train);
  const modelOnly = scoreModel(model, test, args.threshold);
  const coldStart = scoreModel(trainDispositionModel([]), test, args.threshold);
  const thresholds = [...new Set([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, args.threshold])].sort((a, b) => a - b);
  const decisionInput = { rules: defaultRulesFromReference(), gazetteer: Gazetteer.fromReference(), model };
  const labelled = test.map((e) => ({ title: e.title, text: e.body, category: e.category, unitCode: e.unitCode }));
  const sweep = sweepDecisionThresholds(labelled, thresholds, decisionInput);
  const atThreshold = sweep.find((s) => s.threshold === args.threshold)!;

  const lines = [
    `file: ${args.file} (${sheet.format}), ${parsed.rows.length} rows read, ${parsed.rejected.length} rejected, ${unlabelled} without a known "Instansi Terdisposisi"`,
    `units in the labels: ${new Set(examples.map((e) => e.unitCode)).size}; train (older ${Math.round(args.trainFraction * 100)}%): ${train.length}; test (newer): ${test.length}`,
    `test period: ${test[0].receivedAt} .. ${test[test.length - 1].receivedAt}`,
    '',
    `whole decision (rules + gazetteer + model), threshold ${args.threshold}:`,
    `  top-1 accuracy        ${pct(atThreshold.top1Accuracy)}`,
    `  precision at threshold ${pct(atThreshold.precisionAtThreshold)}`,
    `  coverage at threshold  ${pct(atThreshold.coverageAtThreshold)}`,
    '',
    `model alone (probability of its favourite ≥ ${args.threshold}):`,
    `  top-1 accuracy        ${pct(modelOnly.top1Accuracy)}   (top-3 ${pct(modelOnly.top3Accuracy)})`,
    `  precision at threshold ${pct(modelOnly.precisionAtThreshold)}`,
    `  coverage at threshold  ${pct(modelOnly.coverageAtThreshold)}`,
    `  reference topics only (no history): top-1 ${pct(coldStart.top1Accuracy)}`,
    '',
    'threshold sweep of the whole decision:   threshold  precision  coverage',
    ...sweep.map((s) => `                                          ${s.threshold.toFixed(2)}     ${pct(s.precisionAtThreshold)}    ${pct(s.coverageAtThreshold)}`),
    '',
    `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
  ];
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
