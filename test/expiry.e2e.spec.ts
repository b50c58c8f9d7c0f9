import { SweeperService } from '../src/matching/jobs/sweeper.service';
import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;

describe('a suggestion past SUGGESTION_TTL_HOURS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { SUGGESTION_TTL_HOURS: '1' } });
  });
  afterAll(() => t.close());

  it('is expired by the sweep, and one still within its lifetime stays open', async () => {
    const peer = await makePeer(t);
    await makeSupportWorker(t);
    await makeSupportWorker(t);
    await t.gql(REQUEST, { peerId: peer.id }, await t.tokenFor({ role: 'INTAKE' }));
    await waitForJobs(t.app);
    const [old, fresh]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN' ORDER BY rank`,
      [peer.id],
    );
    await t.dataSource.query(`UPDATE suggestion SET created_at = now() - interval '61 minutes' WHERE id = $1`, [old.id]);

    expect((await t.app.get(SweeperService).sweep()).expired).toBe(1);
    const statuses: { id: string; status: string }[] = await t.dataSource.query(
      `SELECT id, status FROM suggestion WHERE peer_id = $1`,
      [peer.id],
    );
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [old.id]: 'EXPIRED',
      [fresh.id]: 'OPEN',
    });
  });
});
