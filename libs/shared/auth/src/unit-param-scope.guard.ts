import { applyDecorators, Inject, Injectable, NotFoundException, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthPrincipal } from './principal';
import { ASDA_DIRECTORY, scopeIncludes, unitScopeOf, type AsdaDirectory } from './unit-scope';

const UNIT_PARAM_KEY = 'bekasi:unit-param';

/**
 * The route's `:param` names a unit the caller must have in scope (own unit; an Asda their group;
 * admin, Sekda and Bupati every unit); a unit out of scope answers 404, as if it did not exist.
 */
export const UnitScopedParam = (param = 'unitCode') => applyDecorators(SetMetadata(UNIT_PARAM_KEY, param), UseGuards(UnitParamScopeGuard));

@Injectable()
export class UnitParamScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ASDA_DIRECTORY) private readonly directory: AsdaDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const param = this.reflector.getAllAndOverride<string>(UNIT_PARAM_KEY, [context.getHandler(), context.getClass()]) ?? 'unitCode';
    const request = context.switchToHttp().getRequest();
    const user = request.user as AuthPrincipal | undefined;
    const unitCode = String(request.params?.[param] ?? '').toUpperCase();
    // The service's Asda groups (ASDA_DIRECTORY), the ones its other scoped reads use.
    if (user && scopeIncludes(await unitScopeOf(user, this.directory), unitCode)) return true;
    throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Unit tidak ditemukan.' });
  }
}
