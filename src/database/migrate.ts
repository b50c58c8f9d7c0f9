import { DataSource } from 'typeorm';
import { MIGRATIONS_GLOB, MIGRATIONS_TABLE } from './migration-options';

// Any constant shared by every PeerMatch process: API and queue consumers may start together.
const MIGRATION_LOCK = 720_310_001;

/**
 * Applies pending migrations, one process at a time; returns the names applied. Migrations are
 * plain SQL, so no entity is loaded here.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = await new DataSource({
    type: 'postgres',
    url,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: MIGRATIONS_TABLE,
  }).initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
