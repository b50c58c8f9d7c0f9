import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import { DomainError } from '../errors/domain-error';
import { Principal, Role, ROLES } from './principal';

export const TOKEN_SETTINGS = Symbol('TOKEN_SETTINGS');

export interface TokenSettings {
  /** HS256 secret (development, tests, or deployments that share one). */
  secret?: string;
  /** Production: RS256 / ES256 tokens checked against this key set, issuer and audience. */
  jwks?: { url: string; issuer: string; audience: string };
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Verifies bearer tokens; `alg: none` and algorithms other than those configured are refused. */
@Injectable()
export class TokenVerifier {
  private readonly secret?: Uint8Array;
  private readonly keySet?: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(TOKEN_SETTINGS) private readonly settings: TokenSettings) {
    if (settings.secret) this.secret = new TextEncoder().encode(settings.secret);
    if (settings.jwks) this.keySet = createRemoteJWKSet(new URL(settings.jwks.url), { timeoutDuration: 3000 });
  }

  async verify(token: string): Promise<Principal> {
    const payload = await this.verifySignature(token);
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

  private async verifySignature(token: string): Promise<JWTPayload> {
    const algorithm = this.headerAlgorithm(token);
    try {
      if (algorithm === 'HS256' && this.secret) {
        return (await jwtVerify(token, this.secret, { algorithms: ['HS256'] })).payload;
      }
      if ((algorithm === 'RS256' || algorithm === 'ES256') && this.keySet && this.settings.jwks) {
        const { issuer, audience } = this.settings.jwks;
        return (await jwtVerify(token, this.keySet, { algorithms: ['RS256', 'ES256'], issuer, audience })).payload;
      }
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new DomainError('UNAUTHENTICATED', 'Token expired');
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw new DomainError('UNAUTHENTICATED', `Token ${error.claim} is not accepted here`);
      }
      throw new DomainError('UNAUTHENTICATED', 'Invalid token');
    }
    throw new DomainError('UNAUTHENTICATED', 'Invalid token');
  }

  private headerAlgorithm(token: string): string | undefined {
    try {
      const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
        alg?: unknown;
      };
      return typeof header.alg === 'string' ? header.alg : undefined;
    } catch {
      return undefined;
    }
  }
}
