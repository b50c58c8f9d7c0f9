import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify } from 'jose';
import { DomainError } from '../errors/domain-error';
import { Principal, Role, ROLES } from './principal';

export const JWT_SECRET = Symbol('JWT_SECRET');

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

@Injectable()
export class TokenVerifier {
  private readonly key: Uint8Array;

  constructor(@Inject(JWT_SECRET) secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async verify(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] }));
    } catch (error) {
      const reason = error instanceof errors.JWTExpired ? 'Token expired' : 'Invalid token';
      throw new DomainError('UNAUTHENTICATED', reason);
    }
    const subject = optionalString(payload.sub);
    if (!subject || !isRole(payload.role)) {
      throw new DomainError('UNAUTHENTICATED', 'Token lacks a subject or a known role');
    }
    const principal: Principal = {
      subject,
      role: payload.role,
      peerId: optionalString(payload.peerId),
      supportWorkerId: optionalString(payload.supportWorkerId),
      scopes: new Set(optionalString(payload.scope)?.split(' ') ?? []),
    };
    if (principal.role === 'PEER' && !principal.peerId) {
      throw new DomainError('UNAUTHENTICATED', 'A PEER token needs a peerId claim');
    }
    if (principal.role === 'SUPPORT_WORKER' && !principal.supportWorkerId) {
      throw new DomainError('UNAUTHENTICATED', 'A SUPPORT_WORKER token needs a supportWorkerId claim');
    }
    return principal;
  }
}
