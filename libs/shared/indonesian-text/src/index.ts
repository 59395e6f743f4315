// One reading of Indonesian complaint text for every service: normaliser, slang and abbreviation
// lexicon, stemmer, unit-name matcher, kecamatan/desa finder (gazetteer), personal-data masking.
export { normaliseIndonesianText, tokenise, contentWords, wordBigrams, wordTerms, characterNgrams } from './text/indonesian-text';
export { stemIndonesian } from './text/indonesian-stemmer';
export { COMPLAINT_SLANG, COMPLAINT_PHRASE_REWRITES, INDONESIAN_STOPWORDS, STEMMER_PROTECTED_WORDS } from './text/indonesian-lexicon';

export type { Place, PlaceInput, PlaceKind, PlaceMention, KecamatanResolution } from './places/place';
export { Gazetteer, PLACE_MATCH_CONFIDENCE } from './places/gazetteer';
export { DEFAULT_DESA_PLACES, placeSlug } from './places/default-desa-places';
export { kecamatanMentionedIn } from './places/kecamatan-mention';

export type { MatchableUnit, UnitMatch, UnitMatchHow } from './units/unit-name-matcher';
export { editDistance, matchableUnits, normaliseUnitName, UnitNameMatcher } from './units/unit-name-matcher';

export type { PersonalDataKind, PersonalDataMatch } from './masking/personal-data';
export { detectPersonalData, maskPersonalData, PERSONAL_DATA_PLACEHOLDERS } from './masking/personal-data';
