import { Job } from 'bullmq';
import { MatchingJobs } from '../src/matching/jobs/matching-jobs.service';
import { JobName } from '../src/matching/jobs/queue-names';
import { makePeer, makeSupportWorker } from './support/factories';
import { eventually, interactiveQueue, matchingQueue, waitForJobs } from './support/queue';
import { ServiceProcess, startServiceProcess } from './support/service-process';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;
const UPDATE_PEER = `mutation ($id: ID!) { updatePeer(id: $id, input: { interests: ["cooking"] }) { id } }`;
const PEERS = 40;

describe('two consumer processes on one queue', () => {
  let t: TestApp & { database: { url: string }; queuePrefix: string };
  const consumers: ServiceProcess[] = [];

  beforeAll(async () => {
    // This process serves the API only: every computation happens in the two consumers.
    t = await startTestApp({ role: 'api' });
  });
  afterAll(async () => {
    for (const consumer of consumers) consumer.child.kill('SIGKILL');
    await Promise.all(consumers.map((consumer) => consumer.exited));
    await t.close();
  });

  const allComputed = async (peerIds: string[]) => {
    const [{ done }] = await t.dataSource.query(
      `SELECT count(*)::int AS done FROM match_request r JOIN peer p ON p.id = r.peer_id
        WHERE r.peer_id = ANY($1::uuid[]) AND r.status = 'READY' AND r.computed_profile_version = p.profile_version`,
      [peerIds],
    );
    return done === peerIds.length;
  };

  /**
   * Every change of who holds a due peer, as PostgreSQL saw it: a batch computes only the peers
   * it holds, so one peer in two batches at once would show as a claim taken over by another.
   */
  async function recordClaims(): Promise<void> {
    await t.dataSource.query(`CREATE TABLE claim_log (peer_id uuid, held_by uuid, taken_by uuid)`);
    await t.dataSource.query(`
      CREATE FUNCTION log_claim() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO claim_log VALUES (OLD.peer_id, OLD.claim, CASE WHEN TG_OP = 'UPDATE' THEN NEW.claim END);
        RETURN NULL;
      END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER log_claim AFTER UPDATE OF claim OR DELETE ON recompute_due FOR EACH ROW EXECUTE FUNCTION log_claim()`,
    );
  }

  it('share the work, never compute one peer in both at once, and lose no write', async () => {
    await recordClaims();
    for (let i = 0; i < 2; i++) {
      consumers.push(
        startServiceProcess({
          APP_ROLE: 'worker',
          DATABASE_URL: t.database.url,
          REDIS_URL: process.env.REDIS_URL,
          QUEUE_PREFIX: t.queuePrefix,
          WORKER_CONCURRENCY: '2',
          // Small batches, so that a refresh of 40 peers is many jobs for the two to share.
          RECOMPUTE_BATCH_SIZE: '4',
          LOG_LEVEL: 'info',
        }),
      );
    }
    // Both consumers are taking jobs before there is any work: one that started seconds before the
    // other (a loaded machine) would otherwise take it all, and the sharing would not be tested.
    for (const consumer of consumers) {
      await eventually(async () => /"msg":"started"/.test(consumer.output()), 'both consumers to start', 60_000);
    }
    const intake = await t.tokenFor({ role: 'INTAKE' });
    for (let i = 0; i < 10; i++) await makeSupportWorker(t);
    const peerIds: string[] = [];
    for (let i = 0; i < PEERS; i++) {
      const peer = await makePeer(t);
      await t.gql(REQUEST, { peerId: peer.id }, intake);
      peerIds.push(peer.id);
    }
    await eventually(() => allComputed(peerIds), 'every request to be computed', 60_000).catch((error: Error) => {
      throw new Error(
        `${error.message}; consumer output:\n${consumers.map((consumer) => consumer.output()).join('\n')}`,
      );
    });

    // A refresh of everyone while half of them change their profile: a peer's background and
    // interactive recomputes meet in the two consumers.
    expect(await t.app.get(MatchingJobs).enqueueRecomputes(peerIds)).toBe(true);
    for (const peerId of peerIds.slice(0, PEERS / 2)) await t.gql(UPDATE_PEER, { id: peerId }, intake);
    await waitForJobs(t.app, 60_000);
    await eventually(() => allComputed(peerIds), 'the refresh to be written', 60_000);

    const done: Job[] = [
      ...(await matchingQueue(t.app).getJobs(['completed'])),
      ...(await interactiveQueue(t.app).getJobs(['completed'])),
    ].filter((job) => job.name === JobName.RECOMPUTE_BATCH && job.returnvalue?.peers > 0);
    expect(new Set(done.map((job) => job.processedBy)).size).toBe(2);
    const [{ claims }] = await t.dataSource.query(
      `SELECT count(DISTINCT taken_by)::int AS claims FROM claim_log WHERE taken_by IS NOT NULL`,
    );
    expect(claims).toBeGreaterThan(PEERS / 4);
    const takenOver = await t.dataSource.query(
      `SELECT peer_id FROM claim_log WHERE held_by IS NOT NULL AND taken_by IS NOT NULL AND held_by <> taken_by`,
    );
    expect(takenOver).toEqual([]);
  });
});
