import { DataSource } from 'typeorm';

/** A connection of its own, before or without the app: the seed reads and writes in plain SQL, no entity needed. */
export async function withDataSource<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource({ type: 'postgres', url, poolSize: 2 }).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
