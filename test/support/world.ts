import { makePeer, makeSupportWorker } from './factories';
import { waitForJobs } from './queue';
import { TestApp } from './test-app';

/** The people and records every case runs against. */
export interface World {
  peerA: string;
  peerB: string;
  workerW: string;
  requestA: string;
  suggestionA: string;
  matchC: string;
}

/** A peer with an open request and suggestions (A), a peer with none (B), and a peer matched with W (C). */
export async function buildWorld(t: TestApp): Promise<World> {
  await t.reset();
  const admin = await t.tokenFor({ role: 'ADMIN' });
  const consent = { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true };
  const peerA = await makePeer(t, { livedExperiences: ['anxiety'], consent });
  const peerB = await makePeer(t);
  const peerC = await makePeer(t);
  const worker = await makeSupportWorker(t, { capacity: 5 });
  await makeSupportWorker(t, { capacity: 5 });
  const request = async (peerId: string) =>
    (
      await t.gql<{ requestMatch: { id: string } }>(
        'mutation ($p: ID!) { requestMatch(peerId: $p) { id } }',
        { p: peerId },
        admin,
      )
    ).data!.requestMatch.id;
  const requestA = await request(peerA.id);
  await request(peerC.id);
  await waitForJobs(t.app);
  const open = async (peerId: string): Promise<string> =>
    (
      await t.dataSource.query(
        `SELECT id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN' ORDER BY rank LIMIT 1`,
        [peerId],
      )
    )[0].id;
  const suggestionC = (
    await t.dataSource.query(
      `SELECT id FROM suggestion WHERE peer_id = $1 AND support_worker_id = $2 AND status = 'OPEN'`,
      [peerC.id, worker.id],
    )
  )[0].id;
  const matchC = (
    await t.gql<{ acceptSuggestion: { id: string } }>(
      'mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }',
      { id: suggestionC },
      admin,
    )
  ).data!.acceptSuggestion.id;
  await waitForJobs(t.app);
  return { peerA: peerA.id, peerB: peerB.id, workerW: worker.id, requestA, suggestionA: await open(peerA.id), matchC };
}
