import { QueryRunner } from 'typeorm';
import { MatchingJobs } from '../src/matching/jobs/matching-jobs.service';
import { makePeer, makeSupportWorker } from './support/factories';
import { eventually, matchingQueue, waitForJobs } from './support/queue';
import { startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;
const UPDATE_PEER = `mutation ($id: ID!) { updatePeer(id: $id, input: { interests: ["cooking"] }) { id } }`;
const BACKLOG = 20;
const BATCH = 2;

describe('work someone waits for, while a background refresh drains', () => {
  let t: TestApp;
  let intake: string;
  let backlog: string[];

  beforeAll(async () => {
    // One background slot: once its batch is held up, nothing else in the background moves.
    t = await startTestApp({ env: { WORKER_CONCURRENCY: '1', RECOMPUTE_BATCH_SIZE: String(BATCH) } });
    intake = await t.tokenFor({ role: 'INTAKE' });
    for (let i = 0; i < 10; i++) await makeSupportWorker(t);
    backlog = [];
    for (let i = 0; i < BACKLOG; i++) {
      const peer = await makePeer(t);
      await t.gql(REQUEST, { peerId: peer.id }, intake);
      backlog.push(peer.id);
    }
    await waitForJobs(t.app, 60_000);
  }, 120_000);
  afterAll(() => t.close());

  const statusOf = async (peerId: string) =>
    (await t.dataSource.query(`SELECT status FROM match_request WHERE peer_id = $1`, [peerId]))[0]?.status;

  /**
   * Every backlog request back to PENDING with a background recompute each, and the first
   * background batch running but held up: its write waits for a peer's row this test holds. A
   * running job is not pre-empted, so whatever is computed meanwhile went through another slot.
   */
  async function refreshHeldUp(): Promise<{ release: () => Promise<void> }> {
    const background = matchingQueue(t.app);
    await background.pause();
    await t.dataSource.query(`UPDATE match_request SET status = 'PENDING' WHERE peer_id = ANY($1::uuid[])`, [backlog]);
    expect(await t.app.get(MatchingJobs).enqueueRecomputes(backlog)).toBe(true);
    const [held] = backlog;
    // The held peer is the longest due: it is in the first batch claimed.
    await t.dataSource.query(`UPDATE recompute_due SET due_since = now() - interval '1 hour' WHERE peer_id = $1`, [
      held,
    ]);
    const holder: QueryRunner = t.dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM peer WHERE id = $1 FOR UPDATE`, [held]);
    await background.resume();
    await eventually(async () => {
      const [{ claimed }] = await t.dataSource.query(
        `SELECT count(*)::int AS claimed FROM recompute_due WHERE claim IS NOT NULL AND peer_id = $1`,
        [held],
      );
      return claimed === 1 && (await background.getActiveCount()) === 1;
    }, 'the first background batch to be running');
    return {
      release: async () => {
        await holder.rollbackTransaction();
        await holder.release();
        await waitForJobs(t.app, 60_000);
      },
    };
  }

  const backlogPending = async () =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS pending FROM match_request WHERE status = 'PENDING' AND peer_id = ANY($1::uuid[])`,
        [backlog],
      )
    )[0].pending as number;

  it('computes a new request while every background slot is busy', async () => {
    const newcomer = await makePeer(t);
    const refresh = await refreshHeldUp();
    await t.gql(REQUEST, { peerId: newcomer.id }, intake);
    await eventually(async () => (await statusOf(newcomer.id)) === 'READY', 'the new request to be READY');
    expect(await backlogPending()).toBe(BACKLOG);
    await refresh.release();
    expect(await backlogPending()).toBe(0);
  });

  it('moves a peer’s own change ahead, even when their background recompute was already waiting', async () => {
    const refresh = await refreshHeldUp();
    const waitingPeer = backlog[backlog.length - 1];
    const [{ urgency }] = await t.dataSource.query(`SELECT urgency FROM recompute_due WHERE peer_id = $1`, [
      waitingPeer,
    ]);
    expect(urgency).toBe(1);
    await t.gql(UPDATE_PEER, { id: waitingPeer }, intake);
    await eventually(async () => (await statusOf(waitingPeer)) === 'READY', 'the changed peer to be computed');
    expect(await backlogPending()).toBe(BACKLOG - 1);
    await refresh.release();
    expect(await backlogPending()).toBe(0);
  });
});
