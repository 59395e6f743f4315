// npm run routing:evaluate -- FILE [--rolling monthly --from YYYY-MM-DD | --split-date YYYY-MM-DD | --train-fraction 0.8]
//                                  [--regency DIR] [--json] [--bench]
// How the router would have disposed a regency's own SP4N-LAPOR! "Laporan Ringkas" export (XLSX or
// CSV): units learnt from the export's labels, a time-ordered evaluation, every row accounted for.
// The regency's kecamatan and desa come from the configured reference data (REGENCY_REFERENCE_DIR,
// or --regency DIR); kecamatan named by "Kecamatan …" labels are added. See
// libs/routing/domain/src/evaluation/history-evaluation.ts.
import { readFileSync } from 'node:fs';
import { jakartaDate } from '@bekasi/calendar';
import { readExportSheet } from '@bekasi/intake-export-reader';
import { parseLaporanRingkas } from '@bekasi/intake-domain';
import { loadRegencyFromDirectory, REGENCY, type RegencyReference } from '@bekasi/reference-data';
import { evaluateLaporanRingkas, type EvaluationSplit, type HistoryEvaluation, type LabelOutcome } from '@bekasi/routing-domain';
import { benchmarkRouting } from './routing-benchmark';

interface Arguments {
  file: string;
  split: EvaluationSplit;
  json: boolean;
  bench: boolean;
  regency: RegencyReference;
}

const USAGE =
  'usage: npm run routing:evaluate -- FILE [--rolling monthly --from YYYY-MM-DD | --split-date YYYY-MM-DD | --train-fraction 0.8] [--regency DIR] [--json] [--bench]';
const BOOLEAN_FLAGS = new Set(['json', 'bench']);

function isoDate(value: string | undefined, flag: string): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`--${flag} needs a date YYYY-MM-DD\n${USAGE}`);
  return value;
}

export function readArguments(argv: readonly string[]): Arguments {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) {
      positional.push(argv[i]);
      continue;
    }
    const [name, inline] = argv[i].slice(2).split('=', 2) as [string, string | undefined];
    if (BOOLEAN_FLAGS.has(name)) flags.set(name, 'true');
    else flags.set(name, inline ?? argv[++i] ?? '');
  }
  const file = positional[0];
  if (!file) throw new Error(USAGE);
  let split: EvaluationSplit;
  if (flags.has('rolling')) {
    if (flags.get('rolling') !== 'monthly') throw new Error(`--rolling supports 'monthly' only\n${USAGE}`);
    split = { kind: 'rolling', from: isoDate(flags.get('from'), 'from') };
  } else if (flags.has('split-date')) {
    split = { kind: 'date', splitDate: isoDate(flags.get('split-date'), 'split-date') };
  } else {
    const trainFraction = Number(flags.get('train-fraction') ?? 0.8);
    if (!(trainFraction > 0 && trainFraction < 1)) throw new Error('--train-fraction must lie strictly between 0 and 1');
    split = { kind: 'fraction', trainFraction };
  }
  const regencyDir = flags.get('regency');
  return { file, split, json: flags.has('json'), bench: flags.has('bench'), regency: regencyDir ? loadRegencyFromDirectory(regencyDir) : REGENCY };
}

export async function evaluateExportFile(file: string, split: EvaluationSplit, regency: RegencyReference): Promise<HistoryEvaluation> {
  const sheet = await readExportSheet(readFileSync(file));
  const parsed = parseLaporanRingkas(sheet.rows);
  return evaluateLaporanRingkas(parsed, regency, split);
}

const pct = (x: number | null) => (x === null ? '    – ' : `${(x * 100).toFixed(1).padStart(5)}%`);
const day = (iso: string) => jakartaDate(new Date(iso));

export function report(file: string, e: HistoryEvaluation): string {
  const splitText =
    e.split.kind === 'rolling'
      ? `rolling monthly from ${e.split.from}: each month trained on everything before it (${e.periods.length} months)`
      : e.split.kind === 'date'
        ? `train before ${e.split.splitDate}, test from it`
        : `train on the oldest ${Math.round(e.split.trainFraction * 100)}%, test on the rest`;
  const created = e.labels.outcomes.filter((o): o is Extract<LabelOutcome, { outcome: 'created' }> => o.outcome === 'created' && !o.sameAs);
  const ignored = e.labels.outcomes.filter((o): o is Extract<LabelOutcome, { outcome: 'ignored' }> => o.outcome === 'ignored');
  const lines = [
    `file: ${file}`,
    `rows read: ${e.rows}; rejected by the reader: ${e.rejected}${e.rejectedReasons.length ? ` (${e.rejectedReasons.map((r) => `${r.reason}: ${r.count}`).join('; ')})` : ''}`,
    `labelled (Instansi Terdisposisi names a unit): ${e.labelled}; without a usable label: ${e.unlabelled}`,
    `labels: ${e.labels.matched} rows matched ${e.unitsMatched} registry units, ${e.labels.created} rows went to ${e.unitsCreated} units created from labels, ${e.labels.ignored} rows ignored`,
    ...created.slice(0, 80).map((o) => `  created ${o.unitCode.padEnd(28)} (${o.kind}) from "${o.label}" ×${o.count}`),
    ...ignored.map((o) => `  ignored "${o.label}" ×${o.count}: ${o.reason}`),
    '',
    `split: ${splitText}`,
    `train: ${e.train}${e.trainPeriod ? ` (${day(e.trainPeriod.from)} .. ${day(e.trainPeriod.to)})` : ''}; test: ${e.test}${e.testPeriod ? ` (${day(e.testPeriod.from)} .. ${day(e.testPeriod.to)})` : ''}`,
    '',
    `top-1 ${pct(e.top1)}   top-3 ${pct(e.top3)}`,
    `auto-routed at the chosen threshold${e.split.kind === 'rolling' ? 's' : ''}: precision ${pct(e.autoRoutedPrecision)}, coverage ${pct(e.autoRoutedCoverage)} (lowest threshold in force ${e.threshold === null ? 'none' : e.threshold.toFixed(3)}, global ${e.globalThreshold === null ? 'none' : e.globalThreshold.toFixed(3)}: ${e.thresholdReason})`,
    `coverage at ≥ 90% precision (best threshold in hindsight): ${pct(e.coverageAt90Precision)}`,
    `chosen on validation: ${JSON.stringify(e.chosenSettings)}${e.validation ? `; validation ${e.validation.nValidation} reports ${day(e.validation.period.from)}..${day(e.validation.period.to)}: top-1 ${pct(e.validation.top1)}, top-3 ${pct(e.validation.top3)}` : ''}`,
    `prediction: ${e.meanPredictMillis.toFixed(3)} ms per complaint (mean, whole decision)`,
  ];
  if (e.periods.length > 1) {
    lines.push('', 'period     train  test   top-1   top-3  threshold  routed  precision  train s');
    for (const p of e.periods) {
      lines.push(
        `${p.period.padEnd(9)} ${String(p.train).padStart(6)} ${String(p.test).padStart(5)}  ${pct(p.top1)}  ${pct(p.top3)}  ${p.threshold === null ? '   none  ' : p.threshold.toFixed(3).padStart(9)}  ${String(p.routed).padStart(6)}  ${pct(p.routed ? p.routedCorrect / p.routed : null)}  ${(p.trainingMillis / 1000).toFixed(1).padStart(7)}`,
      );
    }
    // What the admin was told each month about auto-routing, once per change.
    lines.push('', 'threshold reason shown to the admin:');
    e.periods.forEach((p, i) => {
      if (i === 0 || p.thresholdReason.replace(/\d+/g, '#') !== e.periods[i - 1].thresholdReason.replace(/\d+/g, '#')) lines.push(`  ${p.period}: ${p.thresholdReason}`);
    });
  }
  lines.push('', 'unit                                                   support  predicted  precision  recall');
  for (const u of e.perUnit) {
    lines.push(`${`${u.unitName} (${u.unitCode})`.slice(0, 54).padEnd(54)} ${String(u.support).padStart(7)}  ${String(u.predicted).padStart(9)}  ${pct(u.precision).padStart(9)}  ${pct(u.recall)}`);
  }
  lines.push('', 'most confused (actual → predicted, count):');
  for (const c of e.confusedPairs) lines.push(`  ${c.actual} → ${c.predicted}: ${c.count}`);
  return lines.join('\n');
}

export function jsonReport(e: HistoryEvaluation): Record<string, unknown> {
  // The headline figures first, in the order an analyst reads them; the detail after.
  const { labels, rows, labelled, test, top1, top3, autoRoutedPrecision, autoRoutedCoverage, threshold, coverageAt90Precision, ...rest } = e;
  return {
    rows,
    labelled,
    test,
    top1,
    top3,
    autoRoutedPrecision,
    autoRoutedCoverage,
    threshold,
    coverageAt90Precision,
    ...rest,
    labels: { matched: labels.matched, created: labels.created, ignored: labels.ignored, outcomes: labels.outcomes },
  };
}
async function main() {
  const args = readArguments(process.argv.slice(2));
  const started = Date.now();
  const evaluation = await evaluateExportFile(args.file, args.split, args.regency);
  const bench = args.bench ? await benchmarkRouting() : null;
  if (args.json) {
    console.log(JSON.stringify({ ...jsonReport(evaluation), ...(bench ? { bench } : {}), seconds: (Date.now() - started) / 1000 }));
    return;
  }
  console.log(report(args.file, evaluation));
  if (bench) console.log(`\nbench: ${JSON.stringify(bench)}`);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// Run as a CLI (tools/run.js puts the entry in argv[1]); imported by tests it only exports.
if (process.argv[1] === __filename) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
