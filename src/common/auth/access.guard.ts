import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { Access, ACCESS_KEY, requestOf } from './access.decorators';
import { TokenVerifier } from './token-verifier';

function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Global guard, default deny: every operation declares who may call it. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access?.public) return true;

    const request = requestOf(context);
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
    const principal = (request.principal ??= await this.tokens.verify(token));

    if (!access || !access.roles.includes(principal.role)) {
      throw new DomainError('FORBIDDEN', `Role ${principal.role} may not do this`);
    }
    if (principal.role === 'SERVICE' && access.serviceScope && !principal.scopes.has(access.serviceScope)) {
      throw new DomainError('FORBIDDEN', `This needs the service scope ${access.serviceScope}`);
    }
    return true;
  }
}
