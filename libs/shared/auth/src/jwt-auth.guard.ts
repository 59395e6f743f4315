import { ForbiddenException, Inject, Injectable, Optional, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import type { AuthPrincipal } from './principal';
import type { StaffRole } from './roles';
import { AccessTokenVerifier } from './tokens/access-tokens';
import { TokenError } from './tokens/es256-jwt';

/**
 * Optional check of a verified token against the user store: returns the current principal, or
 * null when the user is gone, deactivated or changed since the token was issued.
 */
export interface PrincipalValidator {
  validate(principal: AuthPrincipal): Promise<AuthPrincipal | null>;
}
export const PRINCIPAL_VALIDATOR = Symbol('PRINCIPAL_VALIDATOR');

export const unauthenticated = (error: 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' | 'INVALID_TOKEN', message?: string) =>
  new UnauthorizedException({
    statusCode: 401,
    error,
    message:
      message ?? (error === 'UNAUTHENTICATED' ? 'Silakan masuk terlebih dahulu.' : error === 'TOKEN_EXPIRED' ? 'Sesi Anda telah berakhir, silakan masuk kembali.' : 'Token tidak sah.'),
  });

/** The bearer token of a request, or '' when there is none. */
export function bearerTokenOf(headers: Record<string, unknown> | undefined): string {
  const header = headers?.authorization;
  return typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : '';
}

/**
 * Bearer access token (ES256, desk's key) on every route not marked @Public(); 401 without a valid
 * token, 403 when @Roles() excludes the caller's role. Messages are for the users, in Bahasa Indonesia.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    @Optional() @Inject(PRINCIPAL_VALIDATOR) private readonly validator?: PrincipalValidator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const token = bearerTokenOf(request.headers);
    if (!token) throw unauthenticated('UNAUTHENTICATED');
    let principal: AuthPrincipal | null;
    try {
      principal = this.verifier.verify(token);
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      throw unauthenticated(err.reason === 'expired' ? 'TOKEN_EXPIRED' : 'INVALID_TOKEN');
    }
    if (this.validator) principal = await this.validator.validate(principal);
    if (!principal) throw unauthenticated('INVALID_TOKEN', 'Sesi tidak berlaku lagi, silakan masuk kembali.');
    request.user = principal;
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new ForbiddenException({ statusCode: 403, error: 'ROLE_NOT_ALLOWED', message: 'Peran Anda tidak berwenang untuk tindakan ini.' });
    }
    return true;
  }
}
