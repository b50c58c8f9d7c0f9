import { SignJWT } from 'jose';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS } from '../../config/environment';
import { Role } from './principal';

export interface DevelopmentClaims {
  role: Role;
  sub?: string;
  peerId?: string;
  supportWorkerId?: string;
  scope?: string;
}

export interface DevelopmentTokenOptions {
  /** "90m", "8h", "1d", or seconds; default 8 h, or the maximum lifetime if that is shorter. */
  expiresIn?: string | number;
  /** The service's TOKEN_MAX_LIFETIME_SECONDS: a token it would refuse is not signed. */
  maxLifetimeSeconds?: number;
}

export class TokenLifetimeError extends Error {}

const DEFAULT_EXPIRES_IN_SECONDS = 8 * 3600;

/** An HS256 token as the development and test setup accepts; production uses its identity provider. */
export async function signDevelopmentToken(
  secret: string,
  claims: DevelopmentClaims,
  { expiresIn, maxLifetimeSeconds = DEFAULT_TOKEN_MAX_LIFETIME_SECONDS }: DevelopmentTokenOptions = {},
): Promise<string> {
  const { sub, ...rest } = claims;
  const payload = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const issuedAt = Math.floor(Date.now() / 1000);
  const lifetime = durationSeconds(expiresIn ?? Math.min(DEFAULT_EXPIRES_IN_SECONDS, maxLifetimeSeconds));
  if (lifetime <= 0) throw new TokenLifetimeError('--expires-in must be a positive duration');
  if (lifetime > maxLifetimeSeconds) {
    throw new TokenLifetimeError(
      `--expires-in must be at most ${maxLifetimeSeconds} s (TOKEN_MAX_LIFETIME_SECONDS): the service refuses longer-lived tokens`,
    );
  }
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub ?? `dev-${claims.role.toLowerCase()}`)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetime)
    .sign(new TextEncoder().encode(secret));
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "90m", "8h", "1d" or plain seconds; parsed here so the lifetime is known before signing. */
function durationSeconds(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (!match) throw new TokenLifetimeError(`--expires-in must be a duration such as 90m, 8h or 1d`);
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
}
