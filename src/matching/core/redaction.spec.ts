import fc from 'fast-check';
import { explainPair, PairExplanation } from './explain';
import { MatchFactor } from './match-factor';
import { preparePeer, prepareWorkers } from './prepared';
import { PeerProfile, WorkerProfile } from './profiles';
import { reasonsWithout, reasonsWithoutSensitive, withoutFactors, withoutSensitiveFactors } from './redaction';
import { isReasonAbout } from './reasons';
import { peerArbitrary, workerArbitrary } from './testing/arbitraries';
import { peer, taxonomy, worker } from './testing/fixtures';

function explain(p: PeerProfile, w: WorkerProfile): PairExplanation {
  const workers = prepareWorkers([w], taxonomy);
  return explainPair(preparePeer(p, workers), workers, 0);
}

const consenting = peerArbitrary.map((p) => ({
  ...p,
  consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true },
}));
const eligibleWorker = workerArbitrary('w-9').map((w) => ({
  ...w,
  active: true,
  acceptingNewPeers: true,
  capacity: 12,
  activeMatchCount: 0,
}));

describe('redaction of what speaks of lived experience', () => {
  it('gives the score and breakdown the peer would have without consenting to its use', () => {
    fc.assert(
      fc.property(consenting, eligibleWorker, (p, w) => {
        const full = explain(p, w);
        fc.pre(full.eligible);
        const withheld = explain({ ...p, consent: { ...p.consent, useLivedExperienceForMatching: false } }, w);
        const redacted = withoutFactors(full.breakdown, [MatchFactor.LIVED_EXPERIENCE]);
        expect(redacted.score).toBeCloseTo(withheld.score ?? 0, 9);
        expect(redacted.breakdown.map((c) => c.factor)).toEqual(withheld.breakdown.map((c) => c.factor));
        redacted.breakdown.forEach((component, index) => {
          expect(component.weight).toBeCloseTo(withheld.breakdown[index].weight, 9);
          expect(component.contribution).toBeCloseTo(withheld.breakdown[index].contribution, 9);
        });
      }),
    );
  });

  it('keeps every reason but those naming lived experience, as for a peer who does not share it', () => {
    fc.assert(
      fc.property(consenting, eligibleWorker, (p, w) => {
        const full = explain(p, w);
        const unshared = explain({ ...p, consent: { ...p.consent, shareLivedExperienceWithWorkers: false } }, w);
        expect(reasonsWithout(full.reasons, ['LIVED_EXPERIENCE'])).toEqual(unshared.reasons);
      }),
    );
  });

  it('recognises every wording of a shared, close or related lived experience and no other reason', () => {
    fc.assert(
      fc.property(consenting, eligibleWorker, (p, w) => {
        for (const reason of explain(p, w).reasons) {
          expect(isReasonAbout('LIVED_EXPERIENCE', reason)).toBe(/lived experience/.test(reason));
          expect(isReasonAbout('CULTURE', reason)).toBe(/cultural background/i.test(reason));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('leaves nothing of lived experience or cultural background in the sensitive redaction', () => {
    const p = peer({ livedExperienceIds: ['anxiety'], cultureIds: ['greek'], interestIds: ['cooking'] });
    const full = explain(
      p,
      worker({ livedExperienceIds: ['anxiety'], cultureIds: ['greek'], interestIds: ['cooking'] }),
    );
    expect(full.reasons.some((reason) => /lived experience/.test(reason))).toBe(true);
    expect(full.reasons.some((reason) => /cultural background/i.test(reason))).toBe(true);
    const reasons = reasonsWithoutSensitive(full.reasons);
    expect(reasons).toContain('You both enjoy cooking');
    expect(reasons.join(' ')).not.toMatch(/lived experience|cultural background/i);
    const { breakdown, score } = withoutSensitiveFactors(full.breakdown);
    expect(breakdown.map((c) => c.factor)).not.toContain(MatchFactor.LIVED_EXPERIENCE);
    expect(breakdown.map((c) => c.factor)).not.toContain(MatchFactor.CULTURE);
    expect(breakdown.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 9);
    expect(score).toBeCloseTo(
      breakdown.reduce((sum, c) => sum + c.contribution, 0),
      9,
    );
  });
});
