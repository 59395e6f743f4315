// CONFIGURABLE DEFAULT: the desa the gazetteer knows out of the box, so a complaint that names only
// its village ("Desa Cijengkol") still finds its kecamatan. They come from the configured regency's
// reference data (Kabupaten Bekasi has about 180 desa; its bekasi-desa.json is a modest,
// hand-checked start, not the full list). Names that are also common words or exist in more
// than one kecamatan are left out there, because a wrong kecamatan sends a camat complaint to the
// wrong camat. Admins extend the list (and add aliases) through `Gazetteer.withPlaces`.
import { DESA } from '@bekasi/reference-data';
import type { PlaceInput } from './place';

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The default desa, as places for `Gazetteer.withPlaces` (a configurable default, see above). */
export const DEFAULT_DESA_PLACES: readonly PlaceInput[] = DESA.map(({ code, name, kecamatan, aliases }) => ({
  kind: 'desa',
  code,
  name,
  kecamatanCode: kecamatan,
  aliases,
}));

export { slug as placeSlug };
