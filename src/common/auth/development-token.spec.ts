import { decodeJwt } from 'jose';
import { DEVELOPMENT_JWT_SECRET } from '../../config/environment';
import { signDevelopmentToken, TokenLifetimeError } from './development-token';

async function lifetimeOf(token: Promise<string>): Promise<number> {
  const { iat, exp } = decodeJwt(await token);
  return exp! - iat!;
}

describe('signDevelopmentToken', () => {
  const sign = (options?: Parameters<typeof signDevelopmentToken>[2]) =>
    signDevelopmentToken(DEVELOPMENT_JWT_SECRET, { role: 'INTAKE' }, options);

  it('issues tokens for 8 hours, or for the maximum lifetime if that is shorter', async () => {
    expect(await lifetimeOf(sign())).toBe(8 * 3600);
    expect(await lifetimeOf(sign({ maxLifetimeSeconds: 3600 }))).toBe(3600);
  });

  it.each([
    ['90m', 5400],
    ['24h', 86_400],
    ['1d', 86_400],
    ['600', 600],
  ])('reads --expires-in %s as %i seconds', async (expiresIn, seconds) => {
    expect(await lifetimeOf(sign({ expiresIn }))).toBe(seconds);
  });

  it.each([
    ['longer than the maximum lifetime', { expiresIn: '25h' }, /at most 86400 s \(TOKEN_MAX_LIFETIME_SECONDS\)/],
    ['longer than a configured maximum', { expiresIn: '2h', maxLifetimeSeconds: 3600 }, /at most 3600 s/],
    ['of no length', { expiresIn: '0h' }, /positive/],
    ['that is not a duration', { expiresIn: 'tomorrow' }, /such as 90m, 8h or 1d/],
  ])('refuses an expiry %s', async (_case, options, message) => {
    await expect(sign(options)).rejects.toThrow(TokenLifetimeError);
    await expect(sign(options)).rejects.toThrow(message);
  });
});
