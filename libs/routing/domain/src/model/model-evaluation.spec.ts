import { aTimedExample, anExample } from '../testing/routing-mothers';
import { CAMAT_CLASS, trainDispositionModel } from './disposition-model';
import { calibrateTemperature, DEFAULT_TEMPERATURE_GRID, evaluateModel, scoreModel, splitByTime } from './model-evaluation';

describe('splitByTime', () => {
  const examples = [
    aTimedExample('C', '2026-10-03T08:00:00+07:00'),
    aTimedExample('A', '2026-10-01T08:00:00+07:00'),
    aTimedExample('D', '2026-10-04'),
    aTimedExample('B1', '2026-10-02T08:00:00+07:00'),
    aTimedExample('B2', '2026-10-02T08:00:00+07:00'),
    aTimedExample('E', '2026-10-05T08:00:00+07:00'),
  ];

  it('trains on the older part and tests on the newer', () => {
    const { train, test } = splitByTime(examples, 2 / 3);
    expect(train.map((e) => e.unitCode)).toEqual(['A', 'B1', 'B2', 'C']);
    expect(test.map((e) => e.unitCode)).toEqual(['D', 'E']);
  });

  it('keeps the input order of simultaneous complaints', () => {
    const { train } = splitByTime([examples[4], examples[3]], 0.5);
    expect(train.map((e) => e.unitCode)).toEqual(['B2']);
  });

  it('rejects a fraction outside (0, 1) and unreadable dates', () => {
    expect(() => splitByTime(examples, 0)).toThrow();
    expect(() => splitByTime(examples, 1)).toThrow();
    expect(() => splitByTime([aTimedExample('X', 'kemarin')], 0.5)).toThrow(/Unreadable/);
  });
});

describe('evaluating the model', () => {
  const train = [
    anExample('DLH', 'sampah menumpuk tidak diangkut'),
    anExample('DLH', 'sampah bau busuk di TPS'),
    anExample('DISDUKCAPIL', 'KTP belum jadi blangko kosong'),
    anExample('DISDUKCAPIL', 'akta kelahiran anak belum terbit'),
  ];
  const test = [
    anExample('DLH', 'sampah di TPS tidak diangkut'),
    anExample('DISDUKCAPIL', 'sampah menumpuk dekat kantor'),
  ];
  const settings = { topicWeight: 0 };

  it('counts top-1 and top-3 hits', () => {
    const result = evaluateModel(train, test, 0);
    expect(result.n).toBe(2);
    expect(result.top1Accuracy).toBe(0.5);
    expect(result.top3Accuracy).toBe(1);
  });

  it('measures what auto-routing at a threshold would cover and how precise it would be', () => {
    const model = trainDispositionModel(train, settings);
    expect(scoreModel(model, test, 0)).toMatchObject({ coverageAtThreshold: 1, precisionAtThreshold: 0.5 });
    expect(scoreModel(model, test, 1.01)).toMatchObject({ coverageAtThreshold: 0, precisionAtThreshold: null });
  });

  it('judges camat complaints against the camat class', () => {
    const model = trainDispositionModel([anExample('KEC_BABELAN', 'surat domisili kantor desa'), ...train], settings);
    expect(model.classes).toContain(CAMAT_CLASS);
    expect(scoreModel(model, [anExample('KEC_SUKATANI', 'surat domisili di kantor desa')], 0).top1Accuracy).toBe(1);
  });

  it('refuses an empty test set', () => {
    expect(() => evaluateModel(train, [], 0.5)).toThrow(/empty/);
  });
});

describe('calibrateTemperature', () => {
  const model = trainDispositionModel([
    anExample('DLH', 'sampah menumpuk tidak diangkut'),
    anExample('DISDUKCAPIL', 'KTP belum jadi blangko kosong'),
  ]);
  const validation = [anExample('DLH', 'sampah tidak diangkut seminggu'), anExample('DISDUKCAPIL', 'blangko KTP kosong terus')];

  it('picks the grid temperature with the lowest log-loss and returns the model using it', () => {
    const result = calibrateTemperature(model, validation);
    expect(DEFAULT_TEMPERATURE_GRID).toContain(result.temperature);
    expect(result.model.options.temperature).toBe(result.temperature);
    for (const t of DEFAULT_TEMPERATURE_GRID) {
      const other = calibrateTemperature(model, validation, [t]);
      expect(result.logLoss).toBeLessThanOrEqual(other.logLoss);
    }
  });

  it('refuses to calibrate on nothing', () => {
    expect(() => calibrateTemperature(model, [])).toThrow(/empty/);
    expect(() => calibrateTemperature(model, validation, [])).toThrow(/empty/);
  });
});
