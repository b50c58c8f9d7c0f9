import { MatchingProcessor } from '../src/matching/jobs/matching.processor';
import { startTestApp, TestApp } from './support/test-app';

describe('the queue consumer', () => {
  let apps: TestApp[] = [];

  beforeAll(async () => {
    // Started side by side: each consumer keeps the settings its own app was given.
    apps = await Promise.all([
      startTestApp({ env: { JOB_LOCK_MS: '1234', WORKER_CONCURRENCY: '3' } }),
      startTestApp({ env: { JOB_LOCK_MS: '5678', WORKER_CONCURRENCY: '2' } }),
    ]);
  });
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('holds and checks job locks for JOB_LOCK_MS, and runs WORKER_CONCURRENCY jobs, as given at start', () => {
    const [first, second] = apps.map((t) => t.app.get(MatchingProcessor).worker);
    expect(first.opts).toMatchObject({ lockDuration: 1234, stalledInterval: 1234 });
    expect(first.concurrency).toBe(3);
    expect(second.opts).toMatchObject({ lockDuration: 5678, stalledInterval: 5678 });
    expect(second.concurrency).toBe(2);
  });
});
