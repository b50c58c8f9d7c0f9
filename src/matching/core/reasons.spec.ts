import fc from 'fast-check';
import { explainPair, PairExplanation } from './explain';
import { MatchFactor } from './match-factor';
import { preparePeer, prepareWorkers } from './prepared';
import { PeerProfile, TagInfo, TagKindName, WorkerProfile } from './profiles';
import { ReasonCode } from './reason-code';
import { explainedReasonsFor, isReasonAbout, kindOfReason, sentenceOf } from './reasons';
import { explainedWithout, explainedWithoutSensitive, reasonsWithout, reasonsWithoutSensitive } from './redaction';
import { TaxonomyIndex } from './taxonomy-index';
import { peerArbitrary, workerArbitrary } from './testing/arbitraries';
import { northOfSydney, peer, SYDNEY, taxonomy, TAGS, worker } from './testing/fixtures';
import { SupportMode } from './profile.enums';

function explain(p: PeerProfile, w: WorkerProfile, index = taxonomy): PairExplanation {
  const workers = prepareWorkers([w], index);
  return explainPair(preparePeer(p, workers), workers, 0);
}

const KINDS: readonly TagKindName[] = ['LIVED_EXPERIENCE', 'INTEREST', 'CULTURE'];
const eligibleWorker = workerArbitrary('w-9').map((w) => ({ ...w, active: true, capacity: 12, activeMatchCount: 0 }));

describe('explained reasons', () => {
  it('say, reason by reason, what the sentence at the same place says', () => {
    fc.assert(
      fc.property(peerArbitrary, eligibleWorker, (p, w) => {
        const { reasons, explained } = explain(p, w);
        expect(explained.map((reason) => sentenceOf(reason, taxonomy))).toEqual(reasons);
        explained.forEach((reason, i) => {
          const kind = kindOfReason(reason.code);
          for (const other of KINDS) expect(kind === other).toBe(isReasonAbout(other, reasons[i]));
          const kindsNamed = reason.tagIds.map((id) => taxonomy.tag(taxonomy.indexOf(id)).kind);
          expect(kindsNamed).toEqual(kind ? expect.arrayContaining([kind]) : []);
          expect(new Set(kindsNamed).size).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('are withheld exactly where their sentences are', () => {
    fc.assert(
      fc.property(peerArbitrary, eligibleWorker, (p, w) => {
        const { reasons, explained } = explain(p, w);
        const words = (kept: typeof explained) => kept.map((reason) => sentenceOf(reason, taxonomy));
        expect(words(explainedWithoutSensitive(explained))).toEqual(reasonsWithoutSensitive(reasons));
        expect(words(explainedWithout(explained, ['LIVED_EXPERIENCE']))).toEqual(
          reasonsWithout(reasons, ['LIVED_EXPERIENCE']),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('name the peer’s tag first, then the worker’s when it is a close or related one', () => {
    const { explained } = explain(
      peer({
        livedExperienceIds: ['anxiety', 'grief'],
        interestIds: ['baking'],
        languages: ['en', 'vi'],
        modes: [SupportMode.IN_PERSON],
        location: SYDNEY,
        birthYear: 1990,
      }),
      worker({
        livedExperienceIds: ['panic-attacks', 'grief'],
        interestIds: ['cooking'],
        languages: ['vi'],
        modes: [SupportMode.IN_PERSON],
        location: northOfSydney(0.4),
        birthYear: 1988,
      }),
    );
    expect(explained).toEqual([
      { code: ReasonCode.SHARED_LIVED_EXPERIENCE, tagIds: ['grief'] },
      { code: ReasonCode.RELATED_LIVED_EXPERIENCE, tagIds: ['anxiety', 'panic-attacks'] },
      { code: ReasonCode.RELATED_INTEREST, tagIds: ['baking', 'cooking'] },
      { code: ReasonCode.SHARED_LANGUAGE, tagIds: [], language: 'vi' },
      { code: ReasonCode.NEARBY, tagIds: [], distanceKm: 0 },
      { code: ReasonCode.CLOSE_IN_AGE, tagIds: [] },
    ]);
  });

  it('tell the peer’s first language from another shared one', () => {
    const first = explain(peer({ languages: ['vi', 'en'] }), worker({ languages: ['en', 'vi'] })).explained;
    expect(first).toContainEqual({ code: ReasonCode.SHARED_FIRST_LANGUAGE, tagIds: [], language: 'vi' });
  });

  it('give a close cultural background as a shared one with both tags, worded as close', () => {
    const cultures: TagInfo[] = [
      ...TAGS,
      { id: 'greek-cypriot', kind: 'CULTURE', label: 'Greek Cypriot', parentId: 'greek' },
    ];
    const index = new TaxonomyIndex(cultures);
    const p = peer({ cultureIds: ['greek'] });
    const w = worker({ cultureIds: ['greek-cypriot'] });
    const { reasons, explained } = explain(p, w, index);
    expect(explained[0]).toEqual({ code: ReasonCode.SHARED_CULTURE, tagIds: ['greek', 'greek-cypriot'] });
    expect(reasons[0]).toBe('Cultural background Greek Cypriot, close to your Greek');
  });

  it('leave lived experience out without consent to share it, as the sentences do', () => {
    const values = Object.fromEntries(Object.values(MatchFactor).map((factor) => [factor, 1])) as Record<
      MatchFactor,
      number
    >;
    const unshared = peer({
      livedExperienceIds: ['psychosis'],
      consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false },
    });
    const reasons = explainedReasonsFor(unshared, worker({ livedExperienceIds: ['psychosis'] }), values, taxonomy);
    expect(reasons.map((reason) => reason.code)).not.toContain(ReasonCode.SHARED_LIVED_EXPERIENCE);
  });
});
