// Which service owns each public API path, and who may call it through the gateway. The services
// check tokens and scopes again; the gateway's check keeps unauthenticated traffic out of the
// services that have no login of their own (routing's and intake's admin APIs).

export type Upstream = 'desk' | 'intake' | 'routing' | 'sla' | 'escalation' | 'ikp';
/** public: no token (login, citizen channels with their own token); user: any valid token; admin: the LAPOR admin. */
export type Access = 'public' | 'user' | 'admin';

export interface ApiRoute {
  prefix: string;
  upstream: Upstream;
  access: Access;
}

export const API_ROUTES: readonly ApiRoute[] = [
  { prefix: '/api/v1/auth', upstream: 'desk', access: 'public' },
  { prefix: '/api/v1/reporter', upstream: 'desk', access: 'public' },
  { prefix: '/api/v1/tickets', upstream: 'desk', access: 'user' },
  { prefix: '/api/v1/users', upstream: 'desk', access: 'user' },
  { prefix: '/api/v1/units', upstream: 'desk', access: 'user' },
  { prefix: '/api/v1/canned-replies', upstream: 'desk', access: 'user' },
  // Evidence files by short-lived signed link (the signature is the capability; desk checks it).
  { prefix: '/api/v1/files', upstream: 'desk', access: 'public' },
  { prefix: '/api/v1/intake/complaints', upstream: 'intake', access: 'public' },
  // LAPOR! pushing replies, ratings and status changes; intake checks the channel's signature.
  { prefix: '/api/v1/intake/lapor-updates', upstream: 'intake', access: 'public' },
  { prefix: '/api/v1/intake', upstream: 'intake', access: 'admin' },
  { prefix: '/api/v1/routing', upstream: 'routing', access: 'admin' },
  { prefix: '/api/v1/sla', upstream: 'sla', access: 'user' },
  { prefix: '/api/v1/escalations', upstream: 'escalation', access: 'user' },
  { prefix: '/api/v1/ikp', upstream: 'ikp', access: 'user' },
  { prefix: '/api/v1/admin/messaging', upstream: 'sla', access: 'admin' },
];

/** The longest prefix that matches whole path segments; null when no service owns the path. */
export function routeFor(path: string, routes: readonly ApiRoute[] = API_ROUTES): ApiRoute | null {
  const clean = path.split('?')[0];
  let best: ApiRoute | null = null;
  for (const route of routes) {
    const matches = clean === route.prefix || clean.startsWith(`${route.prefix}/`);
    if (matches && (!best || route.prefix.length > best.prefix.length)) best = route;
  }
  return best;
}

/** Whether a caller with `role` (null: no valid token) may pass. */
export function admits(access: Access, role: string | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'user' || role === 'admin';
}
