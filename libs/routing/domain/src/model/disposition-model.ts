// A text classifier that learns from past dispositions which unit handles which complaint.
//
// Why this model: complaints are short, misspelt, written in colloquial Indonesian, spread over
// ~26 classes with few examples each. A naive-Bayes-style language model per class copes with
// that far better than anything that needs many examples per class, trains in one pass, is
// deterministic (no random initialisation, no sampling: ties are broken by unit code), and every
// prediction can be explained by the words that carried it.
//
// How it scores: every class (unit) has a distribution over features (see disposition-features)
// estimated from its past complaints, plus its reference `topics` as down-weighted pseudo-examples
// so that a fresh installation already routes (cold start). Each class distribution is mixed with
// the background distribution of all complaints (Jelinek–Mercer smoothing), and a complaint scores
//     s(c) = Σ_f x_f · ln(1 + κ · P(f|c) / P(f))  /  Σ_f x_f,      κ = (1 − λ) / λ
// i.e. the weighted average of how much more typical each of its features is of the class than of
// complaints in general. Only positive evidence counts, and dividing by Σ x_f makes long and short
// texts comparable. A text with only a few known words ("tolong diperbaiki") is weak evidence
// however typical its words are, so scores are shrunk by n / (n + k), n being the number of distinct
// known word stems and k the `shortTextDamping`. Probabilities are a softmax with temperature T over s(c)/T + β·ln π(c), where
// π(c) is the class's smoothed share of past complaints; T is calibrated on held-out complaints
// (calibrateTemperature).
//
// Camat units are one class by default (CAMAT_CLASS): complaints to different camat differ by
// place, not by topic, and the place is the gazetteer's job. decideDisposition resolves the class
// to the camat of the complaint's kecamatan.
import { UNITS, type UnitReference } from '@bekasi/reference-data';
import { isCamatUnit } from '../units/unit-names';
import { countFeatures, DEFAULT_FEATURE_SETTINGS, weighFeatures, type FeatureSettings } from './disposition-features';

/** The model's single class for "the camat of the complaint's kecamatan". */
export const CAMAT_CLASS = 'KEC_*';

/**
 * The text the model reads for a complaint: title and body together. Build training examples with
 * it too, so that training and routing see complaints the same way.
 */
export function complaintDocument(title: string | null | undefined, text: string): string {
  return title ? `${title}\n${text}` : text;
}

export interface TrainingExample {
  /** Title and body, see complaintDocument. */
  text: string;
  category?: string | null;
  unitCode: string;
}

export interface DispositionModelOptions {
  /** Weight of each unit topic as a pseudo-example, relative to one real complaint; 0 leaves topics out. */
  topicWeight: number;
  /** λ, the share of the background in each class distribution (0–1); higher is smoother. */
  backgroundMix: number;
  /** T: higher flattens the probabilities, lower sharpens them. */
  temperature: number;
  /** β: how much the classes' past frequency counts. */
  priorWeight: number;
  /** k in n / (n + k): how strongly texts with few known words are held back. */
  shortTextDamping: number;
  /** Train all camat units as CAMAT_CLASS. */
  collapseCamatUnits: boolean;
  features: FeatureSettings;
}

export const DEFAULT_MODEL_OPTIONS: DispositionModelOptions = {
  topicWeight: 0.5,
  backgroundMix: 0.5,
  temperature: 0.2,
  priorWeight: 0.5,
  shortTextDamping: 3,
  collapseCamatUnits: true,
  features: DEFAULT_FEATURE_SETTINGS,
};

export interface TrainingSettings extends Partial<Omit<DispositionModelOptions, 'features'>> {
  features?: Partial<FeatureSettings>;
  /** Units whose `topics` seed the model; the reference units by default. */
  units?: readonly UnitReference[];
}

export interface UnitProbability {
  unitCode: string;
  probability: number;
}

export const MODEL_FORMAT = 'bekasi-disposition-model';
export const MODEL_FORMAT_VERSION = 1;

/** The serialised model: plain JSON, safe to store in a database column or a file. */
export interface DispositionModelJson {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  options: DispositionModelOptions;
  classes: string[];
  /** Real (not pseudo) training complaints per class, for the priors. */
  documentCounts: Record<string, number>;
  idf: Record<string, number>;
  /** Weighted feature mass per class. */
  classFeatureMass: Record<string, Record<string, number>>;
}

interface WeightedDocument {
  label: string;
  weight: number;
  counts: Map<string, number>;
}

export class DispositionModel {
  private readonly classTotals = new Map<string, number>();
  private readonly background = new Map<string, number>();
  private readonly backgroundTotal: number;
  /** feature → the classes that have seen it, with their mass. */
  private readonly featureClasses = new Map<string, Array<[string, number]>>();
  private readonly logPriors = new Map<string, number>();

  private constructor(private readonly data: DispositionModelJson) {
    let total = 0;
    for (const [label, masses] of Object.entries(data.classFeatureMass)) {
      let classTotal = 0;
      for (const [feature, mass] of Object.entries(masses)) {
        classTotal += mass;
        this.background.set(feature, (this.background.get(feature) ?? 0) + mass);
        const seen = this.featureClasses.get(feature) ?? [];
        seen.push([label, mass]);
        this.featureClasses.set(feature, seen);
      }
      this.classTotals.set(label, classTotal);
      total += classTotal;
    }
    this.backgroundTotal = total;
    const documents = data.classes.reduce((sum, c) => sum + (data.documentCounts[c] ?? 0), 0);
    for (const c of data.classes) {
      this.logPriors.set(c, Math.log(((data.documentCounts[c] ?? 0) + 1) / (documents + data.classes.length)));
    }
  }

  static train(examples: readonly TrainingExample[], settings: TrainingSettings = {}): DispositionModel {
    const { units = UNITS, features, ...rest } = settings;
    const options: DispositionModelOptions = {
      ...DEFAULT_MODEL_OPTIONS,
      ...stripUndefined(rest),
      features: { ...DEFAULT_MODEL_OPTIONS.features, ...features },
    };
    const classOf = (unitCode: string) => (options.collapseCamatUnits && isCamatUnit(unitCode) ? CAMAT_CLASS : unitCode);

    const documents: WeightedDocument[] = examples.map((e) => ({
      label: classOf(e.unitCode),
      weight: 1,
      counts: countFeatures(e.text, e.category, options.features),
    }));
    if (options.topicWeight > 0) {
      const seen = new Set<string>();
      for (const unit of units) {
        for (const topic of unit.topics) {
          const label = classOf(unit.code);
          // Collapsed camat units share one topic list: count it once, not once per kecamatan.
          if (seen.has(`${label}|${topic}`)) continue;
          seen.add(`${label}|${topic}`);
          documents.push({ label, weight: options.topicWeight, counts: countFeatures(topic, null, options.features) });
        }
      }
    }

    if (documents.length === 0) throw new Error('Nothing to learn from: no examples and no unit topics');
    const documentFrequency = new Map<string, number>();
    let documentMass = 0;
    for (const doc of documents) {
      documentMass += doc.weight;
      for (const feature of doc.counts.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + doc.weight);
    }
    const idf: Record<string, number> = {};
    for (const [feature, df] of [...documentFrequency.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      idf[feature] = Math.log((documentMass + 1) / (df + 1)) + 1;
    }

    const classFeatureMass: Record<string, Record<string, number>> = {};
    const documentCounts: Record<string, number> = {};
    for (const doc of documents) {
      const masses = (classFeatureMass[doc.label] ??= {});
      for (const [feature, x] of weighFeatures(doc.counts, (f) => idf[f], options.features)) {
        masses[feature] = (masses[feature] ?? 0) + doc.weight * x;
      }
      documentCounts[doc.label] ??= 0;
    }
    for (const e of examples) {
      const label = classOf(e.unitCode);
      documentCounts[label] = (documentCounts[label] ?? 0) + 1;
    }
    const classes = Object.keys(classFeatureMass).sort();
    return new DispositionModel({
      format: MODEL_FORMAT,
      formatVersion: MODEL_FORMAT_VERSION,
      options,
      classes,
      documentCounts,
      idf,
      classFeatureMass,
    });
  }

  static fromJSON(json: DispositionModelJson): DispositionModel {
    if (json?.format !== MODEL_FORMAT) throw new Error(`Not a disposition model (format '${String(json?.format)}')`);
    if (json.formatVersion !== MODEL_FORMAT_VERSION) {
      throw new Error(`Unsupported disposition model format version ${json.formatVersion}; retrain the model`);
    }
    return new DispositionModel(json);
  }

  toJSON(): DispositionModelJson {
    return this.data;
  }

  get classes(): readonly string[] {
    return this.data.classes;
  }

  get options(): DispositionModelOptions {
    return this.data.options;
  }

  /** Complaints per class the model was trained on (pseudo-examples from topics excluded). */
  get trainingCounts(): Readonly<Record<string, number>> {
    return this.data.documentCounts;
  }

  /** The same model with another temperature (see calibrateTemperature). */
  withTemperature(temperature: number): DispositionModel {
    if (!(temperature > 0)) throw new Error('Temperature must be positive');
    return new DispositionModel({ ...this.data, options: { ...this.data.options, temperature } });
  }

  /** Every class with its probability, most likely first (ties by unit code). */
  predict(text: string, category?: string | null): UnitProbability[] {
    const scores = this.classScores(text, category);
    const { temperature, priorWeight } = this.data.options;
    const logits = this.data.classes.map((c) => (scores.get(c) ?? 0) / temperature + priorWeight * (this.logPriors.get(c) ?? 0));
    const max = Math.max(...logits);
    const exps = logits.map((l) => Math.exp(l - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    return this.data.classes
      .map((unitCode, i) => ({ unitCode, probability: exps[i] / sum }))
      .sort((a, b) => b.probability - a.probability || a.unitCode.localeCompare(b.unitCode));
  }

  /**
   * The words (stems, stem pairs, the category) that speak most for `unitCode` in this text, for
   * the reasons shown to an admin. Character n-grams are left out: they explain nothing to a person.
   */
  explain(text: string, category: string | null | undefined, unitCode: string, limit = 3): string[] {
    const contributions: Array<[string, number]> = [];
    for (const [feature, x] of this.features(text, category)) {
      if (feature.startsWith('c:')) continue;
      const contribution = x * this.evidence(feature, unitCode);
      if (contribution > 0) contributions.push([feature.slice(2), contribution]);
    }
    return contributions
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([word]) => word);
  }

  private features(text: string, category: string | null | undefined): Map<string, number> {
    const counts = countFeatures(text, category, this.data.options.features);
    return weighFeatures(counts, (f) => this.data.idf[f], this.data.options.features);
  }

  /** ln(1 + κ · P(f|c) / P(f)): how much more typical the feature is of the class than of all complaints. */
  private evidence(feature: string, label: string): number {
    const mass = this.featureClasses.get(feature)?.find(([c]) => c === label)?.[1] ?? 0;
    return this.evidenceOf(feature, label, mass);
  }

  private evidenceOf(feature: string, label: string, mass: number): number {
    const classTotal = this.classTotals.get(label) ?? 0;
    const background = (this.background.get(feature) ?? 0) / this.backgroundTotal;
    if (mass <= 0 || classTotal <= 0 || background <= 0) return 0;
    const kappa = (1 - this.data.options.backgroundMix) / this.data.options.backgroundMix;
    return Math.log(1 + (kappa * (mass / classTotal)) / background);
  }

  private classScores(text: string, category: string | null | undefined): Map<string, number> {
    const scores = new Map<string, number>();
    let totalWeight = 0;
    let knownWords = 0;
    for (const [feature, x] of this.features(text, category)) {
      totalWeight += x;
      if (feature.startsWith('w:')) knownWords++;
      for (const [label, mass] of this.featureClasses.get(feature) ?? []) {
        scores.set(label, (scores.get(label) ?? 0) + x * this.evidenceOf(feature, label, mass));
      }
    }
    const damping = knownWords / (knownWords + this.data.options.shortTextDamping);
    if (totalWeight > 0) for (const [label, score] of scores) scores.set(label, (score / totalWeight) * damping);
    return scores;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Trains a model on past dispositions plus (by default) the reference topics; see DispositionModel. */
export function trainDispositionModel(examples: readonly TrainingExample[], settings: TrainingSettings = {}): DispositionModel {
  return DispositionModel.train(examples, settings);
}
