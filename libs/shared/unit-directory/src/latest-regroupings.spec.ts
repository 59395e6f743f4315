import { UnitRegroupedV1, validateEventData, type UnitRegrouped } from '@bekasi/contracts';
import { latestRegroupings } from './latest-regroupings';

const regrouped = (unitCode: string, asdaGroup: UnitRegrouped['asdaGroup'], changedAt: string): UnitRegrouped => ({
  unitCode,
  asdaGroup,
  previousAsdaGroup: 'I',
  changedAt,
  changedBy: 'admin',
});

describe('latestRegroupings', () => {
  it('keeps per unit the change with the latest changedAt, whatever the order they came in', () => {
    const out = latestRegroupings([
      { id: 'b', data: regrouped('DINSOS', 'III', '2026-03-02T10:00:00.000Z') },
      { id: 'a', data: regrouped('DINSOS', 'II', '2026-03-01T10:00:00.000Z') },
      { id: 'c', data: regrouped('DLH', 'I', '2026-03-01T09:00:00.000Z') },
    ]);
    expect(out.map((r) => [r.data.unitCode, r.data.asdaGroup, r.id]).sort()).toEqual([
      ['DINSOS', 'III', 'b'],
      ['DLH', 'I', 'c'],
    ]);
  });

  it('settles a tie of changedAt by the greater event id, so every service picks the same one', () => {
    const at = '2026-03-01T10:00:00.000Z';
    const forward = latestRegroupings([{ id: '1', data: regrouped('DINSOS', 'II', at) }, { id: '2', data: regrouped('DINSOS', 'III', at) }]);
    const backward = latestRegroupings([{ id: '2', data: regrouped('DINSOS', 'III', at) }, { id: '1', data: regrouped('DINSOS', 'II', at) }]);
    expect(forward).toEqual(backward);
    expect(forward[0].data.asdaGroup).toBe('III');
  });

  it('gives nothing for no events', () => {
    expect(latestRegroupings([])).toEqual([]);
  });
});

describe('unit.regrouped v1 contract', () => {
  it('accepts a regrouping and names the field of a bad group', () => {
    expect(validateEventData(UnitRegroupedV1, regrouped('DINSOS', 'II', '2026-03-01T10:00:00.000Z'))).toEqual([]);
    const violations = validateEventData(UnitRegroupedV1, { ...regrouped('DINSOS', 'II', '2026-03-01T10:00:00.000Z'), asdaGroup: 'IV' });
    expect(violations.map((v) => v.path)).toContain('/asdaGroup');
  });

  it('refuses a regrouping without who made it or when', () => {
    const { changedBy: _by, ...noActor } = regrouped('DINSOS', 'II', '2026-03-01T10:00:00.000Z');
    expect(validateEventData(UnitRegroupedV1, noActor).map((v) => v.path)).toContain('/changedBy');
    expect(validateEventData(UnitRegroupedV1, { ...noActor, changedBy: 'admin', changedAt: 'kemarin' }).map((v) => v.path)).toContain('/changedAt');
  });
});
