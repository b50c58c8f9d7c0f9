import { DataSource, EntityManager } from 'typeorm';
import { retryingTransaction } from '../src/common/database/retrying-transaction';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createTestDatabase, TestDatabase } from './support/test-database';

type Runner = <T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>) => Promise<T>;

describe('a transaction PostgreSQL aborts to break a deadlock', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await dataSource.query(`CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)`);
    await dataSource.query(`INSERT INTO counter VALUES (1, 0), (2, 0)`);
    // Found at once rather than after the default second.
    await dataSource.query(`ALTER DATABASE ${new URL(database.url).pathname.slice(1)} SET deadlock_timeout = '50ms'`);
    await dataSource.destroy();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Two transactions that each take one row and then want the other's: one of them deadlocks. */
  async function crossedUpdates(run: Runner): Promise<{ outcomes: string[]; attempts: number }> {
    await dataSource.query(`UPDATE counter SET value = 0`);
    let attempts = 0;
    let locked = 0;
    const bothLocked = async () => {
      locked++;
      while (locked < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const crossed = (first: number, second: number) =>
      run(dataSource, async (manager) => {
        attempts++;
        await manager.query(`UPDATE counter SET value = value + 1 WHERE id = $1`, [first]);
        await bothLocked();
        await manager.query(`UPDATE counter SET value = value + 1 WHERE id = $1`, [second]);
      }).then(
        () => 'ok',
        (error: { driverError?: { code?: string } }) => error.driverError?.code ?? String(error),
      );
    const outcomes = await Promise.all([crossed(1, 2), crossed(2, 1)]);
    return { outcomes, attempts };
  }

  it('fails one of them without the retry (so the case below is a real deadlock)', async () => {
    const { outcomes } = await crossedUpdates((source, work) => source.transaction(work));
    expect(outcomes.sort()).toEqual(['40P01', 'ok']);
  });

  it('runs the aborted one again, so both succeed and each row counts both', async () => {
    const { outcomes, attempts } = await crossedUpdates(retryingTransaction);
    expect(outcomes).toEqual(['ok', 'ok']);
    expect(attempts).toBe(3);
    const rows: { value: number }[] = await dataSource.query(`SELECT value FROM counter ORDER BY id`);
    expect(rows.map((row) => row.value)).toEqual([2, 2]);
  });
});
