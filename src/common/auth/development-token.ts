import { SignJWT } from 'jose';
import { Role } from './principal';

export interface DevelopmentClaims {
  role: Role;
  sub?: string;
  peerId?: string;
  supportWorkerId?: string;
  scope?: string;
}

/** An HS256 token as the development and test setup accepts; production uses its identity provider. */
export function signDevelopmentToken(secret: string, claims: DevelopmentClaims, expiresIn = '8h'): Promise<string> {
  const { sub, ...rest } = claims;
  const payload = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub ?? `dev-${claims.role.toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
