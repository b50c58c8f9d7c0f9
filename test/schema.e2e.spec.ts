import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printServedSchema } from '../src/schema/print-schema';
import { startTestApp, TestApp } from './support/test-app';

describe('schema.graphql', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is exactly what the code serves (run `npm run schema:generate` after changing types)', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(printServedSchema(t.app)).toBe(committed);
  });
});
