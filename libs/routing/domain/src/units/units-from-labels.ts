// A regency's history names its units in the "Instansi Terdisposisi" column, and those names are
// what the router must learn to choose between. A label that names a registry unit (in any export
// spelling) maps to it; a label that names none becomes a unit of its own with a guessed kind, for
// the admin to confirm; blanks are ignored. Every label's fate is reported with its reason, so an
// evaluation never drops a row without saying why.
import { kecamatanUnitCode, type KecamatanReference, type UnitKind, type UnitReference } from '@bekasi/reference-data';
import { matchableUnits, normaliseUnitName, UnitNameMatcher, type UnitMatchHow } from '@bekasi/indonesian-text';

export type LabelOutcome =
  | { label: string; count: number; outcome: 'matched'; unitCode: string; how: UnitMatchHow }
  | { label: string; count: number; outcome: 'created'; unitCode: string; kind: UnitKind; sameAs?: string }
  | { label: string; count: number; outcome: 'ignored'; reason: string };

export interface LearntUnits {
  /** The registry's units followed by the units created from labels. */
  units: UnitReference[];
  created: UnitReference[];
  /** Kecamatan named by created camat units ("Kecamatan Y"), for the gazetteer. */
  kecamatan: KecamatanReference[];
  /** Raw label → unit code, for every label that was matched or created. */
  codeOfLabel: Map<string, string>;
  outcomes: LabelOutcome[];
}

const KIND_BY_FIRST_WORD: ReadonlyArray<readonly [RegExp, UnitKind]> = [
  [/^(dinas|dis[a-z]+|din[a-z]+)\b/, 'dinas'],
  [/^(badan|bapp?[a-z]*|bpbd|bkpsdm|bkd|bpkad|inspektorat)\b/, 'badan'],
  [/^(satuan|satpol)\b/, 'satuan'],
  [/^kecamatan\b/, 'kecamatan'],
  [/^kelurahan\b/, 'kelurahan'],
  [/^(desa|pemerintah desa)\b/, 'desa'],
  [/^(rsud|rumah sakit)\b/, 'rsud'],
  [/^(perumda|pdam|perusahaan|pd|pt|bumd)\b/, 'bumd'],
  [/^(sekretariat|bagian|dprd)\b/, 'sekretariat'],
  [/^(pemerintah|kementerian|provinsi|kabupaten|kota|pemprov|kantor wilayah|polres|polsek|polda)\b/, 'pemerintah'],
];

/** The kind a unit probably is, from its name; 'dinas' when nothing tells. */
export function guessUnitKind(label: string): UnitKind {
  const key = normaliseUnitName(label);
  for (const [pattern, kind] of KIND_BY_FIRST_WORD) if (pattern.test(key)) return kind;
  return 'dinas';
}

/**
 * Units that are suggested but never routed to automatically: the regency as a whole and the
 * Sekretariat Daerah, which receive what no unit took, so their history predicts nothing.
 */
export function manualOnlyUnitCodes(units: readonly UnitReference[]): Set<string> {
  return new Set(
    units.filter((u) => u.kind === 'pemerintah' || (u.kind === 'sekretariat' && /^sekretariat daerah\b/.test(normaliseUnitName(u.name)))).map((u) => u.code),
  );
}

const BLANK_LABELS = new Set(['', '-', 'na', 'n a', 'tidak ada', 'belum', 'belum didisposisi', 'null']);

function codeFromName(key: string): string {
  return key.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 60) || 'UNIT';
}

function titleCase(words: string): string {
  return words.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

function displayName(label: string): string {
  const trimmed = label.trim().replace(/\s+/g, ' ');
  return trimmed === trimmed.toUpperCase() ? titleCase(trimmed.toLowerCase()) : trimmed;
}

/**
 * @param labels every "Instansi Terdisposisi" cell of an export (duplicates welcome: they are counted)
 */
export function learnUnitsFromLabels(
  labels: Iterable<string | null | undefined>,
  registry: readonly UnitReference[],
  kecamatan: readonly KecamatanReference[] = [],
  aliases: Readonly<Record<string, readonly string[]>> = {},
): LearntUnits {
  const counts = new Map<string, number>();
  for (const raw of labels) {
    const label = (raw ?? '').trim();
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const registryMatcher = new UnitNameMatcher(matchableUnits(registry, kecamatan), aliases);
  const created: UnitReference[] = [];
  const createdKecamatan: KecamatanReference[] = [];
  const codes = new Set(registry.map((u) => u.code));
  const codeOfLabel = new Map<string, string>();
  const outcomes: LabelOutcome[] = [];
  // The most frequent spelling of a new unit gives it its name; rarer spellings join it.
  const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  let createdMatcher = new UnitNameMatcher([]);
  for (const [label, count] of ordered) {
    const key = normaliseUnitName(label);
    if (BLANK_LABELS.has(key) || !/[a-z]/.test(key)) {
      outcomes.push({ label, count, outcome: 'ignored', reason: label === '' ? 'Instansi Terdisposisi kosong' : `bukan nama instansi ('${label}')` });
      continue;
    }
    const matched = registryMatcher.resolve(label);
    if (matched) {
      codeOfLabel.set(label, matched.unitCode);
      outcomes.push({ label, count, outcome: 'matched', unitCode: matched.unitCode, how: matched.how });
      continue;
    }
    const same = createdMatcher.resolve(label);
    if (same) {
      const unit = created.find((u) => u.code === same.unitCode)!;
      codeOfLabel.set(label, unit.code);
      outcomes.push({ label, count, outcome: 'created', unitCode: unit.code, kind: unit.kind, sameAs: unit.name });
      continue;
    }
    const kind = guessUnitKind(label);
    let code: string;
    let unitKecamatan: string | undefined;
    if (kind === 'kecamatan') {
      const placeName = titleCase(key.replace(/^kecamatan /, ''));
      const placeCode = placeName.toLowerCase().replace(/ /g, '-');
      code = kecamatanUnitCode(placeCode);
      unitKecamatan = placeCode;
      if (!createdKecamatan.some((k) => k.code === placeCode) && !kecamatan.some((k) => k.code === placeCode)) {
        createdKecamatan.push({ code: placeCode, name: placeName, aliases: [] });
      }
    } else {
      code = codeFromName(key);
    }
    for (let n = 2; codes.has(code); n++) code = `${code.replace(/_\d+$/, '')}_${n}`;
    codes.add(code);
    const unit: UnitReference = {
      code,
      name: displayName(kind === 'kecamatan' ? `Kecamatan ${titleCase(key.replace(/^kecamatan /, ''))}` : label),
      abbr: '',
      kind,
      asda: 'I',
      topics: [],
      provisional: true,
      ...(unitKecamatan ? { kecamatan: unitKecamatan } : {}),
    };
    created.push(unit);
    createdMatcher = new UnitNameMatcher(created.map((u) => ({ code: u.code, name: u.name, abbr: u.abbr })));
    codeOfLabel.set(label, code);
    outcomes.push({ label, count, outcome: 'created', unitCode: code, kind });
  }
  return { units: [...registry, ...created], created, kecamatan: createdKecamatan, codeOfLabel, outcomes };
}
