import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { PUBLIC_ROUTE_KEY } from '@bekasi/platform';
import type { AuthPrincipal } from './principal';
import type { StaffRole } from './roles';

export const ROLES_KEY = 'bekasi:roles';
// The platform's key, so health and metrics (marked by the platform) are public under this guard too.
export const PUBLIC_KEY = PUBLIC_ROUTE_KEY;

/** Only these roles may call the route (403 for the others, before anything is looked up). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);

/** No user token needed (login, health, the reporter channel with its own guard). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The principal the guard put on the request. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthPrincipal => {
  return ctx.switchToHttp().getRequest().user as AuthPrincipal;
});
