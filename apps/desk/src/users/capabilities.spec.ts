import { capabilitiesOf } from './capabilities';

describe('capabilities of a role', () => {
  it('lands every role on a screen it may see', () => {
    for (const role of ['admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati'] as const) {
      const c = capabilitiesOf(role);
      expect(c.screens).toContain(c.home);
    }
  });

  it('gives the administration screens to the admin only', () => {
    expect(capabilitiesOf('admin').screens).toEqual(expect.arrayContaining(['triage', 'users', 'dead-letters', 'queues']));
    for (const role of ['officer', 'unit_head', 'asda', 'sekda', 'bupati'] as const) {
      expect(capabilitiesOf(role).screens).not.toEqual(expect.arrayContaining(['triage']));
      expect(capabilitiesOf(role).screens).not.toContain('users');
    }
    expect(capabilitiesOf('sekda').home).toBe('dashboard');
    expect(capabilitiesOf('officer').home).toBe('inbox');
  });
});
