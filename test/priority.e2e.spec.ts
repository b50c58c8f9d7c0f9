import { MatchingJobs } from '../src/matching/jobs/matching-jobs.service';
import { makePeer, makeSupportWorker } from './support/factories';
import { eventually, waitForJobs } from './support/queue';
import { startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;
const UPDATE_PEER = `mutation ($id: ID!) { updatePeer(id: $id, input: { interests: ["cooking"] }) { id } }`;
const BACKLOG = 80;

describe('work someone waits for, while a background refresh drains', () => {
  let t: TestApp;
  let intake: string;
  let backlog: string[];

  beforeAll(async () => {
    // One consumer slot: the order in which jobs are taken is all that decides who waits.
    t = await startTestApp({ env: { WORKER_CONCURRENCY: '1' } });
    intake = await t.tokenFor({ role: 'INTAKE' });
    for (let i = 0; i < 30; i++) await makeSupportWorker(t);
    backlog = [];
    for (let i = 0; i < BACKLOG; i++) {
      const peer = await makePeer(t);
      await t.gql(REQUEST, { peerId: peer.id }, intake);
      backlog.push(peer.id);
    }
    await waitForJobs(t.app, 60_000);
  }, 120_000);
  afterAll(() => t.close());

  /** Every backlog request back to PENDING, and a background recompute of each enqueued. */
  async function refreshEveryone(): Promise<void> {
    await t.dataSource.query(`UPDATE match_request SET status = 'PENDING' WHERE peer_id = ANY($1::uuid[])`, [backlog]);
    expect(await t.app.get(MatchingJobs).enqueueRecomputes(backlog)).toBe(true);
  }

  const stillPending = async () =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS pending FROM match_request WHERE status = 'PENDING' AND peer_id = ANY($1::uuid[])`,
        [backlog],
      )
    )[0].pending as number;

  it('computes a new request ahead of the refresh', async () => {
    const newcomer = await makePeer(t);
    await refreshEveryone();
    await t.gql(REQUEST, { peerId: newcomer.id }, intake);
    await eventually(async () => {
      const [request] = await t.dataSource.query(`SELECT status FROM match_request WHERE peer_id = $1`, [newcomer.id]);
      return request?.status === 'READY';
    }, 'the new request to be READY');
    expect(await stillPending()).toBeGreaterThan(BACKLOG / 2);
    await waitForJobs(t.app, 60_000);
  });

  it('moves a peer’s own change ahead, even when their background recompute was already waiting', async () => {
    await refreshEveryone();
    const waitingPeer = backlog[backlog.length - 1];
    await t.gql(UPDATE_PEER, { id: waitingPeer }, intake);
    await eventually(async () => {
      const [request] = await t.dataSource.query(`SELECT status FROM match_request WHERE peer_id = $1`, [waitingPeer]);
      return request?.status === 'READY';
    }, 'the changed peer to be computed');
    expect(await stillPending()).toBeGreaterThan(BACKLOG / 2);
    await waitForJobs(t.app, 60_000);
  });
});
