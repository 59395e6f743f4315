import { SetMetadata } from '@nestjs/common';

/**
 * Route metadata meaning "no user token needed". Defined here, not in the auth library, because the
 * platform's own operational endpoints (health probes, Prometheus scrape) must stay open on every
 * service, including those that install a global auth guard.
 */
export const PUBLIC_ROUTE_KEY = 'bekasi:public';
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE_KEY, true);
