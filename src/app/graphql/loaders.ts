import { DataSource } from 'typeorm';
import type { Loaders } from '../../common/loaders/loader-registry';
import { matchLoaders } from '../../matching/matches/match.loaders';
import { matchRequestLoaders } from '../../matching/requests/match-request.loaders';
import { suggestionLoaders } from '../../matching/suggestions/suggestion.loaders';
import { peerLoaders } from '../../peers/peer.loaders';
import { supportWorkerLoaders } from '../../support-workers/support-worker.loaders';
import { taxonomyLoaders } from '../../taxonomy/taxonomy.loaders';

/** One request's loaders: every domain's, composed. */
export function createLoaders(dataSource: DataSource): Loaders {
  return {
    ...taxonomyLoaders(dataSource),
    ...peerLoaders(dataSource),
    ...supportWorkerLoaders(dataSource),
    ...matchLoaders(dataSource),
    ...matchRequestLoaders(dataSource),
    ...suggestionLoaders(dataSource),
  } satisfies Loaders;
}
