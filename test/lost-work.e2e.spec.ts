import { MatchingJobs } from '../src/matching/jobs/matching-jobs.service';
import { SweeperService } from '../src/matching/jobs/sweeper.service';
import { makePeer, makeSupportWorker } from './support/factories';
import { interactiveQueue, matchingQueue, waitForJobs } from './support/queue';
import { startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;
const UPDATE_WORKER = `mutation ($id: ID!) { updateSupportWorker(id: $id, input: { languages: ["vi", "fr"] }) { id } }`;

/** Matching work whose job the queue lost: it is recorded in PostgreSQL, and the sweep wakes it. */
describe('work whose job was lost', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    // Work left waiting is due for waking at once, so that one sweep shows what it does.
    t = await startTestApp({ env: { PENDING_REQUEUE_AFTER_MS: '0' } });
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  afterAll(() => t.close());

  const suggestedWorkers = async (peerId: string): Promise<string[]> =>
    (
      (await t.dataSource.query(`SELECT support_worker_id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN'`, [
        peerId,
      ])) as { support_worker_id: string }[]
    ).map((row) => row.support_worker_id);

  /** Runs `lose` with the queues paused, emptied of what `lose` enqueued, then resumed. */
  async function losingJobs(lose: () => Promise<void>): Promise<void> {
    const queues = [matchingQueue(t.app), interactiveQueue(t.app)];
    for (const queue of queues) await queue.pause();
    await lose();
    for (const queue of queues) {
      await queue.drain();
      await queue.resume();
    }
  }

  it('recovers a fan-out: the worker a change made eligible is offered to the peer short of K', async () => {
    const peer = await makePeer(t, { languages: ['fr'] });
    await makeSupportWorker(t, { languages: ['fr'] });
    const changing = await makeSupportWorker(t, { languages: ['vi'] });
    await t.gql(REQUEST, { peerId: peer.id }, intake);
    await waitForJobs(t.app);
    expect(await suggestedWorkers(peer.id)).toHaveLength(1);

    await losingJobs(async () => {
      expect((await t.gql(UPDATE_WORKER, { id: changing.id }, intake)).errors).toBeUndefined();
    });
    const [{ owed }] = await t.dataSource.query(`SELECT count(*)::int AS owed FROM fan_out_due`);
    expect(owed).toBe(1);
    expect(await suggestedWorkers(peer.id)).not.toContain(changing.id);

    expect((await t.app.get(SweeperService).sweep()).woken).toBeGreaterThanOrEqual(1);
    await waitForJobs(t.app);
    expect(await suggestedWorkers(peer.id)).toContain(changing.id);
  });

  it('recovers a due peer whose batch was never woken', async () => {
    const peer = await makePeer(t, { languages: ['de'] });
    await makeSupportWorker(t, { languages: ['de'] });
    await t.gql(REQUEST, { peerId: peer.id }, intake);
    await waitForJobs(t.app);
    const computedAt = async () =>
      String(
        (
          await t.dataSource.query(`SELECT ready_at::text AS ready_at FROM match_request WHERE peer_id = $1`, [peer.id])
        )[0].ready_at,
      );
    const before = await computedAt();

    // A READY request, computed from the current profile: only its record as due says it is owed.
    await losingJobs(async () => {
      expect(await t.app.get(MatchingJobs).enqueueRecomputes([peer.id])).toBe(true);
    });
    const [{ due }] = await t.dataSource.query(`SELECT count(*)::int AS due FROM recompute_due WHERE peer_id = $1`, [
      peer.id,
    ]);
    expect(due).toBe(1);

    expect(await t.app.get(SweeperService).sweep()).toMatchObject({ requeued: 0, woken: 1 });
    await waitForJobs(t.app);
    expect(await computedAt()).not.toBe(before);
  });
});
