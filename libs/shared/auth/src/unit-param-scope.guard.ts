import { applyDecorators, Injectable, NotFoundException, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { unitsOfAsdaGroup } from '@bekasi/reference-data';
import type { AuthPrincipal } from './principal';
import { scopeIncludes, unitScopeOf } from './unit-scope';

const UNIT_PARAM_KEY = 'bekasi:unit-param';

/**
 * The route's `:param` names a unit the caller must have in scope (own unit; an Asda their group;
 * admin, Sekda and Bupati every unit); a unit out of scope answers 404, as if it did not exist.
 */
export const UnitScopedParam = (param = 'unitCode') => applyDecorators(SetMetadata(UNIT_PARAM_KEY, param), UseGuards(UnitParamScopeGuard));

@Injectable()
export class UnitParamScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const param = this.reflector.getAllAndOverride<string>(UNIT_PARAM_KEY, [context.getHandler(), context.getClass()]) ?? 'unitCode';
    const request = context.switchToHttp().getRequest();
    const user = request.user as AuthPrincipal | undefined;
    const unitCode = String(request.params?.[param] ?? '').toUpperCase();
    // The Asda groups of the regency's units registry (reference data), as sla and ikp read them.
    if (user && scopeIncludes(await unitScopeOf(user, { unitsOfAsda: unitsOfAsdaGroup }), unitCode)) return true;
    throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Unit tidak ditemukan.' });
  }
}
