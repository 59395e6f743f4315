import { aTimedExample } from '../testing/routing-mothers';
import { runTraining } from './model-training';

const day = (n: number) => `2026-10-${String(n).padStart(2, '0')}T08:00:00+07:00`;
const history = [
  ...Array.from({ length: 10 }, (_, i) => aTimedExample('DLH', day(1 + i), `sampah menumpuk tidak diangkut di gang ${i}`)),
  ...Array.from({ length: 10 }, (_, i) => aTimedExample('SDABMBK', day(1 + i), `jalan berlubang parah di jalan desa ${i}`)),
];

describe('runTraining', () => {
  it('measures on the newest slice and trains the model in use on everything', () => {
    const run = runTraining(history, { holdoutFraction: 0.2, threshold: 0.5, minHoldout: 2 });
    expect(run.nExamples).toBe(20);
    expect(run.heldOut).toMatchObject({ nTrain: 16, nTest: 4, threshold: 0.5, top1Accuracy: 1 });
    expect(run.model.trainingCounts).toMatchObject({ DLH: 10, SDABMBK: 10 });
  });

  it('reports no measurement when too little is held out', () => {
    const run = runTraining(history.slice(0, 4), { minHoldout: 5 });
    expect(run.heldOut).toBeNull();
    expect(run.nExamples).toBe(4);
  });

  it('still trains a cold-start model from the unit topics without any history', () => {
    const run = runTraining([]);
    expect(run.heldOut).toBeNull();
    expect(run.model.predict('sampah menumpuk')[0].unitCode).toBe('DLH');
  });

  it('lets the caller measure the held-out slice its own way', () => {
    const run = runTraining(history, {
      minHoldout: 2,
      measure: (_model, heldOut) => ({ top1Accuracy: heldOut.length, precisionAtThreshold: null, coverageAtThreshold: 0 }),
    });
    expect(run.heldOut).toMatchObject({ top1Accuracy: 4, precisionAtThreshold: null, coverageAtThreshold: 0 });
    expect(run.heldOut?.model?.n).toBe(4);
  });
});
