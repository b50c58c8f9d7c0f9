import fc from 'fast-check';
import { ExplainedReasons1795700000000 as ExplainedMigration } from '../migrations/1795700000000-ExplainedReasons';
import { explainPair } from '../src/matching/core';
import { preparePeer, prepareWorkers } from '../src/matching/core/prepared';
import { peerArbitrary, workerArbitrary } from '../src/matching/core/testing/arbitraries';
import { taxonomy, TAGS } from '../src/matching/core/testing/fixtures';

const eligibleWorker = workerArbitrary('w-9').map((w) => ({ ...w, active: true, capacity: 12, activeMatchCount: 0 }));

describe('explained reasons read back from stored sentences', () => {
  it('are what the core gives beside those sentences', () => {
    fc.assert(
      fc.property(peerArbitrary, eligibleWorker, (peer, worker) => {
        const workers = prepareWorkers([worker], taxonomy);
        const { reasons, explained } = explainPair(preparePeer(peer, workers), workers, 0);
        expect(ExplainedMigration.explainSentences(reasons, TAGS, peer.languages)).toEqual(explained);
      }),
      { numRuns: 1000 },
    );
  });
});
