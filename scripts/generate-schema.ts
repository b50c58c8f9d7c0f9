/** Writes schema.graphql from the code-first types. Usage: npm run schema:generate */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/bootstrap';
import { printServedSchema } from '../src/schema/print-schema';

process.env.LOG_LEVEL ??= 'warn';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must be set; run through `npm run schema:generate`');
  const app = await createApp({ database: { url }, queue: { databaseUrl: url }, role: 'api' });
  try {
    writeFileSync(join(__dirname, '..', 'schema.graphql'), printServedSchema(app));
    console.log('schema.graphql written');
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
