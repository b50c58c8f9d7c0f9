import { SweeperService } from '../src/matching/jobs/sweeper.service';
import { makePeer, makeSupportWorker } from './support/factories';
import { interactiveQueue, waitForJobs } from './support/queue';
import { startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;
const DECLINE = `mutation ($id: ID!) { declineSuggestion(id: $id, reason: NOT_A_FIT) { id } }`;

describe('the sweep', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    // A request owing a computation is due at once, so that one sweep shows what it does.
    t = await startTestApp({ env: { SUGGESTION_TTL_HOURS: '1', PENDING_REQUEUE_AFTER_MS: '0' } });
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  afterAll(() => t.close());

  async function peerWithSuggestions(workers: number) {
    const peer = await makePeer(t);
    for (let i = 0; i < workers; i++) await makeSupportWorker(t);
    await t.gql(REQUEST, { peerId: peer.id }, intake);
    await waitForJobs(t.app);
    return peer;
  }

  const statusesOf = async (peerId: string) =>
    Object.fromEntries(
      (
        (await t.dataSource.query(`SELECT id, status FROM suggestion WHERE peer_id = $1`, [peerId])) as {
          id: string;
          status: string;
        }[]
      ).map((row) => [row.id, row.status]),
    );

  it('expires a suggestion past SUGGESTION_TTL_HOURS, keeps one within it, and refills the place', async () => {
    await t.reset();
    const peer = await peerWithSuggestions(2);
    const [old, fresh]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN' ORDER BY rank`,
      [peer.id],
    );
    await t.dataSource.query(`UPDATE suggestion SET created_at = now() - interval '61 minutes' WHERE id = $1`, [
      old.id,
    ]);

    expect(await t.app.get(SweeperService).sweep()).toMatchObject({ expired: 1, requeued: 1 });
    await waitForJobs(t.app);
    const statuses = await statusesOf(peer.id);
    expect(statuses).toMatchObject({ [old.id]: 'EXPIRED', [fresh.id]: 'OPEN' });
    expect(Object.values(statuses).filter((status) => status === 'OPEN')).toHaveLength(2);
  });

  it('refills after a decline whose refill job was lost', async () => {
    await t.reset();
    // Six workers for five places: the declined one's place can be filled.
    const peer = await peerWithSuggestions(6);
    const [declined]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN' ORDER BY rank LIMIT 1`,
      [peer.id],
    );
    const queue = interactiveQueue(t.app);
    await queue.pause();
    const token = await t.tokenFor({ role: 'PEER', peerId: peer.id });
    expect((await t.gql(DECLINE, { id: declined.id }, token)).errors).toBeUndefined();
    // The refill is lost before any consumer takes it: its job, and the record that it is due
    // (as when the API process dies between the decline's commit and recording it).
    await queue.drain();
    await t.dataSource.query(`DELETE FROM recompute_due WHERE peer_id = $1`, [peer.id]);
    await queue.resume();
    await waitForJobs(t.app);
    const open = async () => Object.values(await statusesOf(peer.id)).filter((status) => status === 'OPEN').length;
    expect(await open()).toBe(4);

    expect((await t.app.get(SweeperService).sweep()).requeued).toBe(1);
    await waitForJobs(t.app);
    expect(await open()).toBe(5);
  });
});
