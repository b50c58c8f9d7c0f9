import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyOptions } from 'jose';
import { DomainError } from '../errors/domain-error';
import { Principal, Role, ROLES, SCOPE_MAX_LENGTH, SUBJECT_MAX_LENGTH } from './principal';

export const TOKEN_SETTINGS = Symbol('TOKEN_SETTINGS');

export interface TokenSettings {
  /** HS256 secret (development, tests, or deployments that share one). */
  secret?: string;
  /** Production: RS256 / ES256 tokens checked against this key set, issuer and audience. */
  jwks?: { url: string; issuer: string; audience: string };
  /** Longest a token may live (exp − iat), and the oldest its iat may be. */
  maxLifetimeSeconds: number;
  /** Allowed difference between the issuer's clock and this one, for exp, nbf and iat. */
  clockSkewSeconds: number;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function unauthenticated(message: string): DomainError {
  return new DomainError('UNAUTHENTICATED', message);
}

/** Absent, or a UUID: these are compared with uuid columns, and anything else would fail there instead. */
function optionalUuid(payload: JWTPayload, claim: 'peerId' | 'supportWorkerId'): string | undefined {
  const value = payload[claim];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isUUID(value, 'all')) throw unauthenticated(`Token ${claim} is not a UUID`);
  // Ids are compared with stored ones, which PostgreSQL writes in lower case.
  return value.toLowerCase();
}

function scopesOf(payload: JWTPayload): Set<string> {
  const { scope } = payload;
  if (scope === undefined) return new Set();
  if (typeof scope !== 'string') throw unauthenticated('Token scope is not a space-separated string');
  if (scope.length > SCOPE_MAX_LENGTH) {
    throw unauthenticated(`Token scope is longer than ${SCOPE_MAX_LENGTH} characters`);
  }
  return new Set(scope.split(' ').filter(Boolean));
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
    // jose has required exp and iat as numbers and checked each against now; this refuses a token
    // minted to outlive the limit, which would otherwise pass until it grew too old.
    if (payload.exp! - payload.iat! > this.settings.maxLifetimeSeconds) {
      throw unauthenticated(`Token lifetime exceeds ${this.settings.maxLifetimeSeconds} s`);
    }
    const { sub, role } = payload;
    if (typeof sub !== 'string' || sub.length === 0) throw unauthenticated('Token lacks a subject');
    if (sub.length > SUBJECT_MAX_LENGTH) {
      throw unauthenticated(`Token sub is longer than ${SUBJECT_MAX_LENGTH} characters`);
    }
    if (!isRole(role)) throw unauthenticated('Token lacks a known role');
    const principal: Principal = {
      subject: sub,
      role,
      peerId: optionalUuid(payload, 'peerId'),
      supportWorkerId: optionalUuid(payload, 'supportWorkerId'),
      scopes: scopesOf(payload),
    };
    if (principal.role === 'PEER' && !principal.peerId) {
      throw unauthenticated('A PEER token needs a peerId claim');
    }
    if (principal.role === 'SUPPORT_WORKER' && !principal.supportWorkerId) {
      throw unauthenticated('A SUPPORT_WORKER token needs a supportWorkerId claim');
    }
    return principal;
  }

  private async verifySignature(token: string): Promise<JWTPayload> {
    const algorithm = this.headerAlgorithm(token);
    const claims: JWTVerifyOptions = {
      requiredClaims: ['exp', 'iat', 'sub'],
      // Also refuses an iat further in the future than the clock skew, which jose checks only with it.
      maxTokenAge: this.settings.maxLifetimeSeconds,
      clockTolerance: this.settings.clockSkewSeconds,
    };
    try {
      if (algorithm === 'HS256' && this.secret) {
        return (await jwtVerify(token, this.secret, { ...claims, algorithms: ['HS256'] })).payload;
      }
      if ((algorithm === 'RS256' || algorithm === 'ES256') && this.keySet && this.settings.jwks) {
        const { issuer, audience } = this.settings.jwks;
        return (await jwtVerify(token, this.keySet, { ...claims, algorithms: ['RS256', 'ES256'], issuer, audience }))
          .payload;
      }
    } catch (error) {
      throw unauthenticated(this.refusalOf(error));
    }
    throw unauthenticated('Invalid token');
  }

  /** The caller learns which claim failed, never its value. */
  private refusalOf(error: unknown): string {
    if (error instanceof errors.JWTExpired) {
      return error.claim === 'iat'
        ? `Token was issued more than ${this.settings.maxLifetimeSeconds} s ago`
        : 'Token expired';
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.reason === 'missing') return `Token lacks the ${error.claim} claim`;
      if (error.reason === 'invalid') return `Token ${error.claim} claim is not a number`;
      if (error.claim === 'iat') return 'Token iat is in the future';
      if (error.claim === 'nbf') return 'Token is not valid yet';
      return `Token ${error.claim} is not accepted here`;
    }
    return 'Invalid token';
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
