import { admits, API_ROUTES, routeFor } from './route-table';

describe('gateway route table', () => {
  it('sends each API path to the service that owns it', () => {
    expect(routeFor('/api/v1/tickets')?.upstream).toBe('desk');
    expect(routeFor('/api/v1/tickets/abc/acknowledge?x=1')?.upstream).toBe('desk');
    expect(routeFor('/api/v1/sla/tickets/abc')?.upstream).toBe('sla');
    expect(routeFor('/api/v1/escalations/inbox')?.upstream).toBe('escalation');
    expect(routeFor('/api/v1/ikp/scoreboard')?.upstream).toBe('ikp');
    expect(routeFor('/api/v1/routing/rules')?.upstream).toBe('routing');
  });

  it('prefers the longest prefix: the citizens\' webhook is public, the rest of intake is the admin\'s', () => {
    expect(routeFor('/api/v1/intake/complaints')).toMatchObject({ upstream: 'intake', access: 'public' });
    expect(routeFor('/api/v1/intake/imports')).toMatchObject({ upstream: 'intake', access: 'admin' });
  });

  it('matches whole segments only and knows nothing else', () => {
    expect(routeFor('/api/v1/ticketsx')).toBeNull();
    expect(routeFor('/api/v2/tickets')).toBeNull();
    expect(routeFor('/health/ready')).toBeNull();
  });

  it('admits by access level', () => {
    expect([admits('public', null), admits('user', null), admits('user', 'officer'), admits('admin', 'officer'), admits('admin', 'admin')]).toEqual([true, false, true, false, true]);
  });

  it('has one route per prefix', () => {
    expect(new Set(API_ROUTES.map((r) => r.prefix)).size).toBe(API_ROUTES.length);
  });
});
