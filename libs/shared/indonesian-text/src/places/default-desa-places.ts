// CONFIGURABLE DEFAULT: desa the gazetteer knows out of the box, so a complaint that names only its
// village ("Desa Cijengkol") still finds its kecamatan. Kabupaten Bekasi has about 180 desa; this
// is a modest, hand-checked start, not the full list. Every entry is one whose kecamatan we are
// sure of: the villages named in the synthetic sample export (whose texts state the kecamatan) and
// a few widely reported ones. Names that are also common words or exist in more than one
// kecamatan are left out, because a wrong kecamatan sends a camat complaint to the wrong camat.
// Admins extend the list (and add aliases) through `Gazetteer.withPlaces`.
import type { PlaceInput } from './place';

type DesaSeed = readonly [name: string, kecamatanCode: string, aliases?: readonly string[]];

const DESA_SEEDS: readonly DesaSeed[] = [
  // Named in the sample export (shared/data/sample-laporan-ringkas).
  ['Pantai Bahagia', 'muaragembong'],
  ['Kedungpengawas', 'babelan', ['Kedung Pengawas']],
  ['Buni Bakti', 'babelan', ['Bunibakti']],
  ['Mekarsari', 'tambun-selatan', ['Mekar Sari']],
  ['Lambangsari', 'tambun-selatan', ['Lambang Sari']],
  ['Setiadarma', 'tambun-selatan', ['Setia Darma']],
  ['Cijengkol', 'setu'],
  ['Wanajaya', 'cibitung', ['Wana Jaya']],
  ['Muktiwari', 'cibitung', ['Mukti Wari']],
  ['Sukamahi', 'cikarang-pusat'],
  ['Pasirranji', 'cikarang-pusat', ['Pasir Ranji']],
  ['Sukamurni', 'sukakarya'],
  ['Karangsambung', 'kedungwaringin', ['Karang Sambung']],
  ['Srimukti', 'tambun-utara', ['Sri Mukti']],
  ['Sukadami', 'cikarang-selatan'],
  ['Telagamurni', 'cikarang-barat', ['Telaga Murni']],
  ['Sukaragam', 'serang-baru'],
  ['Jatireja', 'cikarang-timur', ['Jati Reja']],
  ['Karangsatu', 'karangbahagia', ['Karang Satu']],
  ['Pusakarakyat', 'tarumajaya', ['Pusaka Rakyat']],
  ['Sukamanah', 'sukatani'],
  // Widely reported villages.
  ['Muara Bakti', 'babelan', ['Muarabakti']],
  ['Hurip Jaya', 'babelan', ['Huripjaya']],
  ['Pantai Bakti', 'muaragembong', ['Pantaibakti']],
  ['Pantai Mekar', 'muaragembong', ['Pantaimekar']],
  ['Pantai Harapan Jaya', 'muaragembong'],
  ['Cicau', 'cikarang-pusat'],
  ['Jayamukti', 'cikarang-pusat', ['Jaya Mukti']],
  ['Hegarmukti', 'cikarang-pusat', ['Hegar Mukti']],
  ['Karangasih', 'cikarang-utara', ['Karang Asih']],
  ['Wangunharja', 'cikarang-utara', ['Wangun Harja']],
  ['Sukadanau', 'cikarang-barat', ['Suka Danau']],
  ['Kalijaya', 'cikarang-barat', ['Kali Jaya']],
  ['Setiamekar', 'tambun-selatan', ['Setia Mekar']],
  ['Tridayasakti', 'tambun-selatan', ['Tridaya Sakti']],
  ['Segaramakmur', 'tarumajaya', ['Segara Makmur']],
  ['Pantai Makmur', 'tarumajaya', ['Pantaimakmur']],
];

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The default desa, as places for `Gazetteer.withPlaces` (a configurable default, see above). */
export const DEFAULT_DESA_PLACES: readonly PlaceInput[] = DESA_SEEDS.map(([name, kecamatanCode, aliases]) => ({
  kind: 'desa',
  code: slug(name),
  name,
  kecamatanCode,
  aliases: aliases ?? [],
}));

export { slug as placeSlug };
