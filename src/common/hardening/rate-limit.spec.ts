import type { FastifyRequest } from 'fastify';
import type { Authentication } from '../auth/authentication';
import { DomainError } from '../errors/domain-error';
import { callerKey } from './rate-limit';

const keyOf = (ip: string, authentication?: Authentication) =>
  callerKey({ ip, authentication } as unknown as FastifyRequest);

const verified = (subject: string): Authentication => ({
  kind: 'verified',
  principal: { subject, role: 'INTAKE', scopes: new Set() },
});

describe('callerKey', () => {
  it('names a verified caller by a hash of the subject, never the subject itself, whatever the address', () => {
    const key = keyOf('192.0.2.1', verified('someone@example.org'));
    expect(key).toMatch(/^subject:/);
    expect(key).not.toContain('someone');
    expect(keyOf('198.51.100.7', verified('someone@example.org'))).toBe(key);
    expect(keyOf('192.0.2.1', verified('someone-else@example.org'))).not.toBe(key);
  });

  it('counts a caller without a verifiable token against the address', () => {
    const refused: Authentication = { kind: 'refused', error: new DomainError('UNAUTHENTICATED', 'Invalid token') };
    expect(keyOf('192.0.2.1', refused)).toBe('address:192.0.2.1');
    expect(keyOf('192.0.2.1', { kind: 'anonymous' })).toBe('address:192.0.2.1');
    expect(keyOf('192.0.2.1')).toBe('address:192.0.2.1');
  });

  it('counts one IPv6 /64 as one address, since whoever holds it can pick any address in it', () => {
    expect(keyOf('2001:db8:1:2::1')).toBe(keyOf('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(keyOf('2001:db8:1:2::1')).not.toBe(keyOf('2001:db8:1:3::1'));
    expect(keyOf('::ffff:192.0.2.1')).toBe('address:192.0.2.1');
  });
});
