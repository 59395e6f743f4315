// Finds the places a complaint names (kecamatan, kelurahan, desa) and from them the kecamatan the
// complaint is about, which decides which camat receives camat-topic complaints.
//
// Matching works on normalised words (see normaliseIndonesianText), longest form first, so
// "Pantai Bahagia" wins over the kelurahan "Bahagia" and "Cikarang Utara" is read as one name.
// "Cikarang" alone names no form and is therefore never matched: it is ambiguous between five
// kecamatan. A form that belongs to places in different kecamatan is ambiguous too and yields no
// mention. Confidence depends on how the place was written: after its qualifier ("Kec.",
// "Kecamatan", "Desa", "Kel.") it is near-certain; a bare official name is likely; a local short
// form ("Tamsel") is less so.
import { KECAMATAN, KELURAHAN } from '@bekasi/reference-data';
import { normalisedWords, normaliseIndonesianText } from '../text/indonesian-text';
import { DEFAULT_DESA_PLACES, placeSlug } from './default-desa-places';
import type { KecamatanResolution, Place, PlaceInput, PlaceMention } from './place';

export const PLACE_MATCH_CONFIDENCE = {
  qualifiedKecamatan: 0.95,
  kecamatanName: 0.85,
  kecamatanAlias: 0.75,
  qualifiedVillage: 0.9,
  villageName: 0.7,
  villageAlias: 0.65,
} as const;

/** Two kecamatan closer than this are a tie: the text does not say which one it is about. */
const TIE_MARGIN = 0.01;
const KECAMATAN_QUALIFIERS = new Set(['kecamatan']);
const VILLAGE_QUALIFIERS = new Set(['desa', 'kelurahan']);

interface SurfaceForm {
  place: Place;
  official: boolean;
}

function formsOf(place: Place): Array<{ text: string; official: boolean }> {
  const written = [
    { text: place.name, official: true },
    ...place.aliases.map((alias) => ({ text: alias, official: false })),
  ];
  const forms: Array<{ text: string; official: boolean }> = [];
  for (const { text, official } of written) {
    const normalised = normaliseIndonesianText(text);
    if (normalised.length === 0) continue;
    forms.push({ text: normalised, official });
    // Citizens run multi-word names together ("tambunselatan", "pantaibahagia").
    if (normalised.includes(' ')) forms.push({ text: normalised.replace(/ /g, ''), official: false });
  }
  return forms;
}

function noisyOr(confidences: readonly number[]): number {
  return 1 - confidences.reduce((rest, c) => rest * (1 - c), 1);
}

export class Gazetteer {
  private readonly byForm = new Map<string, SurfaceForm[]>();
  /** First word of the forms → the most words a form starting with it has: most words start none. */
  private readonly formsStartingWith = new Map<string, number>();
  private readonly kecamatanNames = new Map<string, string>();

  constructor(readonly places: readonly Place[]) {
    for (const place of places) {
      if (place.kind === 'kecamatan') this.kecamatanNames.set(place.code, place.name);
    }
    for (const place of places) {
      if (!this.kecamatanNames.has(place.kecamatanCode)) {
        throw new Error(`Place ${place.name} lies in unknown kecamatan '${place.kecamatanCode}'`);
      }
      for (const { text, official } of formsOf(place)) {
        const entries = this.byForm.get(text) ?? [];
        if (!entries.some((e) => e.place === place)) entries.push({ place, official });
        this.byForm.set(text, entries);
        const words = text.split(' ');
        this.formsStartingWith.set(words[0], Math.max(this.formsStartingWith.get(words[0]) ?? 0, words.length));
      }
    }
  }

  /**
   * The 23 kecamatan and 8 kelurahan of the reference data plus `extraPlaces`, by default the
   * configurable list of well-known desa.
   */
  static fromReference(extraPlaces: readonly PlaceInput[] = DEFAULT_DESA_PLACES): Gazetteer {
    const base: Place[] = [
      ...KECAMATAN.map<Place>((k) => ({ kind: 'kecamatan', code: k.code, name: k.name, kecamatanCode: k.code, aliases: k.aliases })),
      ...KELURAHAN.map<Place>((k) => ({
        kind: 'kelurahan',
        code: k.code,
        name: k.name,
        kecamatanCode: k.kecamatan,
        aliases: k.aliases,
        // "Bahagia" is an everyday word ("warga bahagia"); the kelurahan needs its qualifier.
        requiresQualifier: k.code === 'bahagia',
      })),
    ];
    return new Gazetteer(base).withPlaces(extraPlaces);
  }

  /**
   * Any regency's gazetteer: its kecamatan (with aliases) and its kelurahan and desa as places.
   */
  static fromPlaces(kecamatan: ReadonlyArray<{ code: string; name: string; aliases: readonly string[] }>, villages: readonly PlaceInput[]): Gazetteer {
    const base = kecamatan.map<Place>((k) => ({ kind: 'kecamatan', code: k.code, name: k.name, kecamatanCode: k.code, aliases: k.aliases }));
    const known = new Set(base.map((k) => k.code));
    return new Gazetteer(base).withPlaces(villages.filter((v) => known.has(v.kecamatanCode)));
  }

  /**
   * A gazetteer that also knows `extra`. A place with the kind and code of a known one adds its
   * aliases to it (this is how an admin adds "Tambsel" to Tambun Selatan); any other is new.
   */
  withPlaces(extra: readonly PlaceInput[]): Gazetteer {
    const merged = new Map<string, Place>(this.places.map((p) => [`${p.kind}:${p.code}`, p]));
    for (const input of extra) {
      const code = input.code ?? placeSlug(input.name);
      const key = `${input.kind}:${code}`;
      const known = merged.get(key);
      const aliases = input.aliases ?? [];
      if (known) {
        merged.set(key, { ...known, aliases: [...new Set([...known.aliases, ...aliases])] });
      } else {
        merged.set(key, { ...input, code, aliases: [...aliases] });
      }
    }
    return new Gazetteer([...merged.values()]);
  }

  kecamatanName(kecamatanCode: string): string | undefined {
    return this.kecamatanNames.get(kecamatanCode);
  }

  /** Every place named in `text`, in the order they appear. */
  findMentions(text: string): PlaceMention[] {
    const tokens = normalisedWords(text);
    const candidates: Array<{ start: number; length: number; forms: SurfaceForm[] }> = [];
    for (let start = 0; start < tokens.length; start++) {
      const longest = this.formsStartingWith.get(tokens[start]);
      if (longest === undefined) continue;
      for (let length = Math.min(longest, tokens.length - start); length >= 1; length--) {
        const forms = this.byForm.get(tokens.slice(start, start + length).join(' '));
        if (forms) candidates.push({ start, length, forms });
      }
    }
    candidates.sort((a, b) => b.length - a.length || a.start - b.start);

    const taken = new Array<boolean>(tokens.length).fill(false);
    const mentions: Array<{ start: number; mention: PlaceMention }> = [];
    for (const { start, length, forms } of candidates) {
      if (taken.slice(start, start + length).some(Boolean)) continue;
      const mention = this.mentionOf(forms, tokens, start, length);
      if (mention === undefined) continue;
      // Ambiguous forms still claim their words, so "cikarang utara" never yields a shorter match.
      taken.fill(true, start, start + length);
      if (mention !== null) mentions.push({ start, mention });
    }
    return mentions.sort((a, b) => a.start - b.start).map((m) => m.mention);
  }

  /**
   * The kecamatan the text is about: each kecamatan's mentions are combined (1 − Π(1 − c)), and the
   * best wins. Null when nothing is named or two kecamatan are named equally strongly.
   */
  primaryKecamatan(text: string): KecamatanResolution | null {
    const byKecamatan = new Map<string, PlaceMention[]>();
    for (const mention of this.findMentions(text)) {
      byKecamatan.set(mention.kecamatanCode, [...(byKecamatan.get(mention.kecamatanCode) ?? []), mention]);
    }
    const ranked = [...byKecamatan.entries()]
      .map(([kecamatanCode, mentions]) => ({ kecamatanCode, mentions, confidence: noisyOr(mentions.map((m) => m.confidence)) }))
      .sort((a, b) => b.confidence - a.confidence || a.kecamatanCode.localeCompare(b.kecamatanCode));
    const [best, second] = ranked;
    if (!best) return null;
    if (second && best.confidence - second.confidence < TIE_MARGIN) return null;
    return {
      kecamatanCode: best.kecamatanCode,
      kecamatanName: this.kecamatanNames.get(best.kecamatanCode) ?? best.kecamatanCode,
      confidence: best.confidence,
      mentions: best.mentions,
    };
  }

  /** undefined: the words do not name a place here; null: they do, but ambiguously. */
  private mentionOf(forms: SurfaceForm[], tokens: readonly string[], start: number, length: number): PlaceMention | null | undefined {
    const previous = tokens[start - 1];
    const villageQualified = previous !== undefined && VILLAGE_QUALIFIERS.has(previous);
    const kecamatanQualified = previous !== undefined && KECAMATAN_QUALIFIERS.has(previous);
    const usable = forms.filter(({ place }) => !place.requiresQualifier || villageQualified || kecamatanQualified);
    if (usable.length === 0) return undefined;
    if (new Set(usable.map((f) => f.place.kecamatanCode)).size > 1) return null;

    const preferred =
      (villageQualified && usable.find((f) => f.place.kind !== 'kecamatan')) ||
      usable.find((f) => f.place.kind === 'kecamatan') ||
      usable[0];
    const { place, official } = preferred;
    const isKecamatan = place.kind === 'kecamatan';
    const qualified = isKecamatan ? kecamatanQualified : villageQualified;
    const c = PLACE_MATCH_CONFIDENCE;
    const confidence = isKecamatan
      ? qualified ? c.qualifiedKecamatan : official ? c.kecamatanName : c.kecamatanAlias
      : qualified ? c.qualifiedVillage : official ? c.villageName : c.villageAlias;
    const words = tokens.slice(qualified ? start - 1 : start, start + length);
    return { kind: place.kind, code: place.code, name: place.name, kecamatanCode: place.kecamatanCode, matchedText: words.join(' '), confidence };
  }
}
