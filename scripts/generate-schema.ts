/** Writes schema.graphql and the README's access table from the code. Usage: npm run schema:generate */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/app/bootstrap';
import { parseEnvironment } from '../src/config/environment';
import { printServedSchema } from '../src/schema/print-schema';
import { withAccessTable } from '../src/schema/readme-access-table';

async function main(): Promise<void> {
  const environment = parseEnvironment({ LOG_LEVEL: 'warn', ...process.env });
  const url = environment.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must be set; run through `npm run schema:generate`');
  const app = await createApp({ environment, database: { url }, queue: { databaseUrl: url }, role: 'api' });
  try {
    const root = join(__dirname, '..');
    writeFileSync(join(root, 'schema.graphql'), printServedSchema(app));
    const readme = join(root, 'README.md');
    writeFileSync(readme, withAccessTable(readFileSync(readme, 'utf8'), app));
    console.log('schema.graphql and the README access table written');
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
