import { pdfText, rankText, rupiahText, scoreText } from './rapim-labels';

describe('Rapim pack text', () => {
  it('keeps what the PDF fonts can draw and spells out or replaces the rest', () => {
    expect(pdfText('Kasus ≥ 20 “kutip” Ü ñ — ş ğ 😀\tx')).toBe('Kasus >= 20 “kutip” Ü ñ — s g ? x');
  });

  it('prints scores, ranks and rupiah the Indonesian way', () => {
    expect([scoreText(87.25), scoreText(null), rankText(1, true), rankText(3, false), rankText(null, false), rupiahText(1250000.4)]).toEqual(['87,3', '-', '1 (seri)', '3', '-', 'Rp 1.250.000']);
  });
});
