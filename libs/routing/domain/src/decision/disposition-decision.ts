// Decides where a complaint goes (disposisi): straight to a unit, or to the admin's triage queue
// with suggestions. Three sources of evidence are combined, and the formula is meant to be
// explained to an admin in one breath:
//
//   rules  R(u) — keyword, category and camat-topic rules that matched, combined per unit as
//                 1 − Π(1 − strength): two independent hits count more than one.
//   model  M(u) — the history model's probability for the unit (0 when there is no model).
//   place        the kecamatan the complaint names (gazetteer). It does not vote for a dinas; it
//                 turns "this is a camat matter" into a concrete camat: the camat candidate's score
//                 is multiplied by the certainty of the place.
//
//   score(u)   = wR · R(u) + wM · M(u)          (wR = wM = 0.5 by default; wR = 1 without a model)
//   confidence = score(best) − ½ · score(runner-up)
//
// so a unit backed by both rules and history, with no serious rival, scores high, and a tie
// between two plausible units (banjir: BPBD or SDABMBK) halves the confidence. The complaint is
// routed automatically only when confidence ≥ autoRouteThreshold, or ≥ the best unit's own
// threshold when its validation record certified it (autoRouteUnits); otherwise, and always when
//   - it has been bounced (bukan kewenangan) twice or more, or
//   - the best candidate is "the camat" but no kecamatan could be found,
// it goes to triage, with the best candidates as suggestions. Units that already answered "bukan
// kewenangan" (excludeUnits) are never chosen nor suggested. Generic units ("Pemerintah
// Kabupaten …", "Sekretariat Daerah": `manualOnlyUnits`) may be suggested but are never routed to
// without a person. Which camat, when the text names no place the gazetteer knows, is the model's
// separate place decision (the camat score spread over the camat units it has learnt).
//
// Two more kinds of complaint always go to a person, because history predicts them badly (on a
// real regency's export: a third of the test year were requests for information, most without a
// category, to units that had been rare before, and a fifth of the test rows went to units with
// fewer than five past examples):
//   - requests for information ("Permintaan Informasi"): whoever holds the information answers;
//   - once the model has learnt from real history (HISTORY_FOR_UNIT_SUPPORT complaints), a unit
//     with fewer than MIN_UNIT_HISTORY of them: a new or rare unit is suggested, not routed to.
import { kecamatanUnitCode, UNITS, type UnitReference } from '@bekasi/reference-data';
import type { Gazetteer, KecamatanResolution, PlaceMention } from '@bekasi/indonesian-text';
import { CAMAT_CLASS, complaintDocument, type DispositionModel, type ModelReading } from '../model/disposition-model';
import { RuleEngine, type RuleMatch } from '../rules/rule-engine';
import type { RoutingRule } from '../rules/routing-rule';
import { unitLabel } from '../units/unit-names';
import { currentUnitCode, type UnitRedirects } from '../units/unit-succession';

export interface DispositionComplaint {
  title: string;
  text: string;
  category?: string | null;
  /** The LAPOR! classification ("Permintaan Informasi"…): a feature of the model. */
  classification?: string | null;
}

export interface DispositionWeights {
  rules: number;
  model: number;
}

export const DEFAULT_DISPOSITION_WEIGHTS: DispositionWeights = { rules: 0.5, model: 0.5 };
/** From this many "bukan kewenangan" answers on, a person decides. */
export const BOUNCE_LIMIT = 2;
const RUNNER_UP_PENALTY = 0.5;
const MAX_ALTERNATIVES = 5;
const MAX_SUGGESTIONS = 3;
/** Camat units the place model proposes when the text names no known place. */
const MAX_CAMAT_CANDIDATES = 3;
/** Candidates scoring below this are noise, not suggestions. */
const MIN_ALTERNATIVE_SCORE = 0.02;
/** Model classes below this probability are not worth a reason line. */
const MODEL_REASON_MIN_PROBABILITY = 0.05;
/** A unit with fewer past complaints than this in the model's history is not routed to without a person. */
export const MIN_UNIT_HISTORY = 20;
/** From this much real history on, the unit-support rule applies (before it, the rules carry the cold start). */
export const HISTORY_FOR_UNIT_SUPPORT = 100;
/** The LAPOR! classification that is never routed automatically. */
const INFORMATION_REQUEST = 'permintaan informasi';

export interface DecideDispositionInput {
  complaint: DispositionComplaint;
  /** The rules in force, or an engine already built from them. */
  rules: readonly RoutingRule[] | RuleEngine;
  gazetteer: Gazetteer;
  model?: DispositionModel | null;
  /** Units that answered "bukan kewenangan" for this complaint. */
  excludeUnits?: readonly string[];
  /** How many times the complaint came back as "bukan kewenangan". */
  bounceCount: number;
  /** Minimum confidence (0–1) for routing without a person, whatever the unit. */
  /** Null: no threshold reached the precision target on validation (units may still have their own, see autoRouteUnits). */
  autoRouteThreshold: number | null;
  /**
   * Units whose own validation record certified their confident decisions (see certifyUnits), each
   * with its own threshold: the best unit is routed to when the confidence reaches the lower of its
   * threshold and autoRouteThreshold.
   */
  autoRouteUnits?: ReadonlyMap<string, number>;
  weights?: Partial<DispositionWeights>;
  /** Units for the names shown in reasons; the reference units by default. */
  units?: readonly UnitReference[];
  /**
   * Units that no longer receive complaints: a merged or renamed unit maps to the unit that took
   * over its work, a closed one to null. Evidence for such a unit (rules not yet edited, a model
   * trained before the change) counts for its successor, or is dropped.
   */
  unitRedirects?: UnitRedirects;
  /** Units that are suggested but never routed to automatically (generic labels, see genericUnitCodes). */
  manualOnlyUnits?: ReadonlySet<string>;
  /** The model's reading of this complaint when the caller already has it (features computed once). */
  reading?: ModelReading;
  /** False leaves the suggestions' words out (evaluations that only count hits). */
  explain?: boolean;
}

export type DecisionPolicy =
  | 'auto-route'
  | 'below-threshold'
  | 'bounced'
  | 'excluded'
  | 'camat-without-place'
  | 'manual-only-unit'
  | 'information-request'
  | 'rare-unit'
  | 'no-evidence';

export type DecisionReason =
  | {
      source: 'rule';
      /** The rule's unit; for a camat-topic rule the camat it resolved to, or null without a place. */
      unitCode: string | null;
      ruleId: string;
      ruleVersion: number;
      matched: string[];
      strength: number;
      text: string;
    }
  | { source: 'place'; kecamatanCode: string; mentions: PlaceMention[]; confidence: number; text: string }
  | { source: 'model'; unitCode: string; probability: number; words: string[]; text: string }
  | { source: 'policy'; policy: DecisionPolicy; text: string };

export interface DispositionAlternative {
  unitCode: string;
  score: number;
}

/** What the admin's triage shows for a candidate: the unit's name, how sure, and the words that carried it. */
export interface DispositionSuggestion {
  unitCode: string;
  unitName: string;
  confidence: number;
  words: string[];
}

export interface DispositionDecision {
  outcome: 'route' | 'triage';
  /** Set when the outcome is 'route'. */
  unitCode?: string;
  confidence: number;
  /** The kecamatan the complaint is about, whatever the unit. */
  kecamatanCode: string | null;
  reasons: DecisionReason[];
  /** The best other candidates (for triage: the suggestions), best first. */
  alternatives: DispositionAlternative[];
  /** The three best candidates (the routed unit first when routed), with names and words. */
  suggestions: DispositionSuggestion[];
  /**
   * The auto-route threshold the best candidate was held to (its own certified one when lower, see
   * autoRouteThresholdFor); null when none applies. Stored with the decision to explain it.
   */
  threshold: number | null;
}

interface Candidate {
  unitCode: string;
  score: number;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const quoted = (words: readonly string[]) => words.map((w) => `'${w}'`).join(', ');
const noisyOr = (values: readonly number[]) => 1 - values.reduce((rest, v) => rest * (1 - v), 1);

function placeLabel(mention: PlaceMention): string {
  const kind = mention.kind === 'kecamatan' ? 'Kecamatan' : mention.kind === 'kelurahan' ? 'Kelurahan' : 'Desa';
  return `${kind} ${mention.name}`;
}

function normalisedWeights(weights: Partial<DispositionWeights> | undefined, hasModel: boolean): DispositionWeights {
  if (!hasModel) return { rules: 1, model: 0 };
  const w = { ...DEFAULT_DISPOSITION_WEIGHTS, ...weights };
  const total = w.rules + w.model;
  if (!(total > 0) || w.rules < 0 || w.model < 0) throw new Error('Disposition weights must be non-negative and not both zero');
  return { rules: w.rules / total, model: w.model / total };
}

export function decideDisposition(input: DecideDispositionInput): DispositionDecision {
  const { complaint, gazetteer, model, bounceCount, autoRouteThreshold, units = UNITS } = input;
  if (autoRouteThreshold !== null && !(autoRouteThreshold >= 0 && autoRouteThreshold <= 1)) throw new Error('autoRouteThreshold must lie in [0, 1]');
  if (!(bounceCount >= 0)) throw new Error('bounceCount must not be negative');
  const label = (unitCode: string) => unitLabel(unitCode, units);
  const redirects = input.unitRedirects ?? new Map<string, string | null>();
  const excluded = new Set((input.excludeUnits ?? []).map((code) => currentUnitCode(code, redirects) ?? code));
  const engine = input.rules instanceof RuleEngine ? input.rules : new RuleEngine(input.rules);
  const weights = normalisedWeights(input.weights, !!model);
  const fullText = complaintDocument(complaint.title, complaint.text);

  const place = gazetteer.primaryKecamatan(fullText);
  const camatUnit = place ? kecamatanUnitCode(place.kecamatanCode) : null;
  const matches = engine.evaluate({ title: complaint.title, text: complaint.text, category: complaint.category });
  const reading = model ? (input.reading ?? model.read(fullText, complaint.category, complaint.classification)) : null;
  const predictions = reading?.probabilities ?? [];

  // Evidence per key; CAMAT_CLASS stands for "the camat of wherever this is" until resolved.
  const ruleStrengths = new Map<string, number[]>();
  for (const match of matches) {
    const key = match.unitCode ?? CAMAT_CLASS;
    ruleStrengths.set(key, [...(ruleStrengths.get(key) ?? []), match.strength]);
  }
  // A unit that refused is known not to be the answer: the model's belief is renormalised over the others.
  const refusedMass = predictions.reduce((sum, p) => sum + (excluded.has(p.unitCode) ? p.probability : 0), 0);
  const modelProbability = new Map(
    predictions.filter((p) => !excluded.has(p.unitCode)).map((p) => [p.unitCode, refusedMass < 1 ? p.probability / (1 - refusedMass) : 0]),
  );
  const rawScores = new Map<string, number>();
  for (const key of new Set([...ruleStrengths.keys(), ...modelProbability.keys()])) {
    const score = weights.rules * noisyOr(ruleStrengths.get(key) ?? []) + weights.model * (modelProbability.get(key) ?? 0);
    if (score > 0) rawScores.set(key, score);
  }

  // A retired unit's evidence moves to its successor; the stronger of the two counts, not the sum,
  // because both usually stem from the same words.
  for (const [unitCode, score] of [...rawScores.entries()]) {
    if (unitCode === CAMAT_CLASS || !redirects.has(unitCode)) continue;
    rawScores.delete(unitCode);
    const successor = currentUnitCode(unitCode, redirects);
    if (successor) rawScores.set(successor, Math.max(rawScores.get(successor) ?? 0, score));
  }
  const camatScore = rawScores.get(CAMAT_CLASS) ?? 0;
  rawScores.delete(CAMAT_CLASS);
  let unresolvedCamatScore = 0;
  if (camatScore > 0) {
    const learnt = model && reading ? model.camatDistribution(reading).filter((p) => currentUnitCode(p.unitCode, redirects) === p.unitCode) : [];
    const placeKnown = place && camatUnit && currentUnitCode(camatUnit, redirects) === camatUnit;
    // The named place decides; what certainty it leaves goes to the camat the place model prefers.
    const share = placeKnown ? 1 - place.confidence : 1;
    if (placeKnown) rawScores.set(camatUnit, Math.max(rawScores.get(camatUnit) ?? 0, camatScore * place.confidence));
    for (const p of learnt.slice(0, MAX_CAMAT_CANDIDATES)) {
      rawScores.set(p.unitCode, (rawScores.get(p.unitCode) ?? 0) + camatScore * share * p.probability);
    }
    if (!placeKnown && learnt.length === 0) unresolvedCamatScore = camatScore;
  }

  const ranked: Candidate[] = [...rawScores.entries()]
    .filter(([unitCode]) => !excluded.has(unitCode))
    .map(([unitCode, score]) => ({ unitCode, score }))
    .sort((a, b) => b.score - a.score || a.unitCode.localeCompare(b.unitCode));

  const reasons: DecisionReason[] = [
    ...ruleReasons(matches, camatUnit, label),
    ...placeReasons(place),
    ...modelReasons(predictions, model, reading, ranked[0]?.unitCode, camatUnit, label, input.explain !== false),
  ];
  if (excluded.size > 0) {
    reasons.push({
      source: 'policy',
      policy: 'excluded',
      text: `Tidak dipilih karena sudah menyatakan bukan kewenangan: ${[...excluded].map(label).join(', ')}`,
    });
  }

  const best = ranked[0];
  const camatIsBest = unresolvedCamatScore > 0 && unresolvedCamatScore >= (best?.score ?? 0);
  const topScore = camatIsBest ? unresolvedCamatScore : (best?.score ?? 0);
  const runnerUp = camatIsBest ? (best?.score ?? 0) : Math.max(ranked[1]?.score ?? 0, unresolvedCamatScore);
  const confidence = Math.min(1, Math.max(0, topScore - RUNNER_UP_PENALTY * runnerUp));
  const kecamatanCode = place?.kecamatanCode ?? null;

  const suggested = suggestionsOf(ranked, input.explain === false ? null : model, reading, label);
  const threshold = best ? autoRouteThresholdFor(best.unitCode, autoRouteThreshold, input.autoRouteUnits) : autoRouteThreshold;
  const triage = (policy: DecisionPolicy, text: string): DispositionDecision => ({
    outcome: 'triage',
    confidence,
    kecamatanCode,
    threshold,
    reasons: [...reasons, { source: 'policy', policy, text }],
    alternatives: alternativesOf(ranked, 0),
    suggestions: suggested,
  });

  if (bounceCount >= BOUNCE_LIMIT) {
    return triage('bounced', `Laporan sudah ${bounceCount} kali dikembalikan sebagai bukan kewenangan: perlu diputuskan admin`);
  }
  if (camatIsBest) {
    return triage('camat-without-place', 'Topik kewenangan camat, tetapi kecamatan lokasi tidak ditemukan: perlu ditinjau admin');
  }
  if (!best) {
    return triage('no-evidence', 'Tidak ada kata kunci, lokasi, atau pola riwayat yang cocok: perlu ditinjau admin');
  }
  if (input.manualOnlyUnits?.has(best.unitCode)) {
    return triage('manual-only-unit', `${label(best.unitCode)} tidak didisposisikan otomatis: perlu ditinjau admin`);
  }
  if (complaint.classification?.trim().toLowerCase() === INFORMATION_REQUEST) {
    return triage('information-request', 'Permintaan informasi tidak didisposisikan otomatis: perlu ditinjau admin');
  }
  const support = model ? unitSupport(model, best.unitCode) : null;
  if (support && support.history >= HISTORY_FOR_UNIT_SUPPORT && support.unit < MIN_UNIT_HISTORY) {
    return triage(
      'rare-unit',
      `${label(best.unitCode)} baru ${support.unit} kali menerima disposisi dalam riwayat (kurang dari ${MIN_UNIT_HISTORY}): tidak didisposisikan otomatis, perlu ditinjau admin`,
    );
  }
  if (threshold === null) {
    return triage(
      'below-threshold',
      input.autoRouteUnits && input.autoRouteUnits.size > 0
        ? `${label(best.unitCode)} belum terbukti cukup tepat pada validasi untuk didisposisikan otomatis: perlu ditinjau admin`
        : 'Belum ada ambang disposisi otomatis yang cukup presisi: perlu ditinjau admin',
    );
  }
  if (confidence < threshold) {
    return triage('below-threshold', `Keyakinan ${percent(confidence)} di bawah ambang ${percent(threshold)}: perlu ditinjau admin`);
  }
  return {
    outcome: 'route',
    unitCode: best.unitCode,
    confidence,
    kecamatanCode,
    threshold,
    reasons: [
      ...reasons,
      {
        source: 'policy',
        policy: 'auto-route',
        text: `Keyakinan ${percent(confidence)} mencapai ambang ${percent(threshold)}: didisposisikan ke ${label(best.unitCode)}`,
      },
    ],
    alternatives: alternativesOf(ranked, 1),
    suggestions: suggested,
  };
}

/**
 * The thresholds a deployment decides with: what its training chose on validation (a global
 * threshold and the units certified by their own record) unless an operator fixed one threshold
 * (ROUTING_AUTO_THRESHOLD), which then holds for every unit, certified ones included.
 */
export function autoRoutePolicy(
  trained: { threshold: number | null; units: ReadonlyMap<string, number> },
  fixedThreshold: number | undefined,
): Pick<DecideDispositionInput, 'autoRouteThreshold' | 'autoRouteUnits'> {
  return fixedThreshold === undefined ? { autoRouteThreshold: trained.threshold, autoRouteUnits: trained.units } : { autoRouteThreshold: fixedThreshold, autoRouteUnits: undefined };
}

/**
 * The confidence a decision for `unitCode` needs to be routed without a person: the lower of the
 * global threshold and the unit's own certified one; null when neither applies.
 */
export function autoRouteThresholdFor(unitCode: string, global: number | null, units: ReadonlyMap<string, number> | undefined): number | null {
  const own = units?.get(unitCode);
  if (own === undefined) return global;
  return global === null ? own : Math.min(global, own);
}

/** Past complaints of the unit's class in the model's history, and of the whole history. */
function unitSupport(model: DispositionModel, unitCode: string): { unit: number; history: number } {
  const counts = model.trainingCounts;
  let history = 0;
  for (const count of Object.values(counts)) history += count;
  return { unit: counts[model.classOf(unitCode)] ?? 0, history };
}

/** The runners-up: the best three candidates are always shown (triage needs three), further ones only when not noise. */
function alternativesOf(ranked: readonly Candidate[], skip: number): DispositionAlternative[] {
  return ranked
    .slice(skip)
    .filter((c, i) => i + skip < MAX_SUGGESTIONS || c.score >= MIN_ALTERNATIVE_SCORE)
    .slice(0, MAX_ALTERNATIVES);
}

function suggestionsOf(
  ranked: readonly Candidate[],
  model: DispositionModel | null | undefined,
  reading: ModelReading | null,
  label: (code: string) => string,
): DispositionSuggestion[] {
  return ranked.slice(0, MAX_SUGGESTIONS).map((c) => ({
    unitCode: c.unitCode,
    unitName: label(c.unitCode),
    confidence: Math.min(1, c.score),
    words: model && reading ? model.explain(reading, model.classes.includes(c.unitCode) ? c.unitCode : CAMAT_CLASS) : [],
  }));
}

function ruleReasons(matches: readonly RuleMatch[], camatUnit: string | null, label: (code: string) => string): DecisionReason[] {
  return matches.map((match) => {
    const { rule } = match;
    const unitCode = match.unitCode ?? camatUnit;
    const target = unitCode ? label(unitCode) : 'camat (kecamatan belum diketahui)';
    const what =
      rule.kind === 'category' ? 'Kategori' : rule.kind === 'kecamatan-topic' ? 'Topik kewenangan camat' : 'Kata kunci';
    return {
      source: 'rule',
      unitCode,
      ruleId: rule.id,
      ruleVersion: rule.version,
      matched: match.matchedPatterns,
      strength: match.strength,
      text: `${what} ${quoted(match.matchedPatterns)} → ${target}`,
    };
  });
}

function placeReasons(place: KecamatanResolution | null): DecisionReason[] {
  if (!place) return [];
  const named = [...new Set(place.mentions.map(placeLabel))];
  const kecamatan = `Kecamatan ${place.kecamatanName}`;
  const via = named.length === 1 && named[0] === kecamatan ? '' : `${named.join(', ')} → `;
  return [
    {
      source: 'place',
      kecamatanCode: place.kecamatanCode,
      mentions: place.mentions,
      confidence: place.confidence,
      text: `Lokasi: ${via}${kecamatan} (keyakinan ${percent(place.confidence)})`,
    },
  ];
}

function modelReasons(
  predictions: ReadonlyArray<{ unitCode: string; probability: number }>,
  model: DispositionModel | null | undefined,
  reading: ModelReading | null,
  chosen: string | undefined,
  camatUnit: string | null,
  label: (code: string) => string,
  explain: boolean,
): DecisionReason[] {
  if (!model || !reading) return [];
  const resolve = (unitCode: string) => (unitCode === CAMAT_CLASS ? camatUnit : unitCode);
  // The model's own favourite, and its view of the chosen unit if that is another one.
  const shown = predictions.filter(
    (p, i) => (i === 0 || resolve(p.unitCode) === chosen) && p.probability >= MODEL_REASON_MIN_PROBABILITY,
  );
  return shown.map((p) => {
    const words = explain ? model.explain(reading, p.unitCode) : [];
    const resolved = resolve(p.unitCode);
    const target = resolved ? label(resolved) : 'camat (kecamatan belum diketahui)';
    const because = words.length > 0 ? ` (kata: ${words.join(', ')})` : '';
    return {
      source: 'model',
      unitCode: resolved ?? p.unitCode,
      probability: p.probability,
      words,
      text: `Model riwayat disposisi: ${target} dengan peluang ${percent(p.probability)}${because}`,
    };
  });
}
