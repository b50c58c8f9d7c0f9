import { DEVELOPMENT_JWT_SECRET, jwtSecretOf, parseEnvironment, startRefusalOf } from './environment';

describe('parseEnvironment', () => {
  it('defaults to port 3000, the embedded database and the queue on PostgreSQL', () => {
    const environment = parseEnvironment({});
    expect(environment).toMatchObject({ PORT: 3000, NODE_ENV: 'development' });
    expect(environment.DATABASE_URL).toBeUndefined();
    expect(environment.REDIS_URL).toBeUndefined();
  });

  it('limits tokens to 24 hours, with 30 seconds of clock skew, unless told otherwise', () => {
    expect(parseEnvironment({})).toMatchObject({ TOKEN_MAX_LIFETIME_SECONDS: 86_400, TOKEN_CLOCK_SKEW_SECONDS: 30 });
    expect(parseEnvironment({ TOKEN_MAX_LIFETIME_SECONDS: '3600', TOKEN_CLOCK_SKEW_SECONDS: '0' })).toMatchObject({
      TOKEN_MAX_LIFETIME_SECONDS: 3600,
      TOKEN_CLOCK_SKEW_SECONDS: 0,
    });
  });

  it('ends page sessions after 30 idle minutes or 8 hours, unless told otherwise', () => {
    expect(parseEnvironment({})).toMatchObject({ SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 8 });
    expect(parseEnvironment({ SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '1' })).toMatchObject({
      SESSION_IDLE_MINUTES: 15,
      SESSION_MAX_HOURS: 1,
    });
    expect(() => parseEnvironment({ SESSION_IDLE_MINUTES: '0' })).toThrow(
      /SESSION_IDLE_MINUTES must be a whole number from 1 to 1440/,
    );
    expect(() => parseEnvironment({ SESSION_MAX_HOURS: '2.5' })).toThrow(
      /SESSION_MAX_HOURS must be a whole number from 1 to 168/,
    );
    expect(() => parseEnvironment({ SESSION_IDLE_MINUTES: '120', SESSION_MAX_HOURS: '1' })).toThrow(
      /SESSION_IDLE_MINUTES must be at most SESSION_MAX_HOURS in minutes/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnvironment({ DATABASE_URL: '', JWT_SECRET: ' ' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['REDIS_URL', { REDIS_URL: 'not a url' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['JWT_SECRET', { NODE_ENV: 'production' }],
    ['JWT_ISSUER', { JWT_JWKS_URL: 'https://id.example.org/jwks.json', JWT_AUDIENCE: 'peermatch' }],
    ['JWT_AUDIENCE', { JWT_JWKS_URL: 'https://id.example.org/jwks.json', JWT_ISSUER: 'https://id.example.org' }],
    ['APP_ROLE', { APP_ROLE: 'everything' }],
    ['DEMO_SEED', { DEMO_SEED: 'yes' }],
    ['TOKEN_MAX_LIFETIME_SECONDS', { TOKEN_MAX_LIFETIME_SECONDS: 'a day' }],
    ['TOKEN_MAX_LIFETIME_SECONDS', { TOKEN_MAX_LIFETIME_SECONDS: '0' }],
    ['TOKEN_MAX_LIFETIME_SECONDS', { TOKEN_MAX_LIFETIME_SECONDS: String(30 * 86_400) }],
    ['TOKEN_CLOCK_SKEW_SECONDS', { TOKEN_CLOCK_SKEW_SECONDS: '-1' }],
    ['TOKEN_CLOCK_SKEW_SECONDS', { TOKEN_CLOCK_SKEW_SECONDS: '3600' }],
  ])('stops with a message naming %s when it is wrong', (variable, source) => {
    expect(() => parseEnvironment(source)).toThrow(new RegExp(`Invalid environment: .*\\b${variable}\\b`));
  });

  it('says what a number setting accepts and where every setting is described', () => {
    expect(() => parseEnvironment({ PORT: 'abc' })).toThrow(
      'Invalid environment: PORT must be a whole number from 1 to 65535 (the Configuration section of README.md lists every setting)',
    );
    expect(() => parseEnvironment({ WORKER_CONCURRENCY: '2.5' })).toThrow(
      /WORKER_CONCURRENCY must be a whole number from 1 to 64/,
    );
    expect(() => parseEnvironment({ DEMO_SEED: 'false' })).toThrow(/DEMO_SEED must be on or off/);
  });

  it('accepts production with a long enough secret', () => {
    const secret = 'x'.repeat(32);
    const environment = parseEnvironment({ NODE_ENV: 'production', JWT_SECRET: secret });
    expect(jwtSecretOf(environment)).toBe(secret);
  });

  it('uses the development secret only when nothing is configured, and never in production', () => {
    expect(jwtSecretOf(parseEnvironment({}))).toBe(DEVELOPMENT_JWT_SECRET);
    const production = parseEnvironment({
      NODE_ENV: 'production',
      JWT_JWKS_URL: 'https://id.example.org/jwks.json',
      JWT_ISSUER: 'https://id.example.org',
      JWT_AUDIENCE: 'peermatch',
    });
    expect(jwtSecretOf(production)).toBeUndefined();
  });
});

describe('startRefusalOf', () => {
  const DATABASE_URL = 'postgres://peermatch@db.example.org/peermatch';

  it('refuses the development secret with a database other than the embedded one, naming the fix', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      const refusal = startRefusalOf(parseEnvironment({ NODE_ENV, DATABASE_URL }));
      expect(refusal).toMatch(/DATABASE_URL.*development secret.*set JWT_SECRET .* or JWT_JWKS_URL$/);
      expect(refusal).not.toContain('\n');
    }
  });

  it.each([
    ['the embedded database', {}],
    ['a secret of its own', { DATABASE_URL, JWT_SECRET: 'y'.repeat(32) }],
    [
      'a key set',
      {
        DATABASE_URL,
        JWT_JWKS_URL: 'https://id.example.org/jwks.json',
        JWT_ISSUER: 'https://id.example.org',
        JWT_AUDIENCE: 'peermatch',
      },
    ],
    ['the worker role, which verifies no tokens', { DATABASE_URL, APP_ROLE: 'worker' }],
  ])('lets the service start with %s', (_case, source) => {
    expect(startRefusalOf(parseEnvironment(source))).toBeUndefined();
  });
});
