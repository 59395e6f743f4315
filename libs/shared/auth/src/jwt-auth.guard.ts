import { ForbiddenException, Inject, Injectable, Optional, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { principalOf, type AccessTokenClaims, type AuthPrincipal } from './principal';
import type { StaffRole } from './roles';

/**
 * Optional check of a verified token against the user store: returns the current principal, or
 * null when the user is gone, deactivated or changed since the token was issued.
 */
export interface PrincipalValidator {
  validate(principal: AuthPrincipal): Promise<AuthPrincipal | null>;
}
export const PRINCIPAL_VALIDATOR = Symbol('PRINCIPAL_VALIDATOR');

/**
 * Bearer JWT on every route not marked @Public(); 401 without a valid token, 403 when @Roles()
 * excludes the caller's role. Messages are for the desk's users, in Bahasa Indonesia.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Optional() @Inject(PRINCIPAL_VALIDATOR) private readonly validator?: PrincipalValidator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: unknown = request.headers?.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw new UnauthorizedException({ statusCode: 401, error: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' });
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch (err) {
      const expired = err instanceof TokenExpiredError;
      throw new UnauthorizedException({
        statusCode: 401,
        error: expired ? 'TOKEN_EXPIRED' : 'INVALID_TOKEN',
        message: expired ? 'Sesi Anda telah berakhir, silakan masuk kembali.' : 'Token tidak sah.',
      });
    }
    let principal = principalOf(claims);
    if (principal && this.validator) principal = await this.validator.validate(principal);
    if (!principal) throw new UnauthorizedException({ statusCode: 401, error: 'INVALID_TOKEN', message: 'Sesi tidak berlaku lagi, silakan masuk kembali.' });
    request.user = principal;
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new ForbiddenException({ statusCode: 403, error: 'ROLE_NOT_ALLOWED', message: 'Peran Anda tidak berwenang untuk tindakan ini.' });
    }
    return true;
  }
}
