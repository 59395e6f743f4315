const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "Desember 2026" for 2026-12. */
export function monthName(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "Des" for 2026-12: chart axes. */
export function monthShort(period: string): string {
  return MONTHS[Number(period.slice(5, 7)) - 1].slice(0, 3);
}

/** A score as the pack prints it (one decimal, comma), or a dash. */
export function scoreText(score: number | null): string {
  return score === null ? '-' : score.toFixed(1).replace('.', ',');
}

export function percentText(value: number): string {
  return `${value.toFixed(1).replace('.', ',')} %`;
}

export function rupiahText(value: number): string {
  return 'Rp ' + Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "1" or "1 (seri)": a tie is shown as a tie. */
export function rankText(rank: number | null, tied: boolean): string {
  return rank === null ? '-' : tied ? `${rank} (seri)` : String(rank);
}

export function dateText(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()}`;
}

export const ZONE_COLOURS: Record<string, string> = { hijau: '#2e7d32', kuning: '#f9a825', merah: '#c62828' };
export const ZONE_NAMES: Record<string, string> = { hijau: 'Hijau', kuning: 'Kuning', merah: 'Merah' };
