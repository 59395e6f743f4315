// The route matrix: every HTTP route every running service answers (read from its router, not from
// a list), called directly on the service and through the gateway, with no token, an expired token,
// a token signed by another key, tokens forged the old ways (HS256 with the published default secret,
// alg "none"), a refresh token used as access token, a token of a user that does not exist, and a
// valid token of every role (with a unit in and out of the caller's scope where the route names one).
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { testAccessToken, type TestTokenOptions } from '@bekasi/testing';
import type { AuthPrincipal, StaffRole } from '@bekasi/auth';
import { UserRepository } from '../../apps/desk/src/persistence/user.repository';
import { principalOfUser } from '../../apps/desk/src/users/user-directory.service';
import { TicketRepository, type TicketRecord } from '../../apps/desk/src/persistence/ticket.repository';
import { aComplaint } from '../../apps/desk/test/desk-test-app';
import { isDocsRoute, MESSAGING_ADMIN_RULES, ROUTE_RULES, type RouteRule } from './route-rules';
import { routesOf, SERVICES, startSystem, type RunningSystem, type ServiceName } from './security-harness';

const ROLE_USERS: Record<StaffRole, string> = { admin: 'admin', officer: 'officer.dinsos', unit_head: 'head.dinsos', asda: 'asda1', sekda: 'sekda', bupati: 'bupati' };
const OWN_UNIT = 'DINSOS'; // Asda I, like asda1
const OTHER_UNIT = 'DLH'; // Asda II

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const exp = () => Math.floor(Date.now() / 1000) + 60;
const forgedAdmin = { sub: randomUUID(), usr: 'admin', role: 'admin', unit: null, asda: null, sv: 1, iss: 'bekasi-desk', aud: 'bekasi-lapor' };
/** What the issue found accepted: HS256 with the default JWT_SECRET, for a user that does not exist. */
const hs256WithDefaultSecret = () => {
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...forgedAdmin, exp: exp() })}`;
  return `${unsigned}.${createHmac('sha256', 'dev-only-secret-change-me-in-production').update(unsigned).digest('base64url')}`;
};
const algNone = () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...forgedAdmin, exp: exp() })}.`;

const ATTACKS: Record<string, () => string | null> = {
  'no token': () => null,
  expired: () => testAccessToken({ role: 'admin' }, { expired: true }),
  'another key': () => testAccessToken({ role: 'admin' }, { foreignKey: true } as TestTokenOptions),
  'HS256 default secret': hs256WithDefaultSecret,
  'alg none': algNone,
  'refresh audience': () => testAccessToken({ role: 'admin' }, { audience: 'bekasi-desk-refresh' }),
  'wrong issuer': () => testAccessToken({ role: 'admin' }, { issuer: 'someone-else' }),
};

function fill(path: string, unitCode: string): string {
  return path
    .replace(/:unitCode|:code/g, unitCode)
    .replace(/:trackingId/g, 'BKS-2026-999999')
    .replace(/:period/g, '2026-11')
    .replace(/:kind/g, 'desa')
    .replace(/:service/g, 'desk')
    .replace(/:seq/g, '1')
    .replace(/:[A-Za-z]+/g, () => randomUUID());
}

describe('security matrix: every route of every service, directly and through the gateway', () => {
  let system: RunningSystem;
  const discovered: { service: ServiceName; method: string; path: string; rule: RouteRule | undefined }[] = [];

  beforeAll(async () => {
    system = await startSystem('secmatrix');
    for (const service of SERVICES) {
      for (const { method, path } of routesOf(system.apps[service])) {
        if (isDocsRoute(path)) continue;
        const key = `${method} ${path}`;
        discovered.push({ service, method, path, rule: ROUTE_RULES[service][key] ?? MESSAGING_ADMIN_RULES[key] });
      }
    }
  }, 180_000);
  afterAll(async () => {
    await system?.stop();
  });

  /** A valid token of the seeded user of `role`, minted now (a logout in the matrix ends older ones). */
  const tokenOf = async (role: StaffRole) => {
    const user = await new UserRepository(system.apps.desk.get(DataSource)).byUsername(ROLE_USERS[role]);
    return testAccessToken(principalOfUser(user!) as AuthPrincipal);
  };

  async function call(base: string, method: string, path: string, token: string | null): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(base + path, { method, headers, body: ['GET', 'HEAD'].includes(method) ? undefined : '{}', redirect: 'manual' });
    await res.arrayBuffer();
    return res.status;
  }

  it('has an expectation for every route the services answer, and no expectation for a route that is gone', () => {
    const missing = discovered.filter((r) => !r.rule).map((r) => `${r.service}: ${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    const stale = SERVICES.flatMap((service) =>
      Object.keys(ROUTE_RULES[service])
        .filter((key) => !discovered.some((r) => r.service === service && `${r.method} ${r.path}` === key))
        .map((key) => `${service}: ${key}`),
    );
    expect(stale).toEqual([]);
    expect(discovered.length).toBeGreaterThan(80);
  });

  it("shows a ticket of the caller's own unit and answers 404 for another unit's, to every role, directly and through the gateway", async () => {
    const at = new Date('2026-11-02T02:00:00Z');
    const ticketOf = async (unitCode: string): Promise<string> => {
      const record: TicketRecord = {
        snapshot: {
          id: randomUUID(), version: 2, status: 'assigned', unitCode, pausedFrom: null, pausedAt: null, bounceCount: 0, refusedUnitCodes: [], reopenCount: 0,
          receivedAt: at, assignedAt: at, answeredAt: null, closedAt: null, closedBy: null, rating: null, archive: null, updatedAt: at,
        },
        complaint: aComplaint().facts,
        triageReason: null,
        triageSuggestions: [],
        lastDecisionId: null,
        overdueSince: null,
      };
      await system.apps.desk.get(DataSource).transaction((tx) => new TicketRepository(tx).insert(record));
      return record.snapshot.id;
    };
    const own = await ticketOf(OWN_UNIT);
    const other = await ticketOf(OTHER_UNIT);
    const seen: string[] = [];
    for (const base of [system.urls.desk, system.urls.gateway]) {
      for (const role of Object.keys(ROLE_USERS) as StaffRole[]) {
        const regencyWide = ['admin', 'sekda', 'bupati'].includes(role);
        seen.push(`${role} ${await call(base, 'GET', `/api/v1/tickets/${own}`, await tokenOf(role))}/${await call(base, 'GET', `/api/v1/tickets/${other}`, await tokenOf(role))}`);
        expect(seen.at(-1)).toBe(`${role} 200/${regencyWide ? 200 : 404}`);
      }
    }
  });

  for (const via of ['service', 'gateway'] as const) {
    it(`answers every route as its rule says, called ${via === 'service' ? 'directly on its service' : 'through the gateway'}`, async () => {
      const problems: string[] = [];
      const expectThat = (what: string, status: number, ok: (s: number) => boolean, expected: string) => {
        if (!ok(status)) problems.push(`${what}: ${status}, expected ${expected}`);
      };
      for (const { service, method, path, rule } of discovered) {
        if (!rule) continue;
        // The gateway forwards the public API only; probes and metrics are each process's own.
        if (via === 'gateway' && !path.startsWith('/api/')) continue;
        const base = via === 'gateway' ? system.urls.gateway : system.urls[service];
        const name = `${via} ${service} ${method} ${path}`;
        const url = fill(path, OWN_UNIT);
        switch (rule.kind) {
          case 'open':
            expectThat(`${name} (no token)`, await call(base, method, url, null), (s) => s !== 401 && s !== 403 && s < 500, 'not 401/403/5xx');
            break;
          case 'channel':
            expectThat(`${name} (unsigned)`, await call(base, method, url, null), (s) => s === 401, '401');
            expectThat(`${name} (admin token, unsigned)`, await call(base, method, url, await tokenOf('admin')), (s) => s === 401, '401');
            break;
          case 'reporter':
            expectThat(`${name} (no key)`, await call(base, method, url, null), (s) => s === 404, '404');
            expectThat(`${name} (admin token, no key)`, await call(base, method, url, await tokenOf('admin')), (s) => s === 404, '404');
            break;
          case 'signed-link':
            expectThat(`${name} (unsigned, admin token)`, await call(base, method, url, await tokenOf('admin')), (s) => s === 403 || s === 404, '403/404');
            break;
          case 'staff': {
            for (const [attack, token] of Object.entries(ATTACKS)) {
              expectThat(`${name} (${attack})`, await call(base, method, url, token()), (s) => s === 401, '401');
            }
            // A well-signed token of a user desk does not know: desk refuses it; the others cannot tell
            // (only desk signs, and only for users it has) and honour it until it expires (≤ 60 s).
            const ghost = await call(base, method, url, testAccessToken({ role: 'admin' }));
            if (service === 'desk') expectThat(`${name} (user that does not exist)`, ghost, (s) => s === 401, '401');
            else {
              const adminMay = rule.roles.includes('admin');
              expectThat(`${name} (admin that does not exist, signed by desk's key)`, ghost, (s) => s !== 401 && (adminMay ? s !== 403 : s === 403), adminMay ? 'accepted' : '403');
            }
            for (const role of Object.keys(ROLE_USERS) as StaffRole[]) {
              const allowed = rule.roles.includes(role);
              const status = await call(base, method, url, await tokenOf(role));
              expectThat(`${name} (${role}, own unit)`, status, (s) => (allowed ? s !== 401 && s !== 403 && s !== 500 : s === 403), allowed ? 'allowed (not 401/403/500)' : '403');
              if (rule.unitParam && allowed) {
                const regencyWide = ['admin', 'sekda', 'bupati'].includes(role);
                const other = await call(base, method, fill(path, OTHER_UNIT), await tokenOf(role));
                expectThat(`${name} (${role}, other unit)`, other, (s) => (regencyWide ? s !== 404 && s !== 403 && s !== 401 : s === 404), regencyWide ? 'allowed' : '404');
              }
            }
            break;
          }
        }
      }
      expect(problems).toEqual([]);
    }, 240_000);
  }
});
