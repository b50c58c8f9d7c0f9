import fc from 'fast-check';
import { evaluatePair } from './kernel';
import { preparePeer, prepareWorkers } from './prepared';
import { FairRanking, rankCandidates, rankForWaitingPeers } from './rank';
import { peerArbitrary, workerArbitrary, workersArbitrary } from './testing/arbitraries';
import { peer, taxonomy, worker } from './testing/fixtures';

describe('ranking', () => {
  it('returns the top k best first, with ranks from 1', () => {
    const workers = prepareWorkers(
      [
        worker({ id: 'a', interestIds: [] }),
        worker({ id: 'b', interestIds: ['cooking'] }),
        worker({ id: 'c', interestIds: ['baking'] }),
        worker({ id: 'd', active: false, interestIds: ['cooking'] }),
      ],
      taxonomy,
    );
    const ranked = rankCandidates(preparePeer(peer({ interestIds: ['cooking'] }), workers), workers, 2);
    expect(ranked.map(({ workerId, rank }) => [workerId, rank])).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('breaks ties by worker id, whatever the input order', () => {
    const ids = ['m', 'c', 'x', 'a'];
    const workers = prepareWorkers(
      ids.map((id) => worker({ id })),
      taxonomy,
    );
    expect(rankCandidates(preparePeer(peer(), workers), workers, 3).map((r) => r.workerId)).toEqual(['a', 'c', 'm']);
  });

  it('offers a worker with one free place to at most three waiting peers first, the longest-waiting', () => {
    const workers = prepareWorkers(
      [worker({ id: 'popular', capacity: 1, interestIds: ['cooking'] }), worker({ id: 'roomy', capacity: 50 })],
      taxonomy,
    );
    const waiting = Array.from({ length: 50 }, (_, i) => ({
      peer: preparePeer(peer({ id: `peer-${String(i).padStart(2, '0')}`, interestIds: ['cooking'] }), workers),
      waitingSince: new Date(Date.UTC(2026, 0, 1) + (50 - i) * 60_000),
    }));
    const suggestions = rankForWaitingPeers(waiting, workers, { k: 1 });
    const offeredPopular = [...suggestions].filter(([, ranked]) => ranked[0]?.workerId === 'popular');
    expect(offeredPopular.map(([peerId]) => peerId).sort()).toEqual(['peer-47', 'peer-48', 'peer-49']);
    expect([...suggestions.values()].every((ranked) => ranked.length === 1 && !ranked[0].beyondBudget)).toBe(true);
  });

  it('never empties a list for the budget: past it, a worker with room is still offered, marked beyond', () => {
    const workers = prepareWorkers([worker({ id: 'only', capacity: 1 })], taxonomy);
    const waiting = Array.from({ length: 5 }, (_, i) => ({
      peer: preparePeer(peer({ id: `peer-${i}` }), workers),
      waitingSince: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    }));
    const suggestions = rankForWaitingPeers(waiting, workers, { k: 1, exposureFactor: 3 });
    const beyond = [...suggestions].map(([peerId, ranked]) => [peerId, ranked[0]?.beyondBudget]);
    expect(beyond).toEqual([
      ['peer-0', false],
      ['peer-1', false],
      ['peer-2', false],
      ['peer-3', true],
      ['peer-4', true],
    ]);
  });

  it('fills a list to k from beyond the budget, ranked by score with the rest', () => {
    const workers = prepareWorkers(
      [worker({ id: 'a', interestIds: ['cooking'] }), worker({ id: 'b' }), worker({ id: 'c' })],
      taxonomy,
    );
    const spent = Int32Array.of(0, 1, 0);
    const ranked = rankCandidates(preparePeer(peer({ interestIds: ['cooking'] }), workers), workers, 2, spent);
    expect(ranked.map(({ workerId, rank, beyondBudget }) => [workerId, rank, beyondBudget])).toEqual([
      ['a', 1, true],
      ['b', 2, false],
    ]);
  });
});

describe('one budget across batches', () => {
  const workers = () =>
    prepareWorkers(
      [worker({ id: 'popular', capacity: 1, interestIds: ['cooking'] }), worker({ id: 'roomy', capacity: 50 })],
      taxonomy,
    );
  const cooking = (id: string, prepared: ReturnType<typeof workers>) =>
    preparePeer(peer({ id, interestIds: ['cooking'] }), prepared);

  it('counts the OPEN suggestions earlier batches made against the budget of this one', () => {
    const prepared = workers();
    // Two peers of an earlier batch hold the popular worker already: one new offer is left.
    const ranking = new FairRanking(prepared, { k: 1, offered: Int32Array.of(2, 0) });
    const firsts = ['p1', 'p2', 'p3'].map((id) => ranking.rank(cooking(id, prepared))[0].workerId);
    expect(firsts).toEqual(['popular', 'roomy', 'roomy']);
  });

  it('keeps what a peer was shown without spending budget on it, and counts each offer past the budget', () => {
    const prepared = workers();
    const ranking = new FairRanking(prepared, { k: 2, exposureFactor: 1, offered: Int32Array.of(1, 0) });
    const shown = ranking.rank(cooking('p1', prepared), [0]);
    expect(shown.map(({ workerId, beyondBudget }) => [workerId, beyondBudget])).toEqual([
      ['popular', false],
      ['roomy', false],
    ]);
    expect(ranking.yields).toBe(0);
    // The popular worker's one place is offered already: a new peer gets it only because two are asked for.
    const next = ranking.rank(cooking('p2', prepared));
    expect(next.map(({ workerId, beyondBudget }) => [workerId, beyondBudget])).toEqual([
      ['popular', true],
      ['roomy', false],
    ]);
    expect(ranking.yields).toBe(1);
  });
});

describe('suggestions already shown', () => {
  const workers = () =>
    prepareWorkers(
      [
        worker({ id: 'shown', interestIds: [] }),
        worker({ id: 'better', interestIds: ['cooking'] }),
        worker({ id: 'also', interestIds: ['baking'] }),
        worker({ id: 'gone', active: false }),
      ],
      taxonomy,
    );
  const cooking = peer({ interestIds: ['cooking'] });

  it('stay while their worker is eligible, even below better ones and past the budget; the rest fill up to k', () => {
    const prepared = workers();
    const spent = Int32Array.of(0, 5, 5, 5);
    const ranked = rankCandidates(preparePeer(cooking, prepared), prepared, 2, spent, [0]);
    expect(ranked.map(({ workerId, rank, beyondBudget }) => [workerId, rank, beyondBudget])).toEqual([
      ['better', 1, false],
      ['shown', 2, false],
    ]);
  });

  it('leave once their worker is no longer eligible', () => {
    const prepared = workers();
    const ranked = rankCandidates(preparePeer(cooking, prepared), prepared, 2, undefined, [0, 3]);
    expect(ranked.map(({ workerId }) => workerId)).toEqual(['better', 'shown']);
  });
});

describe('properties', () => {
  it('every score lies within 0..100', () => {
    fc.assert(
      fc.property(peerArbitrary, workersArbitrary(6), (p, ws) => {
        const workers = prepareWorkers(ws, taxonomy);
        const prepared = preparePeer(p, workers);
        for (let i = 0; i < workers.count; i++) {
          const score = evaluatePair(prepared, workers, i);
          if (score >= 0) expect(score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('adding a tag the peer has to a worker never lowers the score', () => {
    const kinds = ['livedExperienceIds', 'interestIds', 'cultureIds'] as const;
    fc.assert(
      fc.property(peerArbitrary, workerArbitrary('w-9'), fc.constantFrom(...kinds), fc.nat(), (p, w, kind, pick) => {
        fc.pre(p[kind].length > 0);
        const tag = p[kind][pick % p[kind].length];
        const before = prepareWorkers([w], taxonomy);
        const after = prepareWorkers([{ ...w, [kind]: [...new Set([...w[kind], tag])] }], taxonomy);
        const scoreBefore = evaluatePair(preparePeer(p, before), before, 0);
        const scoreAfter = evaluatePair(preparePeer(p, after), after, 0);
        fc.pre(scoreBefore >= 0);
        expect(scoreAfter).toBeGreaterThanOrEqual(scoreBefore - 1e-9);
      }),
    );
  });

  it('never ranks an excluded worker', () => {
    fc.assert(
      fc.property(peerArbitrary, workersArbitrary(8), (p, ws) => {
        const workers = prepareWorkers(ws, taxonomy);
        const prepared = preparePeer(p, workers);
        for (const { workerIndex } of rankCandidates(prepared, workers, 8)) {
          expect(evaluatePair(prepared, workers, workerIndex)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('ranks the same whatever order the workers come in', () => {
    fc.assert(
      fc.property(peerArbitrary, workersArbitrary(8), fc.nat(), (p, ws, seed) => {
        const shuffled = [...ws].sort(
          (a, b) => ((a.id.charCodeAt(2) * 31 + seed) % 7) - ((b.id.charCodeAt(2) * 31 + seed) % 7),
        );
        const rank = (list: typeof ws) => {
          const workers = prepareWorkers(list, taxonomy);
          return rankCandidates(preparePeer(p, workers), workers, 5).map(({ workerId, score, rank }) => ({
            workerId,
            score,
            rank,
          }));
        };
        expect(rank(shuffled)).toEqual(rank(ws));
      }),
    );
  });
});
