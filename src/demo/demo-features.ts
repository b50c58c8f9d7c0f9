import { SupportMode } from '../matching/core/profile.enums';
import { DemoMatch } from './demo-matches';
import { DemoPeer, DemoWorker } from './demo-population';

/** The demo people a development sign-in list offers, one of each, recorded by the seed. */
export const DEMO_FEATURES = ['PEER_CHOOSING', 'PEER_MATCHED', 'PEER_NEW', 'WORKER_BUSY', 'WORKER_ROOM'] as const;
export type DemoFeature = (typeof DEMO_FEATURES)[number];

/**
 * One person in each state worth showing. The peer choosing is one the engine will surely find
 * suggestions for: English, video, no gender asked for, lived experience used with consent.
 */
export function pickFeatures(
  workers: readonly DemoWorker[],
  peers: readonly DemoPeer[],
  matches: readonly DemoMatch[],
  openRequestPeerIds: ReadonlySet<string>,
): Map<string, DemoFeature> {
  const features = new Map<string, DemoFeature>();
  const matched = new Set(matches.map((match) => match.peerId));
  const choosing = peers.find(
    ({ profile }) =>
      openRequestPeerIds.has(profile.id) &&
      profile.languages.includes('en') &&
      profile.modes.includes(SupportMode.VIDEO) &&
      !profile.workerGenders.length &&
      profile.consent.useLivedExperienceForMatching,
  );
  const matchedPeer = peers.find(({ profile }) => matched.has(profile.id));
  const fresh = peers.find(({ profile }) => !matched.has(profile.id) && !openRequestPeerIds.has(profile.id));
  if (choosing) features.set(choosing.profile.id, 'PEER_CHOOSING');
  if (matchedPeer) features.set(matchedPeer.profile.id, 'PEER_MATCHED');
  if (fresh) features.set(fresh.profile.id, 'PEER_NEW');

  const load = new Map<string, number>();
  for (const match of matches) load.set(match.workerId, (load.get(match.workerId) ?? 0) + 1);
  const byLoad = [...workers].sort((a, b) => (load.get(b.profile.id) ?? 0) - (load.get(a.profile.id) ?? 0));
  const busy = byLoad.find(({ profile }) => (load.get(profile.id) ?? 0) > 0);
  const room = (worker: DemoWorker) => worker.profile.capacity - (load.get(worker.profile.id) ?? 0);
  // One who has peers already and room for more, when there is such a worker.
  const open = workers
    .filter((worker) => worker !== busy && worker.profile.active && room(worker) > 0)
    .sort((a, b) => room(b) - room(a));
  const withRoom = open.find(({ profile }) => (load.get(profile.id) ?? 0) > 0) ?? open[0];
  if (busy) features.set(busy.profile.id, 'WORKER_BUSY');
  if (withRoom) features.set(withRoom.profile.id, 'WORKER_ROOM');
  return features;
}
