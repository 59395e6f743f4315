// Who may call each HTTP route of each service: the expectation the security matrix checks every
// route against. A route the applications answer that is missing here fails the matrix, so a new
// route is reviewed before it ships. Keys are `METHOD /path` as Express knows them.
import type { StaffRole } from '@bekasi/auth';
import type { ServiceName } from './security-harness';

export type RouteRule =
  /** No credential at all (probes, metrics, docs, sign-in, public keys). */
  | { kind: 'open' }
  /** A registered channel's HMAC signature; no user token counts (401 otherwise). */
  | { kind: 'channel' }
  /** The complaint's reporter key; anything else answers like an unknown ticket (404). */
  | { kind: 'reporter' }
  /** A short-lived signed download link (desk's evidence files); no token counts. */
  | { kind: 'signed-link' }
  /** A valid access token of one of `roles` (403 for the others); `unitParam`: the unit must be in the caller's scope (404 otherwise). */
  | { kind: 'staff'; roles: readonly StaffRole[]; unitParam?: string };

const ALL: readonly StaffRole[] = ['admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati'];
const staff = (roles: readonly StaffRole[] = ALL, unitParam?: string): RouteRule => ({ kind: 'staff', roles, ...(unitParam ? { unitParam } : {}) });
const open: RouteRule = { kind: 'open' };
const admin = staff(['admin']);

/** Every service's operational routes: health probes, Prometheus, Swagger UI and its document. */
const PLATFORM: Record<string, RouteRule> = {
  'GET /health/live': open,
  'GET /health/ready': open,
  'GET /metrics': open,
};

export const ROUTE_RULES: Record<ServiceName, Record<string, RouteRule>> = {
  desk: {
    ...PLATFORM,
    'POST /api/v1/auth/login': open,
    'POST /api/v1/auth/refresh': open,
    'GET /api/v1/auth/jwks': open,
    'POST /api/v1/auth/logout': staff(),
    'GET /api/v1/auth/me': staff(),
    'GET /api/v1/tickets': staff(),
    'GET /api/v1/tickets/stats': staff(),
    'GET /api/v1/tickets/:id': staff(),
    'POST /api/v1/tickets/:id/acknowledge': staff(['officer', 'unit_head']),
    'POST /api/v1/tickets/:id/start-work': staff(['officer', 'unit_head']),
    'POST /api/v1/tickets/:id/notes': staff(['officer', 'unit_head', 'admin']),
    'POST /api/v1/tickets/:id/info-requests': staff(['officer', 'unit_head', 'admin']),
    'POST /api/v1/tickets/:id/answers': staff(['officer', 'unit_head']),
    'POST /api/v1/tickets/:id/reassignment-requests': staff(['officer', 'unit_head']),
    'POST /api/v1/tickets/:id/disposition': admin,
    'POST /api/v1/tickets/:id/archive': admin,
    'POST /api/v1/tickets/:id/merge': admin,
    'POST /api/v1/tickets/:id/close': admin,
    'POST /api/v1/tickets/:id/reopen': admin,
    'POST /api/v1/tickets/:id/files': staff(['officer', 'unit_head', 'admin']),
    'GET /api/v1/tickets/:id/files/:fileId/link': staff(),
    'GET /api/v1/files/:fileId/content': { kind: 'signed-link' },
    'POST /api/v1/reporter/tickets/:trackingId/replies': { kind: 'reporter' },
    'POST /api/v1/reporter/tickets/:trackingId/ratings': { kind: 'reporter' },
    'POST /api/v1/reporter/tickets/:trackingId/reopen': { kind: 'reporter' },
    'POST /api/v1/reporter/tickets/:trackingId/close': { kind: 'reporter' },
    'POST /api/v1/reporter/tickets/:trackingId/withdraw': { kind: 'reporter' },
    'POST /api/v1/reporter/tickets/:trackingId/files': { kind: 'reporter' },
    'GET /api/v1/canned-replies': staff(['officer', 'unit_head', 'admin']),
    'POST /api/v1/canned-replies': staff(['unit_head', 'admin']),
    'PUT /api/v1/canned-replies/:id': staff(['unit_head', 'admin']),
    'DELETE /api/v1/canned-replies/:id': staff(['unit_head', 'admin']),
    'GET /api/v1/users': admin,
    'POST /api/v1/users': admin,
    'PATCH /api/v1/users/:id': admin,
    'POST /api/v1/users/:id/deactivate': admin,
    'POST /api/v1/users/:id/password': admin,
    'GET /api/v1/units': staff(),
    'PATCH /api/v1/units/:code': admin,
  },
  intake: {
    ...PLATFORM,
    'POST /api/v1/intake/complaints': { kind: 'channel' },
    'POST /api/v1/intake/lapor-updates': { kind: 'channel' },
    'POST /api/v1/intake/imports': admin,
    'GET /api/v1/intake/lapor-connector/actions': admin,
    'POST /api/v1/intake/lapor-connector/actions/:id/resend': admin,
    'GET /api/v1/intake/lapor-connector/drift': admin,
    'POST /api/v1/intake/lapor-connector/drift/check': admin,
    'GET /api/v1/intake/lapor-connector/instansi': admin,
    'PUT /api/v1/intake/lapor-connector/instansi/:unitCode': admin,
    'GET /api/v1/intake/reporter-notices/templates': admin,
    'PUT /api/v1/intake/reporter-notices/templates/:kind': admin,
    'GET /api/v1/intake/reporter-notices': admin,
  },
  routing: {
    ...PLATFORM,
    'GET /api/v1/routing/complaints/:id/decisions': admin,
    'POST /api/v1/routing/complaints/:id/dispositions': admin,
    'GET /api/v1/routing/rules': admin,
    'POST /api/v1/routing/rules/test': admin,
    'GET /api/v1/routing/rules/:id': admin,
    'POST /api/v1/routing/rules': admin,
    'PUT /api/v1/routing/rules/:id': admin,
    'POST /api/v1/routing/rules/:id/deactivate': admin,
    'GET /api/v1/routing/units': admin,
    'GET /api/v1/routing/units/:code': admin,
    'POST /api/v1/routing/units': admin,
    'POST /api/v1/routing/units/:code/rename': admin,
    'POST /api/v1/routing/units/:code/merge': admin,
    'POST /api/v1/routing/units/:code/deactivate': admin,
    'GET /api/v1/routing/places': admin,
    'POST /api/v1/routing/places': admin,
    'POST /api/v1/routing/places/:kind/:code/aliases': admin,
    'GET /api/v1/routing/model': admin,
    'GET /api/v1/routing/model/versions': admin,
    'POST /api/v1/routing/model/retrain': admin,
  },
  sla: {
    ...PLATFORM,
    'GET /api/v1/sla/tickets/:ticketId': staff(),
    'GET /api/v1/sla/queue': admin,
    'GET /api/v1/sla/deadlines': staff(),
    'GET /api/v1/sla/policies': staff(),
    'POST /api/v1/sla/policies': admin,
    'POST /api/v1/sla/queues/session': admin,
  },
  escalation: {
    ...PLATFORM,
    'GET /api/v1/escalations': staff(),
    'GET /api/v1/escalations/inbox': staff(),
    'GET /api/v1/escalations/reminders': staff(),
    'POST /api/v1/escalations/:id/acknowledge': staff(),
  },
  ikp: {
    ...PLATFORM,
    'GET /api/v1/ikp/scoreboard': staff(),
    'GET /api/v1/ikp/units/:unitCode': staff(ALL, 'unitCode'),
    'PUT /api/v1/ikp/units/:unitCode/targets/:period': staff(['admin', 'sekda', 'bupati']),
    'POST /api/v1/ikp/units/:unitCode/proposals': staff(['unit_head']),
    'POST /api/v1/ikp/proposals/:id/decision': staff(['sekda']),
    'POST /api/v1/ikp/periods/:period/publish': staff(['admin', 'sekda']),
    'GET /api/v1/ikp/policies': staff(),
    'POST /api/v1/ikp/policies': staff(['sekda']),
    'POST /api/v1/ikp/instructions': staff(['sekda', 'bupati']),
    'GET /api/v1/ikp/instructions': staff(),
    'GET /api/v1/ikp/instructions/:id': staff(),
    'POST /api/v1/ikp/instructions/:id/indicators/:indicatorId/realisations': staff(['officer', 'unit_head']),
    'POST /api/v1/ikp/instructions/:id/realisations/:realisationId/verification': staff(['asda', 'sekda', 'bupati', 'admin']),
    'POST /api/v1/ikp/instructions/:id/indicators/:indicatorId/proposals': staff(['unit_head']),
    'POST /api/v1/ikp/instructions/:id/proposals/:proposalId/decision': staff(['bupati', 'sekda']),
    'POST /api/v1/ikp/instructions/:id/cancellation': staff(['bupati', 'sekda']),
    'POST /api/v1/ikp/instructions/:id/evidence': staff(['officer', 'unit_head']),
    'GET /api/v1/ikp/instructions/:id/evidence/:fileId': staff(),
    'POST /api/v1/ikp/budget/imports': staff(['admin', 'sekda']),
    'GET /api/v1/ikp/budget': staff(),
    'GET /api/v1/ikp/rapim/:period': staff(['admin', 'asda', 'sekda', 'bupati']),
  },
};

/** The backbone's dead-letter admin API, mounted in one service (whichever hosts MessagingAdminModule). */
export const MESSAGING_ADMIN_RULES: Record<string, RouteRule> = {
  'GET /api/v1/admin/messaging/dead-letters': admin,
  'POST /api/v1/admin/messaging/dead-letters/replay': admin,
  'GET /api/v1/admin/messaging/outbox/set-aside': admin,
  'POST /api/v1/admin/messaging/outbox/set-aside/:service/:seq/retry': admin,
};

/** Swagger UI and its JSON document are open on every service (they describe, they do nothing). */
export const isDocsRoute = (path: string) => path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-') || path === '/docs*';
