import { anExample } from '../testing/routing-mothers';
import { CAMAT_CLASS, complaintDocument, DispositionModel, MODEL_FORMAT, trainDispositionModel, type DispositionModelJson } from './disposition-model';

const HISTORY = [
  anExample('SDABMBK', 'Jalan rusak parah dan berlubang di depan sekolah, mohon diperbaiki', 'Jalan Berlubang'),
  anExample('SDABMBK', 'Saluran air tersumbat, jalan tergenang tiap hujan', 'Drainase'),
  anExample('DLH', 'Sampah menumpuk di TPS tidak diangkut dua minggu', 'Pengelolaan Sampah'),
  anExample('DLH', 'Bau busuk dari tumpukan sampah di pinggir kali', 'Pengelolaan Sampah'),
  anExample('DINSOS', 'Bansos PKH keluarga kami tidak cair, mohon dicek DTKS', 'Bantuan Sosial'),
  anExample('DINSOS', 'BPJS PBI ibu saya nonaktif padahal tidak mampu', 'Bantuan Sosial'),
  anExample('KEC_BABELAN', 'Surat keterangan domisili dipersulit di kantor desa', 'Pemerintahan Desa'),
  anExample('KEC_SUKATANI', 'Kepala desa jarang di kantor, pelayanan desa lambat', 'Pemerintahan Desa'),
];

describe('DispositionModel', () => {
  const coldStart = trainDispositionModel([]);
  const trained = trainDispositionModel(HISTORY);
  const top = (model: DispositionModel, text: string, category?: string | null) => model.predict(text, category)[0].unitCode;

  describe('cold start from the reference topics', () => {
    it.each([
      ['Jalan berlubang makin dalam, motor jatuh', 'SDABMBK'],
      ['KTP-el belum jadi, blangko kosong', 'DISDUKCAPIL'],
      ['Air PDAM mati tiga hari, tagihan jalan terus', 'TIRTA_BHAGASASI'],
      ['Anak tetangga jadi korban kekerasan, mohon perlindungan anak', 'DP3A'],
      ['Damkar datang terlambat saat kebakaran', 'DISDAMKAR'],
      ['Minta surat keterangan ahli waris dan pengantar RT/RW', CAMAT_CLASS],
    ])('routes "%s" to %s', (text, unit) => {
      expect(top(coldStart, text)).toBe(unit);
    });

    it('knows every handling unit and one camat class', () => {
      expect(coldStart.classes).toContain(CAMAT_CLASS);
      expect(coldStart.classes.filter((c) => c.startsWith('KEC_'))).toEqual([CAMAT_CLASS]);
      expect(coldStart.classes).toHaveLength(26);
    });

    it('refuses to train on nothing', () => {
      expect(() => trainDispositionModel([], { topicWeight: 0 })).toThrow(/Nothing to learn/);
    });
  });

  describe('learning from history', () => {
    it('learns a unit the reference topics do not know', () => {
      const model = trainDispositionModel([
        ...HISTORY,
        anExample('DISPARBUD', 'Objek wisata pantai kotor dan tiket wisata mahal'),
        anExample('DISPARBUD', 'Tempat wisata danau tidak terawat'),
      ]);
      expect(top(model, 'wisata danau kotor')).toBe('DISPARBUD');
    });

    it('copes with misspellings through character n-grams', () => {
      const model = trainDispositionModel(HISTORY, { topicWeight: 0 });
      expect(top(model, 'sampahh numpukk gk diangkutt')).toBe('DLH');
    });

    it('uses the category as strong evidence', () => {
      const model = trainDispositionModel(HISTORY, { topicWeight: 0 });
      expect(top(model, 'mohon segera ditindaklanjuti', 'Bantuan Sosial')).toBe('DINSOS');
      expect(top(model, 'mohon segera ditindaklanjuti', 'Pengelolaan Sampah')).toBe('DLH');
    });

    it('trains all camat units as one class unless told otherwise', () => {
      expect(trained.classes).toContain(CAMAT_CLASS);
      expect(trained.trainingCounts[CAMAT_CLASS]).toBe(2);
      const separate = trainDispositionModel(HISTORY, { collapseCamatUnits: false, topicWeight: 0 });
      expect(separate.classes).toEqual(expect.arrayContaining(['KEC_BABELAN', 'KEC_SUKATANI']));
      expect(separate.classes).not.toContain(CAMAT_CLASS);
    });

    it('counts only real complaints in the training counts', () => {
      expect(trained.trainingCounts).toMatchObject({ SDABMBK: 2, DLH: 2, DINSOS: 2, DISDUKCAPIL: 0 });
    });
  });

  describe('probabilities', () => {
    it('sum to one and come sorted, ties broken by unit code', () => {
      const ranked = trained.predict('jalan rusak');
      expect(ranked.reduce((sum, p) => sum + p.probability, 0)).toBeCloseTo(1, 10);
      for (let i = 1; i < ranked.length; i++) {
        const [a, b] = [ranked[i - 1], ranked[i]];
        expect(a.probability > b.probability || (a.probability === b.probability && a.unitCode < b.unitCode)).toBe(true);
      }
    });

    it('fall back to the priors for text the model knows nothing of', () => {
      const model = trainDispositionModel([...HISTORY, anExample('DLH', 'sampah'), anExample('DLH', 'sampah lagi')], { topicWeight: 0 });
      expect(top(model, 'xyzzy qwerty')).toBe('DLH');
    });

    it('are sharper at a lower temperature', () => {
      const text = 'Jalan rusak berlubang';
      const sharp = trained.withTemperature(0.1).predict(text)[0].probability;
      const flat = trained.withTemperature(1).predict(text)[0].probability;
      expect(sharp).toBeGreaterThan(flat);
      expect(() => trained.withTemperature(0)).toThrow();
    });

    it('are less sure of a text with few telling words than of a clear one', () => {
      const vague = trained.predict('tolong diperbaiki')[0].probability;
      const clear = trained.predict('Sampah menumpuk bau busuk di TPS tidak diangkut')[0].probability;
      expect(vague).toBeLessThan(clear);
      expect(vague).toBeLessThan(0.5);
    });
  });

  it('explains a prediction with words, characters grams counting for the word they came from', () => {
    const reading = coldStart.read('Jalan berlubang di depan pasar');
    const words = coldStart.explain(reading, 'SDABMBK');
    expect(words.length).toBeGreaterThan(0);
    expect(words.length).toBeLessThanOrEqual(3);
    expect(words).toEqual(expect.arrayContaining(['jalan']));
    expect(words.every((w) => !w.includes('_'))).toBe(true);
    expect(coldStart.explain(reading, 'NO_SUCH_UNIT')).toEqual([]);
  });

  describe('history', () => {
    it('weighs rare units up (class balance) so one past complaint still counts', () => {
      const many = Array.from({ length: 30 }, (_, i) => anExample('DLH', `sampah menumpuk di pasar nomor ${i}`));
      const model = trainDispositionModel([...many, anExample('DISDAMKAR', 'sarang tawon besar di atap pasar')], { topicWeight: 0 });
      expect(model.predict('ada sarang tawon di pasar')[0].unitCode).toBe('DISDAMKAR');
      const unbalanced = trainDispositionModel([...many, anExample('DISDAMKAR', 'sarang tawon besar di atap pasar')], { topicWeight: 0, classBalance: 0 });
      expect(unbalanced.predict('ada sarang tawon di pasar')[0].probability).toBeLessThan(model.predict('ada sarang tawon di pasar')[0].probability);
    });

    it('weighs recent dispositions more than old ones (drift)', () => {
      const old = Array.from({ length: 6 }, (_, i) => ({ ...anExample('DINSOS', 'info bantuan pendaftaran'), receivedAt: `2021-0${1 + i}-01` }));
      const recent = Array.from({ length: 4 }, (_, i) => ({ ...anExample('DISKOMINFOSANTIK', 'info bantuan pendaftaran'), receivedAt: `2024-0${1 + i}-01` }));
      const settings = { topicWeight: 0, classBalance: 0 };
      expect(trainDispositionModel([...old, ...recent], { ...settings, halfLifeDays: 180 }).predict('info bantuan pendaftaran')[0].unitCode).toBe('DISKOMINFOSANTIK');
      expect(trainDispositionModel([...old, ...recent], { ...settings, halfLifeDays: null }).predict('info bantuan pendaftaran')[0].unitCode).toBe('DINSOS');
    });

    it('learns which camat from the place names of camat complaints (the place model)', () => {
      const camat = [
        anExample('KEC_BABELAN', 'surat domisili dipersulit di kampung Pulo Asem'),
        anExample('KEC_BABELAN', 'kantor desa tutup, warga Pulo Asem bingung'),
        anExample('KEC_SUKATANI', 'surat pengantar lama di kampung Rawa Kalong'),
        anExample('KEC_SUKATANI', 'pelayanan desa lambat di Rawa Kalong'),
      ];
      const model = trainDispositionModel([...HISTORY, ...camat]);
      const reading = model.read('surat keterangan ditolak di Pulo Asem');
      expect(reading.probabilities[0].unitCode).toBe(CAMAT_CLASS);
      expect(model.camatDistribution(reading)[0].unitCode).toBe('KEC_BABELAN');
      expect(coldStart.camatDistribution(coldStart.read('surat keterangan di Pulo Asem'))).toEqual([]);
    });

    it('reads the LAPOR! classification as a feature', () => {
      const examples = [
        ...Array.from({ length: 3 }, () => ({ ...anExample('DISKOMINFOSANTIK', 'mohon data anggaran'), classification: 'Permintaan Informasi' })),
        ...Array.from({ length: 3 }, () => ({ ...anExample('INSPEKTORAT', 'mohon data anggaran'), classification: 'Pengaduan Berkadar Pengawasan' })),
      ];
      const model = trainDispositionModel(examples, { topicWeight: 0 });
      expect(model.predict('mohon data anggaran', null, 'Permintaan Informasi')[0].unitCode).toBe('DISKOMINFOSANTIK');
      expect(model.predict('mohon data anggaran', null, 'Pengaduan Berkadar Pengawasan')[0].unitCode).toBe('INSPEKTORAT');
    });
  });

  it('reads title and body together', () => {
    expect(complaintDocument('Sampah menumpuk', 'di TPS pasar')).toBe('Sampah menumpuk\ndi TPS pasar');
    expect(complaintDocument('', 'di TPS pasar')).toBe('di TPS pasar');
    expect(complaintDocument(null, 'di TPS pasar')).toBe('di TPS pasar');
  });

  describe('serialisation', () => {
    it('is deterministic: the same data gives the same model', () => {
      expect(JSON.stringify(trainDispositionModel(HISTORY))).toBe(JSON.stringify(trained));
    });

    it('survives a round trip through JSON text', () => {
      const restored = DispositionModel.fromJSON(JSON.parse(JSON.stringify(trained.toJSON())) as DispositionModelJson);
      for (const text of ['jalan rusak', 'sampah menumpuk', 'bansos tidak cair', 'surat domisili']) {
        expect(restored.predict(text)).toEqual(trained.predict(text));
      }
      expect(restored.options).toEqual(trained.options);
    });

    it('rejects something that is not a model or an unknown format version', () => {
      expect(() => DispositionModel.fromJSON({ format: 'other' } as unknown as DispositionModelJson)).toThrow(/Not a disposition model/);
      expect(() => DispositionModel.fromJSON({ ...trained.toJSON(), formatVersion: 99 })).toThrow(/retrain/);
      expect(trained.toJSON().format).toBe(MODEL_FORMAT);
    });
  });
});
