import { Job } from 'bullmq';
import { MatchingJobs } from '../src/matching/jobs/matching-jobs.service';
import { JobName } from '../src/matching/jobs/queue-names';
import { makePeer, makeSupportWorker } from './support/factories';
import { eventually, matchingQueue } from './support/queue';
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

  it('share the work, never compute one peer in both at once, and lose no write', async () => {
    const intake = await t.tokenFor({ role: 'INTAKE' });
    for (let i = 0; i < 10; i++) await makeSupportWorker(t);
    const peerIds: string[] = [];
    for (let i = 0; i < PEERS; i++) {
      const peer = await makePeer(t);
      await t.gql(REQUEST, { peerId: peer.id }, intake);
      peerIds.push(peer.id);
    }
    for (let i = 0; i < 2; i++) {
      consumers.push(
        startServiceProcess({
          APP_ROLE: 'worker',
          DATABASE_URL: t.database.url,
          REDIS_URL: process.env.REDIS_URL,
          QUEUE_PREFIX: t.queuePrefix,
          WORKER_CONCURRENCY: '2',
          LOG_LEVEL: 'warn',
        }),
      );
    }
    await eventually(() => allComputed(peerIds), 'every request to be computed', 60_000);

    // A refresh of everyone while half of them change their profile: a peer's background and
    // interactive recomputes meet in the two consumers.
    expect(await t.app.get(MatchingJobs).enqueueRecomputes(peerIds)).toBe(true);
    for (const peerId of peerIds.slice(0, PEERS / 2)) await t.gql(UPDATE_PEER, { id: peerId }, intake);
    await eventually(
      async () => {
        const counts = await matchingQueue(t.app).getJobCounts('waiting', 'prioritized', 'active');
        return Object.values(counts).every((count) => count === 0) && allComputed(peerIds);
      },
      'the refresh to drain',
      60_000,
    );

    const done: Job[] = (await matchingQueue(t.app).getJobs(['completed'])).filter(
      (job) => job.name === JobName.RECOMPUTE,
    );
    const byConsumer = new Set(done.map((job) => job.processedBy));
    expect(byConsumer.size).toBe(2);
    const byPeer = new Map<string, Job[]>();
    for (const job of done) byPeer.set(job.data.peerId, [...(byPeer.get(job.data.peerId) ?? []), job]);
    const overlapping = [...byPeer]
      .filter(([, jobs]) => {
        const spans = jobs.map((job) => [job.processedOn!, job.finishedOn!]).sort((a, b) => a[0] - b[0]);
        return spans.some(([start], i) => i > 0 && start < spans[i - 1][1]);
      })
      .map(([peerId]) => peerId);
    expect(overlapping).toEqual([]);
    expect(Math.max(...[...byPeer.values()].map((jobs) => jobs.length))).toBeGreaterThan(1);
  });
});
