import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;

/** The exposure budget holds across batches: each starts from the OPEN suggestions already made. */
describe('a popular worker with one free place', () => {
  let t: TestApp;

  beforeAll(async () => {
    // One suggestion each: whether the popular worker is offered is all a peer's list shows.
    t = await startTestApp({ env: { SUGGESTION_COUNT: '1', EXPOSURE_FACTOR: '3' } });
  });
  afterAll(() => t.close());

  it('is offered first to three peers asking one after another, then the next gets someone with room', async () => {
    const intake = await t.tokenFor({ role: 'INTAKE' });
    const popular = await makeSupportWorker(t, { capacity: 1, interests: ['cooking', 'music'] });
    const roomy = await makeSupportWorker(t, { capacity: 10, interests: [] });
    const offered: string[] = [];
    for (let i = 0; i < 4; i++) {
      const peer = await makePeer(t, { interests: ['cooking', 'music'] });
      // Each request computed before the next is made: four batches, one peer each.
      await t.gql(REQUEST, { peerId: peer.id }, intake);
      await waitForJobs(t.app);
      const [suggestion] = await t.dataSource.query(
        `SELECT support_worker_id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN'`,
        [peer.id],
      );
      offered.push(suggestion.support_worker_id);
    }
    expect(offered).toEqual([popular.id, popular.id, popular.id, roomy.id]);
  });
});
