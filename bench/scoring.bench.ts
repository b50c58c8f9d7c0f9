/**
 * Scores every pair of P peers and W workers with the core and with the plain Set-based
 * baseline, checks they agree on every peer's top 5, and prints the throughput of both.
 * Usage: npm run bench:scoring [-- --peers 2000 --workers 5000 --seed 7]
 */
import { parseArgs } from 'node:util';
import { preparePeer, prepareWorkers, rankCandidates, TaxonomyIndex } from '../src/matching/core';
import { TAGS } from '../src/matching/core/testing/fixtures';
import { BaselineRanked, BaselineScorer } from './baseline-scoring';
import { generatePeers, generateWorkers, seededRandom } from '../src/population/population';

const TOP = 5;

const { values } = parseArgs({
  options: {
    peers: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '7' },
  },
});
const peerCount = Number(values.peers);
const workerCount = Number(values.workers);
const random = seededRandom(Number(values.seed));
const workers = generateWorkers(workerCount, random);
const peers = generatePeers(peerCount, random);
const pairs = peerCount * workerCount;
console.log(`population: ${peerCount} peers x ${workerCount} workers = ${pairs.toLocaleString('en')} pairs`);

// Both implementations first run on a few peers, untimed, so that the JIT compiler has
// optimised them before the clock starts.
const WARM_UP_PEERS = 50;
const taxonomy = new TaxonomyIndex(TAGS);
const baseline = new BaselineScorer(TAGS);
{
  const warmWorkers = prepareWorkers(workers, taxonomy);
  for (const peer of peers.slice(0, WARM_UP_PEERS)) {
    rankCandidates(preparePeer(peer, warmWorkers), warmWorkers, TOP);
    baseline.rank(peer, workers, TOP);
  }
}

// Core: workers are laid out once, as a recompute does per batch; that is timed too.
const coreStart = process.hrtime.bigint();
const prepared = prepareWorkers(workers, taxonomy);
const coreTop = peers.map((peer) => rankCandidates(preparePeer(peer, prepared), prepared, TOP));
const coreSeconds = Number(process.hrtime.bigint() - coreStart) / 1e9;

const baselineStart = process.hrtime.bigint();
const baselineTop = peers.map((peer) => baseline.rank(peer, workers, TOP));
const baselineSeconds = Number(process.hrtime.bigint() - baselineStart) / 1e9;

/** Same scores rank by rank; the same workers except where two scores tie to within rounding. */
function agrees(core: { workerId: string; score: number }[], plain: BaselineRanked[]): boolean {
  if (core.length !== plain.length) return false;
  return core.every((ranked, j) => {
    if (Math.abs(ranked.score - plain[j].score) > 1e-9) return false;
    const tiedWithNeighbour =
      (j > 0 && Math.abs(plain[j - 1].score - plain[j].score) <= 1e-9) ||
      (j + 1 < plain.length && Math.abs(plain[j + 1].score - plain[j].score) <= 1e-9);
    return ranked.workerId === plain[j].workerId || tiedWithNeighbour;
  });
}
const disagreements = peers.filter((_, p) => !agrees(coreTop[p], baselineTop[p])).length;
const eligible = coreTop.filter((ranked) => ranked.length > 0).length;
console.log(`peers with suggestions: ${eligible}; top-${TOP} disagreements with the baseline: ${disagreements}`);
console.log(`core: ${coreSeconds.toFixed(3)} s; baseline: ${baselineSeconds.toFixed(3)} s`);
if (disagreements > 0) {
  console.error('the core and the baseline disagree');
  process.exit(1);
}
const pairsPerSecond = pairs / coreSeconds;
const baselinePairsPerSecond = pairs / baselineSeconds;
console.log(
  `scoring: pairs_per_s=${Math.round(pairsPerSecond)} baseline_pairs_per_s=${Math.round(baselinePairsPerSecond)} speedup=${(pairsPerSecond / baselinePairsPerSecond).toFixed(1)}`,
);
