import { UNITS } from '@bekasi/reference-data';
import { demoUsersFor } from './demo-seed';

describe('demo users', () => {
  const users = demoUsersFor(UNITS);

  it('has one user per regency-wide role, one Asda per group, an officer and a unit head per unit', () => {
    expect(users.filter((u) => ['admin', 'sekda', 'bupati'].includes(u.role)).map((u) => u.username)).toEqual(['admin', 'sekda', 'bupati']);
    expect(users.filter((u) => u.role === 'asda').map((u) => `${u.username}:${u.asdaGroup}`)).toEqual(['asda1:I', 'asda2:II', 'asda3:III']);
    for (const unit of UNITS) {
      expect(users).toContainEqual(expect.objectContaining({ username: `officer.${unit.code.toLowerCase()}`, role: 'officer', unitCode: unit.code }));
      expect(users).toContainEqual(expect.objectContaining({ username: `head.${unit.code.toLowerCase()}`, role: 'unit_head', unitCode: unit.code }));
    }
    expect(users).toHaveLength(6 + 2 * UNITS.length);
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
  });
});
