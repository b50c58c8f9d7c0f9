import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

describe('health endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers live without a token', async () => {
    const response = await request(t.app.getHttpServer()).get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers ready while the database answers, and 503 once it does not', async () => {
    const ready = await request(t.app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.status).toBe('up');

    await t.dataSource.destroy();
    const down = await request(t.app.getHttpServer()).get('/health/ready');
    expect(down.status).toBe(503);
    await t.dataSource.initialize();
  });
});
