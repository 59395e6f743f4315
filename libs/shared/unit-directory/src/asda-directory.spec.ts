import type { DataSource } from 'typeorm';
import { AsdaDirectory } from './asda-directory';

type Row = { unit_code: string; asda_group: string };

/** A DataSource whose reads of unit_groups answer when the test says so (seeding answers at once). */
function controlledDataSource() {
  const pending: Array<(rows: Row[]) => void> = [];
  const manager = {
    connection: { options: { schema: 's' } },
    query: (sql: string) => (sql.startsWith('INSERT') ? Promise.resolve([]) : new Promise<Row[]>((resolve) => pending.push(resolve))),
  };
  return { dataSource: { manager } as unknown as DataSource, answer: (i: number, rows: Row[]) => pending[i](rows), reads: () => pending.length };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('AsdaDirectory', () => {
  it('answers groups and members from the last read', async () => {
    const db = controlledDataSource();
    const directory = new AsdaDirectory(db.dataSource);
    const opened = directory.open();
    await settle();
    db.answer(0, [{ unit_code: 'DINSOS', asda_group: 'I' }, { unit_code: 'DLH', asda_group: 'II' }, { unit_code: 'DINKES', asda_group: 'I' }]);
    await opened;
    expect(directory.groupOf('DINSOS')).toBe('I');
    expect(directory.groupOf('NOPE')).toBeNull();
    expect(directory.unitsOfAsda('I')).toEqual(['DINSOS', 'DINKES']);
    expect(directory.unitsOfAsda('III')).toEqual([]);
  });

  it('drops a read that started before a newer one that already answered', async () => {
    const db = controlledDataSource();
    const directory = new AsdaDirectory(db.dataSource);
    const older = directory.reload(); // e.g. the periodic refresh, before the regrouping committed
    const newer = directory.reload(); // the handler's, after the commit
    await settle();
    expect(db.reads()).toBe(2);
    db.answer(1, [{ unit_code: 'DINSOS', asda_group: 'II' }]);
    await newer;
    db.answer(0, [{ unit_code: 'DINSOS', asda_group: 'I' }]);
    await older;
    expect(directory.groupOf('DINSOS')).toBe('II');
    expect(directory.unitsOfAsda('I')).toEqual([]);
  });
});
