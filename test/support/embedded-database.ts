import { Client } from 'pg';

/** Whether the embedded PostgreSQL that `npm start` runs answers on `port`, as its own user. */
export async function embeddedDatabaseAnswers(port: number): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: 'peermatch',
    password: 'peermatch',
    database: 'postgres',
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
