export type PlaceKind = 'kecamatan' | 'kelurahan' | 'desa';

/** A place the gazetteer can recognise in a complaint text. */
export interface Place {
  kind: PlaceKind;
  /** Kebab-case code; for a kecamatan it equals `kecamatanCode`. */
  code: string;
  /** Official spelling. */
  name: string;
  /** The kecamatan the place lies in (its own code for a kecamatan). */
  kecamatanCode: string;
  /** Spelling variants seen in citizens' texts ("Tamsel", "Cik. Utara", "Kedung Pengawas"). */
  aliases: readonly string[];
  /**
   * The name is also an ordinary word ("Bahagia"): match it only right after "desa",
   * "kelurahan" or "kecamatan".
   */
  requiresQualifier?: boolean;
}

/** A place as an admin supplies it: the code may be left out and is then derived from the name. */
export type PlaceInput = Omit<Place, 'code' | 'aliases'> & { code?: string; aliases?: readonly string[] };

/** One recognised mention of a place in a text. */
export interface PlaceMention {
  kind: PlaceKind;
  code: string;
  name: string;
  kecamatanCode: string;
  /** The words that matched, in normalised form ("kecamatan tamsel", "desa cijengkol"). */
  matchedText: string;
  /** 0–1: how sure the gazetteer is that these words mean this place. */
  confidence: number;
}

/** The kecamatan a text is about, with the mentions that point to it. */
export interface KecamatanResolution {
  kecamatanCode: string;
  kecamatanName: string;
  confidence: number;
  mentions: PlaceMention[];
}
