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

const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const REPLACEMENTS: Record<string, string> = { '≥': '>=', '≤': '<=', '≠': '!=', '→': '->', '←': '<-', '×': 'x' };

/**
 * Text the PDF's standard fonts can draw (WinAnsi): users' titles and reasons may hold anything, so
 * letters lose the accents WinAnsi lacks (ş → s), a few signs are spelt out, the rest becomes "?".
 */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.includes(ch)) out += ch;
    else if (REPLACEMENTS[ch]) out += REPLACEMENTS[ch];
    else if (code === 0x09 || code === 0x0a || code === 0x0d) out += ' ';
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base.length > 0 && [...base].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) <= 0x7e) ? base : '?';
    }
  }
  return out;
}
