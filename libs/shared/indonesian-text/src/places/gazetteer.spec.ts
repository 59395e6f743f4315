import { KECAMATAN } from '@bekasi/reference-data';
import { DEFAULT_DESA_PLACES } from './default-desa-places';
import { Gazetteer, PLACE_MATCH_CONFIDENCE } from './gazetteer';

describe('Gazetteer', () => {
  const gazetteer = Gazetteer.fromReference();
  const kecamatanOf = (text: string) => gazetteer.primaryKecamatan(text)?.kecamatanCode ?? null;

  describe('kecamatan', () => {
    it.each([
      ['Jalan rusak di Babelan', 'babelan'],
      ['Banjir di Kecamatan Tambun Selatan', 'tambun-selatan'],
      ['banjir di kec. tambun selatan', 'tambun-selatan'],
      ['sampah numpuk di Tamsel', 'tambun-selatan'],
      ['macet parah di Cikut tiap sore', 'cikarang-utara'],
      ['pasar Cik. Utara kumuh', 'cikarang-utara'],
      ['warga Muara Gembong kesulitan air', 'muaragembong'],
      ['warga muaragembong kesulitan air', 'muaragembong'],
      ['jalan di Kedung Waringin rusak', 'kedungwaringin'],
      ['lampu mati di tambunselatan', 'tambun-selatan'],
      ['KECAMATAN CIKARANG BARAT', 'cikarang-barat'],
    ])('finds the kecamatan in "%s"', (text, code) => {
      expect(kecamatanOf(text)).toBe(code);
    });

    it('knows all 23 kecamatan by their official names', () => {
      for (const k of KECAMATAN) expect(kecamatanOf(`Kecamatan ${k.name}`)).toBe(k.code);
    });

    it('does not read "Cikarang" alone as any kecamatan', () => {
      expect(gazetteer.findMentions('PKL menutup trotoar sekitar Pasar Cikarang')).toEqual([]);
      expect(kecamatanOf('Kecamatan Cikarang')).toBeNull();
    });

    it('rates a mention by how it was written', () => {
      const [qualified] = gazetteer.findMentions('di Kecamatan Babelan');
      const [bare] = gazetteer.findMentions('di Babelan');
      const [alias] = gazetteer.findMentions('di Tamsel');
      expect(qualified).toMatchObject({ kind: 'kecamatan', code: 'babelan', matchedText: 'kecamatan babelan', confidence: PLACE_MATCH_CONFIDENCE.qualifiedKecamatan });
      expect(bare).toMatchObject({ matchedText: 'babelan', confidence: PLACE_MATCH_CONFIDENCE.kecamatanName });
      expect(alias).toMatchObject({ code: 'tambun-selatan', name: 'Tambun Selatan', matchedText: 'tamsel', confidence: PLACE_MATCH_CONFIDENCE.kecamatanAlias });
    });
  });

  describe('kelurahan and desa', () => {
    it('maps a kelurahan to its kecamatan (Kertasari lies in Pebayuran, not Babelan)', () => {
      expect(gazetteer.findMentions('Kelurahan Kertasari')).toEqual([
        { kind: 'kelurahan', code: 'kertasari', name: 'Kertasari', kecamatanCode: 'pebayuran', matchedText: 'kelurahan kertasari', confidence: PLACE_MATCH_CONFIDENCE.qualifiedVillage },
      ]);
    });

    it.each([
      ['Sumur warga di Desa Pantai Bahagia kering', 'muaragembong'],
      ['pertigaan Kedungpengawas', 'babelan'],
      ['pertigaan arah Kedung Pengawas', 'babelan'],
      ['perumahan di Desa Mekarsari', 'tambun-selatan'],
      ['TPS dekat pasar ds Cijengkol', 'setu'],
      ['banjir di Buni Bakti', 'babelan'],
    ])('maps the desa in "%s" to its kecamatan', (text, code) => {
      expect(kecamatanOf(text)).toBe(code);
    });

    it('needs the qualifier for a kelurahan whose name is an everyday word', () => {
      expect(gazetteer.findMentions('warga tidak bahagia dengan pelayanan')).toEqual([]);
      expect(kecamatanOf('Kelurahan Bahagia')).toBe('babelan');
    });

    it('prefers the longest name, so "Pantai Bahagia" is not the kelurahan Bahagia', () => {
      const mentions = gazetteer.findMentions('Desa Pantai Bahagia');
      expect(mentions.map((m) => m.code)).toEqual(['pantai-bahagia']);
    });
  });

  describe('primaryKecamatan', () => {
    it('combines the mentions of one kecamatan', () => {
      const resolution = gazetteer.primaryKecamatan('Kami warga Desa Sukamurni, Sukakarya, mengusulkan halte di pertigaan Sukatani');
      expect(resolution).toMatchObject({ kecamatanCode: 'sukakarya', kecamatanName: 'Sukakarya' });
      expect(resolution!.mentions.map((m) => m.code)).toEqual(['sukamurni', 'sukakarya']);
      expect(resolution!.confidence).toBeGreaterThan(PLACE_MATCH_CONFIDENCE.qualifiedVillage);
      expect(resolution!.confidence).toBeLessThan(1);
    });

    it('returns null when nothing is named', () => {
      expect(gazetteer.primaryKecamatan('pak tolong dong diperbaiki')).toBeNull();
    });

    it('returns null when two kecamatan are named equally strongly', () => {
      expect(gazetteer.primaryKecamatan('jalan antara Babelan dan Tarumajaya rusak')).toBeNull();
    });
  });

  describe('withPlaces', () => {
    it('adds a desa an admin manages', () => {
      const extended = gazetteer.withPlaces([{ kind: 'desa', name: 'Sukaindah', kecamatanCode: 'sukakarya' }]);
      expect(extended.findMentions('Desa Sukaindah')).toEqual([
        expect.objectContaining({ kind: 'desa', code: 'sukaindah', kecamatanCode: 'sukakarya' }),
      ]);
      expect(gazetteer.findMentions('Desa Sukaindah')).toEqual([]);
    });

    it('adds an alias to a known kecamatan', () => {
      const extended = gazetteer.withPlaces([
        { kind: 'kecamatan', code: 'tambun-selatan', name: 'Tambun Selatan', kecamatanCode: 'tambun-selatan', aliases: ['Tambsel'] },
      ]);
      expect(extended.primaryKecamatan('banjir di tambsel')?.kecamatanCode).toBe('tambun-selatan');
      expect(extended.primaryKecamatan('banjir di tamsel')?.kecamatanCode).toBe('tambun-selatan');
      expect(extended.places.filter((p) => p.code === 'tambun-selatan')).toHaveLength(1);
    });

    it('treats a name shared by desa in two kecamatan as ambiguous', () => {
      const extended = gazetteer.withPlaces([
        { kind: 'desa', code: 'sukamaju-a', name: 'Sukamaju', kecamatanCode: 'tambelang' },
        { kind: 'desa', code: 'sukamaju-b', name: 'Sukamaju', kecamatanCode: 'sukakarya' },
      ]);
      expect(extended.findMentions('Desa Sukamaju')).toEqual([]);
    });

    it('rejects a place in an unknown kecamatan', () => {
      expect(() => gazetteer.withPlaces([{ kind: 'desa', name: 'Antah', kecamatanCode: 'berantah' }])).toThrow(/unknown kecamatan/);
    });
  });

  it('seeds only desa in known kecamatan, each once', () => {
    const codes = DEFAULT_DESA_PLACES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    const kecamatan = new Set(KECAMATAN.map((k) => k.code));
    expect(DEFAULT_DESA_PLACES.every((p) => kecamatan.has(p.kecamatanCode))).toBe(true);
    expect(DEFAULT_DESA_PLACES).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Pantai Bahagia', kecamatanCode: 'muaragembong' }),
        expect.objectContaining({ name: 'Kedungpengawas', kecamatanCode: 'babelan' }),
        expect.objectContaining({ name: 'Mekarsari', kecamatanCode: 'tambun-selatan' }),
      ]),
    );
  });
});
