import { Environment } from '../config/environment';
import { withDataSource } from './demo-database';
import { DemoSeedResult, seedDemo } from './seed-demo';

export interface People {
  peers: number;
  supportWorkers: number;
}

/**
 * A first start of the development default seeds demo people: the embedded database, nothing
 * in it yet, DEMO_SEED left on. Never with DATABASE_URL, which may hold real records, nor in
 * production or tests.
 */
export function autoSeedWanted(
  environment: Pick<Environment, 'DEMO_SEED' | 'NODE_ENV' | 'DATABASE_URL'>,
  people: People,
): boolean {
  return (
    environment.DEMO_SEED === 'on' &&
    environment.NODE_ENV === 'development' &&
    !environment.DATABASE_URL &&
    people.peers === 0 &&
    people.supportWorkers === 0
  );
}

/** Seeds the migrated database at `url` when autoSeedWanted says so; undefined when it did not. */
export async function autoSeed(
  url: string,
  environment: Pick<Environment, 'DEMO_SEED' | 'NODE_ENV' | 'DATABASE_URL'>,
): Promise<DemoSeedResult | undefined> {
  // Settings that rule it out need no connection.
  if (!autoSeedWanted(environment, { peers: 0, supportWorkers: 0 })) return undefined;
  return withDataSource(url, async (dataSource) => {
    const [people]: People[] = await dataSource.query(
      `SELECT (SELECT count(*) FROM peer)::int AS peers, (SELECT count(*) FROM support_worker)::int AS "supportWorkers"`,
    );
    if (!autoSeedWanted(environment, people)) return undefined;
    const result = await seedDemo(dataSource, environment);
    // Another process starting at the same moment seeded first.
    return result.seeded ? result : undefined;
  });
}
