// A text classifier that learns from past dispositions which unit handles which complaint.
//
// Why this model: on a real SP4N-LAPOR! export (2,127 reports, 64 units, train 2021–2023, test
// 2024) a class-balanced one-vs-rest linear SVM over sublinear TF-IDF word 1–2-grams, character
// 3–5-grams and the category reached 46.7 % top-1 / 66.8 % top-3 where the former naive-Bayes
// style model reached 38.6 % / 54.1 %, and retrained monthly 53 % / 70 %. Linear models over many
// overlapping sparse features cope best with short, misspelt texts and few examples per class.
//
// What goes in (see complaint-features): word stems and stem pairs, character grams inside word
// boundaries, the category ("-" when missing: a missing category is common and means something),
// the LAPOR! classification. Every past complaint is weighted by its class (balanced, so rare
// units are not drowned; `classBalance` 0 = off, 1 = fully balanced) and by its age (half-life
// `halfLifeDays`: units and topics drift). Each unit's name and reference `topics` are
// pseudo-examples (`topicWeight`), so a new unit or a fresh installation routes before it has
// history (cold start).
//
// Probabilities: a softmax over the SVM decision values with temperature T, calibrated on a
// time-ordered validation split (see model-selection). Camat units form one class (CAMAT_CLASS)
// by default: complaints to different camat differ by place, not by topic. Which camat is a
// separate decision: the gazetteer when the text names a kecamatan or desa, otherwise the place
// model below (an SVM over the same features, trained on camat complaints only, so it learns the
// names of desa and neighbourhoods nobody listed).
//
// Deterministic: the same examples and settings always give the same model.
import { UNITS, type UnitReference } from '@bekasi/reference-data';
import { isCamatUnit } from '../units/unit-names';
import {
  ColumnIndex,
  complaintTerms,
  DEFAULT_FEATURE_SETTINGS,
  entryWords,
  pseudoExampleTerms,
  vectorise,
  vectoriseRows,
  type ComplaintTerms,
  type EntryWords,
  type FeatureSettings,
  type SparseRows,
  type SparseVector,
} from './complaint-features';
import { DEFAULT_SVM_OPTIONS, linearScores, trainLinearSvm, type LinearSvmOptions, type LinearWeights } from './linear-svm';

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
  /** LAPOR! classification ("Permintaan Informasi"…); undefined when the source has none. */
  classification?: string | null;
  unitCode: string;
  /** ISO date-time; used for recency weighting. */
  receivedAt?: string;
}

export interface DispositionModelOptions {
  /** Weight of each unit topic or name as a pseudo-example, relative to one real complaint; 0 leaves them out. */
  topicWeight: number;
  /** 0: classes weighted by nothing; 1: fully balanced (n / (K · n_k)). */
  classBalance: number;
  /** Classes with fewer examples count as having this many when balancing (keeps one example from weighing like fifty). */
  minClassCount: number;
  /** Older complaints weigh 0.5^(age / halfLifeDays); null: all weigh alike. */
  halfLifeDays: number | null;
  /** Recency weight never falls below this. */
  minRecencyWeight: number;
  /**
   * Terms seen in fewer training complaints than this are dropped (pseudo-examples' terms are always
   * kept). 1 by default: the one past complaint of a rare unit carries exactly the words it needs.
   */
  minDocumentFrequency: number;
  /** At most this many features, the most frequent kept. */
  maxFeatures: number;
  /** T of the softmax over decision values: higher flattens the probabilities. */
  temperature: number;
  /** Train all camat units as CAMAT_CLASS and decide the camat separately. */
  collapseCamatUnits: boolean;
  svm: LinearSvmOptions;
  features: FeatureSettings;
}

export const DEFAULT_MODEL_OPTIONS: DispositionModelOptions = {
  topicWeight: 0.3,
  classBalance: 1,
  minClassCount: 3,
  halfLifeDays: 365,
  minRecencyWeight: 0.1,
  minDocumentFrequency: 1,
  maxFeatures: 60_000,
  temperature: 0.3,
  collapseCamatUnits: true,
  svm: DEFAULT_SVM_OPTIONS,
  features: DEFAULT_FEATURE_SETTINGS,
};

export interface TrainingSettings extends Partial<Omit<DispositionModelOptions, 'features' | 'svm'>> {
  features?: Partial<FeatureSettings>;
  svm?: Partial<LinearSvmOptions>;
  /** Units whose names and `topics` seed the model; the reference units by default. */
  units?: readonly UnitReference[];
}

export interface UnitProbability {
  unitCode: string;
  probability: number;
}

export const MODEL_FORMAT = 'bekasi-disposition-model';
/** 3: hashed term keys instead of a vocabulary of strings (see complaint-features); 4: only non-zero weights stored. */
export const MODEL_FORMAT_VERSION = 4;

/**
 * One linear part of the model. Most weights are exactly zero (a term of a few complaints has
 * weight only for the units those complaints took part in), so only the non-zero ones are stored:
 * with 20,000 complaints and 100 units this is 2.5 times smaller than every weight.
 */
interface PackedLinear {
  classes: string[];
  /** Base64 of a bitmap over the feature-major weights (bit i of byte j: weight 8j + i is not zero). */
  nonZero: string;
  /** Base64 of the little-endian Float32 non-zero weights, in feature-major order. */
  weights: string;
  bias: number[];
}

/** The serialised model: plain JSON, safe to store in a database column or a file. */
export interface DispositionModelJson {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  options: DispositionModelOptions;
  /** Base64 of the little-endian Int32 term keys of the columns, most frequent first (see complaint-features). */
  keys: string;
  /** Base64 of the little-endian Float32 idf of each column. */
  idf: string;
  /** Real (not pseudo) training complaints per class. */
  documentCounts: Record<string, number>;
  main: PackedLinear;
  /** Which camat, among camat complaints; null with fewer than two camat units seen. */
  camat: PackedLinear | null;
}

/** What the model read from one complaint: compute it once, ask it several questions. */
export interface ModelReading {
  terms: ComplaintTerms;
  vector: SparseVector;
  /** Decision values of the main classes, in `classes` order. */
  scores: Float64Array;
  /** Every class with its probability, most likely first (ties by unit code). */
  probabilities: UnitProbability[];
  /** The place model's decision values, made by the first camatDistribution (`of`: the place model's weights). */
  placeScores?: { of: unknown; values: Float64Array };
  /** What each vector entry is shown as in explanations, made by the first explain. */
  entryWords?: EntryWords;
  /** Explanations already given for this reading ("unit|limit" → words; `of`: the weights): a decision asks for its favourite twice. */
  explained?: { of: unknown; words: Map<string, readonly string[]> };
}

interface LinearPart {
  classes: string[];
  index: Map<string, number>;
  weights: LinearWeights;
}

function toBase64(array: Int32Array | Float32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** A copy, so the typed array is aligned and owns its memory (a Buffer may be a slice of a pool). */
function bytesOf(base64: string): ArrayBuffer {
  const bytes = Buffer.from(base64, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

function pack(part: LinearPart): PackedLinear {
  const all = part.weights.weights;
  const nonZero = new Uint8Array(Math.ceil(all.length / 8));
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    if (all[i] !== 0) {
      nonZero[i >>> 3] |= 1 << (i & 7);
      count++;
    }
  }
  const values = new Float32Array(count);
  for (let i = 0, v = 0; i < all.length; i++) if (all[i] !== 0) values[v++] = all[i];
  return {
    classes: part.classes,
    nonZero: Buffer.from(nonZero.buffer, nonZero.byteOffset, nonZero.byteLength).toString('base64'),
    weights: toBase64(values),
    bias: Array.from(part.weights.bias),
  };
}

function unpack(packed: PackedLinear, features: number): LinearPart {
  const size = features * packed.classes.length;
  const nonZero = new Uint8Array(bytesOf(packed.nonZero));
  const values = new Float32Array(bytesOf(packed.weights));
  if (nonZero.length !== Math.ceil(size / 8)) throw new Error('Disposition model weights do not fit its columns');
  const weights = new Float32Array(size);
  let v = 0;
  for (let i = 0; i < size; i++) if (nonZero[i >>> 3] & (1 << (i & 7))) weights[i] = values[v++];
  if (v !== values.length) throw new Error('Disposition model weights do not fit its columns');
  return {
    classes: packed.classes,
    index: new Map(packed.classes.map((c, i) => [c, i])),
    weights: { weights, bias: Float32Array.from(packed.bias), classes: packed.classes.length, features, epochs: 0 },
  };
}

function softmax(scores: Float64Array, classes: readonly string[], temperature: number): UnitProbability[] {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  const exps = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    exps[i] = Math.exp((scores[i] - max) / temperature);
    sum += exps[i];
  }
  return classes
    .map((unitCode, i) => ({ unitCode, probability: exps[i] / sum }))
    .sort((a, b) => b.probability - a.probability || (a.unitCode < b.unitCode ? -1 : 1));
}

const GENERIC_NAME_WORDS = new Set(['dinas', 'badan', 'kantor', 'bagian', 'unit', 'pelaksana', 'teknis', 'daerah', 'kabupaten']);

/** The pseudo-example texts of a unit: its name without the generic words, and each topic. */
function pseudoTexts(unit: UnitReference): string[] {
  const name = unit.name
    .split(/\s+/)
    .filter((w) => !GENERIC_NAME_WORDS.has(w.toLowerCase()))
    .join(' ');
  return [name, ...unit.topics].filter((t) => t.trim().length > 0);
}

export class DispositionModel {
  private readonly columns: ColumnIndex;
  private readonly idf: Float32Array;
  private readonly main: LinearPart;
  private readonly camat: LinearPart | null;

  private constructor(
    private readonly data: DispositionModelJson,
    /** The decoded parts of a model this one only re-tempers (withTemperature): shared, not decoded again. */
    shared?: DispositionModel,
  ) {
    this.columns = shared?.columns ?? new ColumnIndex(new Int32Array(bytesOf(data.keys)));
    this.idf = shared?.idf ?? new Float32Array(bytesOf(data.idf));
    const features = this.columns.size;
    if (this.idf.length !== features) throw new Error('Disposition model idf does not fit its columns');
    this.main = shared?.main ?? unpack(data.main, features);
    this.camat = shared ? shared.camat : data.camat ? unpack(data.camat, features) : null;
  }

  static train(examples: readonly TrainingExample[], settings: TrainingSettings = {}): DispositionModel {
    const { units = UNITS, features, svm, ...rest } = settings;
    const options: DispositionModelOptions = {
      ...DEFAULT_MODEL_OPTIONS,
      ...stripUndefined(rest),
      svm: { ...DEFAULT_MODEL_OPTIONS.svm, ...stripUndefined(svm ?? {}) },
      features: { ...DEFAULT_MODEL_OPTIONS.features, ...stripUndefined(features ?? {}) },
    };
    const classOf = (unitCode: string) => (options.collapseCamatUnits && isCamatUnit(unitCode) ? CAMAT_CLASS : unitCode);
    interface Document {
      terms: ComplaintTerms;
      label: string;
      unitCode: string;
      weight: number;
      pseudo: boolean;
      /** A pseudo-example made of the unit's own name (for camat: the kecamatan's name). */
      name?: boolean;
    }
    const documents: Document[] = examples.map((e) => ({
      terms: termsOf(e, options.features),
      label: classOf(e.unitCode),
      unitCode: e.unitCode,
      weight: 1,
      pseudo: false,
    }));
    // Recency: the newest complaint weighs 1, older ones less; normalised to a mean of 1 so C keeps its meaning.
    if (options.halfLifeDays !== null && examples.length > 0) {
      const times = examples.map((e) => (e.receivedAt ? Date.parse(e.receivedAt) : NaN));
      const newest = Math.max(...times.filter((t) => !Number.isNaN(t)));
      if (Number.isFinite(newest)) {
        let total = 0;
        times.forEach((t, i) => {
          const age = Number.isNaN(t) ? 0 : (newest - t) / 86_400_000;
          documents[i].weight = Math.max(options.minRecencyWeight, Math.pow(0.5, age / options.halfLifeDays!));
          total += documents[i].weight;
        });
        for (let i = 0; i < examples.length; i++) documents[i].weight *= examples.length / total;
      }
    }
    const realCount = new Map<string, number>();
    for (const d of documents) realCount.set(d.label, (realCount.get(d.label) ?? 0) + 1);
    // Class balance over the real complaints: an example of class k weighs (n / (K · n_k))^β.
    if (options.classBalance > 0 && documents.length > 0) {
      const n = documents.length;
      const k = realCount.size;
      for (const d of documents) {
        const nk = Math.max(realCount.get(d.label)!, options.minClassCount);
        d.weight *= Math.pow(n / (k * nk), options.classBalance);
      }
    }
    const pseudoKeys = new Set<number>();
    if (options.topicWeight > 0) {
      const seen = new Set<string>();
      for (const unit of units) {
        const label = classOf(unit.code);
        for (const [t, text] of pseudoTexts(unit).entries()) {
          // Collapsed camat units share one topic list: count it once, not once per kecamatan.
          const key = `${label}|${text}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const terms = pseudoExampleTerms(text, options.features);
          for (const key of terms.keys) pseudoKeys.add(key);
          // With no history at all the names and topics are everything the model knows: full weight.
          const weight = examples.length === 0 ? 1 : options.topicWeight;
          documents.push({ terms, label, unitCode: unit.code, weight, pseudo: true, name: t === 0 });
        }
      }
    }
    if (documents.length === 0) throw new Error('Nothing to learn from: no examples and no unit topics');

    // Columns: terms of at least minDocumentFrequency real complaints, plus every pseudo-example term.
    const { keys, idf } = chooseColumns(documents.map((d) => d.terms), pseudoKeys, options);
    const columns = new ColumnIndex(keys);
    const vectors = vectoriseRows(documents.map((d) => d.terms), columns, idf, options.features);

    // A camat unit's name is a place name: evidence of which camat (the place model), not of "a camat matter".
    const inMain = documents.map((d, i) => (d.name && d.label === CAMAT_CLASS ? -1 : i)).filter((i) => i >= 0);
    const classes = [...new Set(inMain.map((i) => documents[i].label))].sort();
    const main = trainPart(
      classes,
      vectors,
      inMain,
      inMain.map((i) => documents[i].label),
      inMain.map((i) => documents[i].weight),
      columns.size,
      options.svm,
    );

    let camat: LinearPart | null = null;
    const camatIndices = documents.map((d, i) => (isCamatUnit(d.unitCode) && (!d.pseudo || d.name) ? i : -1)).filter((i) => i >= 0);
    const camatUnits = [...new Set(camatIndices.map((i) => documents[i].unitCode))].sort();
    // Without real camat complaints of at least two camat the place model would only echo the names.
    const learntCamat = new Set(camatIndices.filter((i) => !documents[i].pseudo).map((i) => documents[i].unitCode));
    if (options.collapseCamatUnits && learntCamat.size >= 2) {
      camat = trainPart(
        camatUnits,
        vectors,
        camatIndices,
        camatIndices.map((i) => documents[i].unitCode),
        camatIndices.map((i) => (documents[i].pseudo ? 1 : documents[i].weight)),
        columns.size,
        options.svm,
      );
    }
    const documentCounts: Record<string, number> = {};
    for (const c of classes) documentCounts[c] = realCount.get(c) ?? 0;
    return new DispositionModel({
      format: MODEL_FORMAT,
      formatVersion: MODEL_FORMAT_VERSION,
      options,
      keys: toBase64(keys),
      idf: toBase64(idf),
      documentCounts,
      main: pack(main),
      camat: camat ? pack(camat) : null,
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
    return this.main.classes;
  }

  get options(): DispositionModelOptions {
    return this.data.options;
  }

  /** Complaints per class the model was trained on (pseudo-examples excluded). */
  get trainingCounts(): Readonly<Record<string, number>> {
    return this.data.documentCounts;
  }

  get featureCount(): number {
    return this.columns.size;
  }

  /** The same model with another temperature (see calibrateTemperature). */
  withTemperature(temperature: number): DispositionModel {
    if (!(temperature > 0)) throw new Error('Temperature must be positive');
    return new DispositionModel({ ...this.data, options: { ...this.data.options, temperature } }, this);
  }

  /** Reads a complaint once: its features and every class's probability. */
  read(text: string, category?: string | null, classification?: string | null): ModelReading {
    const terms = complaintTerms(text, category, classification, this.data.options.features);
    const vector = vectorise(terms, this.columns, this.idf, this.data.options.features);
    const scores = linearScores(this.main.weights, vector);
    return { terms, vector, scores, probabilities: softmax(scores, this.main.classes, this.data.options.temperature) };
  }

  /** A reading made by a model with the same weights (see withTemperature), with this model's probabilities. */
  retemper(reading: ModelReading): ModelReading {
    return { ...reading, probabilities: softmax(reading.scores, this.main.classes, this.data.options.temperature) };
  }

  /** The class a unit is trained as: CAMAT_CLASS for camat units when they are collapsed. */
  classOf(unitCode: string): string {
    return this.data.options.collapseCamatUnits && isCamatUnit(unitCode) ? CAMAT_CLASS : unitCode;
  }

  /** The probability, at this model's temperature, of the class of `unitCode` for an already made reading. */
  probabilityOf(reading: ModelReading, unitCode: string): number {
    const c = this.main.index.get(this.classOf(unitCode));
    if (c === undefined) return 0;
    const t = this.data.options.temperature;
    let max = -Infinity;
    for (const s of reading.scores) if (s > max) max = s;
    let sum = 0;
    for (const s of reading.scores) sum += Math.exp((s - max) / t);
    return Math.exp((reading.scores[c] - max) / t) / sum;
  }

  /** What each entry of a reading's vector is shown as, made once per reading however many units are explained. */
  private entryWordsOf(reading: ModelReading): EntryWords {
    if (!reading.entryWords) {
      const { indices } = reading.vector;
      const keys = new Int32Array(indices.length);
      for (let k = 0; k < indices.length; k++) keys[k] = this.columns.keys[indices[k]];
      reading.entryWords = entryWords(reading.terms, keys, this.data.options.features);
    }
    return reading.entryWords;
  }

  /** Every class with its probability, most likely first (ties by unit code). */
  predict(text: string, category?: string | null, classification?: string | null): UnitProbability[] {
    return this.read(text, category, classification).probabilities;
  }

  /**
   * Which camat, given that the complaint is a camat matter: the place model's distribution over
   * the camat units it has seen, or [] when it has none.
   */
  camatDistribution(reading: ModelReading): UnitProbability[] {
    if (!this.camat) return [];
    // The decision values depend only on the vector and the weights, which re-tempered copies of
    // this model share: a validation complaint decided under several rule weights computes them once.
    // Kept on the reading itself, not in a WeakMap: a WeakMap entry per complaint made every
    // young-generation collection several times slower (ephemerons).
    if (reading.placeScores?.of !== this.camat) reading.placeScores = { of: this.camat, values: linearScores(this.camat.weights, reading.vector) };
    return softmax(reading.placeScores.values, this.camat.classes, this.data.options.temperature);
  }

  /**
   * The words (stems, stem pairs, the category) that speak most for `unitCode` in this text, for
   * the reasons shown to an admin. Character grams count for the word they came from.
   */
  explain(reading: ModelReading, unitCode: string, limit = 3): string[] {
    if (reading.explained?.of !== this.main) reading.explained = { of: this.main, words: new Map() };
    const key = `${unitCode}|${limit}`;
    let words = reading.explained.words.get(key);
    if (!words) {
      words = this.explainAnew(reading, unitCode, limit);
      reading.explained.words.set(key, words);
    }
    return [...words];
  }

  private explainAnew(reading: ModelReading, unitCode: string, limit: number): string[] {
    const part = unitCode === CAMAT_CLASS || this.main.index.has(unitCode) ? this.main : this.camat;
    const c = part?.index.get(unitCode);
    if (!part || c === undefined || limit <= 0) return [];
    const { weights, classes } = part.weights;
    const { indices, values } = reading.vector;
    let shown: EntryWords | null = null;
    let totals: Float64Array | null = null;
    for (let k = 0; k < indices.length; k++) {
      const contribution = values[k] * weights[indices[k] * classes + c];
      if (contribution <= 0) continue;
      shown ??= this.entryWordsOf(reading);
      totals ??= new Float64Array(shown.words.length);
      const w = shown.ofEntry[k];
      if (w >= 0) totals[w] += contribution;
    }
    if (!shown || !totals) return [];
    // The best `limit` words by contribution (ties by word), without sorting them all.
    const { words } = shown;
    const best: number[] = [];
    const before = (a: number, b: number) => totals[a] > totals[b] || (totals[a] === totals[b] && words[a] < words[b]);
    for (let w = 0; w < words.length; w++) {
      if (!(totals[w] > 0)) continue;
      if (best.length === limit && !before(w, best[limit - 1])) continue;
      let at = best.length < limit ? best.length : limit - 1;
      best[at] = w;
      while (at > 0 && before(best[at], best[at - 1])) {
        [best[at - 1], best[at]] = [best[at], best[at - 1]];
        at--;
      }
    }
    return best.map((w) => words[w]);
  }
}

// A retraining trains on the same complaints twice (on the older part to validate, then on all):
// their terms are computed once. Keyed by the example object, so nothing outlives the examples.
const termsCache = new WeakMap<TrainingExample, { settings: FeatureSettings; terms: ComplaintTerms }>();

function termsOf(example: TrainingExample, settings: FeatureSettings): ComplaintTerms {
  const cached = termsCache.get(example);
  if (cached && cached.settings.charNgramMin === settings.charNgramMin && cached.settings.charNgramMax === settings.charNgramMax) return cached.terms;
  const terms = complaintTerms(example.text, example.category, example.classification, settings, false);
  termsCache.set(example, { settings, terms });
  return terms;
}

/**
 * The columns of a model: every key of at least `minDocumentFrequency` documents and every
 * pseudo-example key, at most `maxFeatures` (the most frequent); and their smoothed idf
 * ln((N + 1) / (df + 1)) + 1, rounded so the stored model is the same on every machine. The most
 * frequent come first (ties by key): the weight rows nearly every complaint reads then lie together
 * in memory, which made the SVM a quarter faster than columns in key order.
 */
function chooseColumns(
  documents: readonly ComplaintTerms[],
  pseudoKeys: ReadonlySet<number>,
  options: DispositionModelOptions,
): { keys: Int32Array; idf: Float32Array } {
  // Document frequency of every key: sort all keys of all documents once (each document's are distinct).
  let total = 0;
  for (const d of documents) total += d.keys.length;
  const all = new Int32Array(total);
  let at = 0;
  for (const d of documents) {
    all.set(d.keys, at);
    at += d.keys.length;
  }
  all.sort();
  const distinctKeys: number[] = [];
  const frequencies: number[] = [];
  for (let i = 0; i < total; ) {
    let j = i + 1;
    while (j < total && all[j] === all[i]) j++;
    if (j - i >= options.minDocumentFrequency || pseudoKeys.has(all[i])) {
      distinctKeys.push(all[i]);
      frequencies.push(j - i);
    }
    i = j;
  }
  const chosen = Int32Array.from(distinctKeys.keys())
    .sort((a, b) => frequencies[b] - frequencies[a] || distinctKeys[a] - distinctKeys[b])
    .subarray(0, options.maxFeatures);
  const keys = Int32Array.from(chosen, (i) => distinctKeys[i]);
  const idf = Float32Array.from(chosen, (i) => Math.round((Math.log((documents.length + 1) / (frequencies[i] + 1)) + 1) * 1e4) / 1e4);
  return { keys, idf };
}

function trainPart(
  classes: string[],
  vectors: SparseRows,
  rows: readonly number[],
  labels: readonly string[],
  weights: readonly number[],
  features: number,
  svm: LinearSvmOptions,
): LinearPart {
  const index = new Map(classes.map((c, i) => [c, i]));
  const labelIndex = Int32Array.from(labels, (l) => index.get(l)!);
  return {
    classes,
    index,
    weights: trainLinearSvm(vectors, Int32Array.from(rows), labelIndex, Float64Array.from(weights), classes.length, features, svm),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Trains a model on past dispositions plus (by default) the reference units' names and topics; see DispositionModel. */
export function trainDispositionModel(examples: readonly TrainingExample[], settings: TrainingSettings = {}): DispositionModel {
  return DispositionModel.train(examples, settings);
}
