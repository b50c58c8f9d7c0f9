import { parseEnvironment } from '../config/environment';
import { autoSeedWanted } from './auto-seed';

describe('autoSeedWanted', () => {
  const empty = { peers: 0, supportWorkers: 0 };

  it('seeds a first start of the development default: embedded database, nobody in it', () => {
    expect(autoSeedWanted(parseEnvironment({}), empty)).toBe(true);
    expect(autoSeedWanted(parseEnvironment({ DEMO_SEED: 'on', NODE_ENV: 'development' }), empty)).toBe(true);
  });

  it.each([
    ['DEMO_SEED=off', { DEMO_SEED: 'off' }],
    ['DATABASE_URL set', { DATABASE_URL: 'postgres://peermatch@db.example.org/peermatch' }],
    ['NODE_ENV=production', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }],
    ['NODE_ENV=test', { NODE_ENV: 'test' }],
  ])('never with %s', (_, source) => {
    expect(autoSeedWanted(parseEnvironment(source), empty)).toBe(false);
  });

  it('never on a database holding a peer or a support worker', () => {
    const environment = parseEnvironment({});
    expect(autoSeedWanted(environment, { peers: 1, supportWorkers: 0 })).toBe(false);
    expect(autoSeedWanted(environment, { peers: 0, supportWorkers: 1 })).toBe(false);
  });
});
