// Duplicates are only likely within one kecamatan; complaints rarely name it formally, so the
// kecamatan is read from the names (and aliases) of kecamatan and desa/kelurahan in the text.
import { KECAMATAN, KELURAHAN } from '@bekasi/reference-data';

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

interface PlaceName {
  key: string;
  kecamatan: string;
}

// Longest names first so "Cikarang Barat" wins over a desa called "Cikarang".
const PLACE_NAMES: readonly PlaceName[] = [
  ...KECAMATAN.flatMap((k) => [k.name, ...k.aliases].map((name) => ({ key: squash(name), kecamatan: k.code }))),
  ...KELURAHAN.flatMap((d) => [d.name, ...d.aliases].map((name) => ({ key: squash(name), kecamatan: d.kecamatan }))),
]
  .filter((p) => p.key.length >= 5)
  .sort((a, b) => b.key.length - a.key.length);

const KECAMATAN_KEYS = new Set(KECAMATAN.flatMap((k) => [k.name, ...k.aliases].map(squash)));

/**
 * The kecamatan code a text most plausibly speaks of: a kecamatan named outright wins over a desa
 * (desa names repeat across kecamatan); null when nothing is named.
 */
export function kecamatanMentionedIn(text: string): string | null {
  const squashed = squash(text);
  let desaHit: string | null = null;
  for (const place of PLACE_NAMES) {
    if (!squashed.includes(place.key)) continue;
    if (KECAMATAN_KEYS.has(place.key)) return place.kecamatan;
    desaHit ??= place.kecamatan;
  }
  return desaHit;
}
