import { SupportMode } from './profile.enums';
import { distanceKm } from './geo';
import { MatchFactor } from './match-factor';
import { PeerProfile, TagKindName, WorkerProfile } from './profiles';
import { PARENT_OR_CHILD, SAME_TAG, SIBLING, TaxonomyIndex } from './taxonomy-index';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "Panic attacks" reads "panic attacks" mid-sentence; cultures are proper names and stay as they are. */
function inSentence(kind: TagKindName, label: string): string {
  return kind !== 'CULTURE' && /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

interface TagWording {
  same: (tag: string) => string;
  close: (theirs: string, yours: string) => string;
  related: (theirs: string, yours: string) => string;
}

const WORDING: Record<TagKindName, TagWording> = {
  LIVED_EXPERIENCE: {
    same: (tag) => `You both have lived experience of ${tag}`,
    close: (theirs, yours) => `Has lived experience of ${theirs}, close to your ${yours}`,
    related: (theirs, yours) => `Has lived experience of ${theirs}, related to your ${yours}`,
  },
  INTEREST: {
    same: (tag) => `You both enjoy ${tag}`,
    close: (theirs, yours) => `Enjoys ${theirs}, close to your love of ${yours}`,
    related: (theirs, yours) => `Enjoys ${theirs}, related to your love of ${yours}`,
  },
  CULTURE: {
    same: (tag) => `Shares your cultural background: ${tag}`,
    close: (theirs, yours) => `Cultural background ${theirs}, close to your ${yours}`,
    related: (theirs, yours) => `Cultural background ${theirs}, related to your ${yours}`,
  },
};

const PLACEHOLDER = '\u0000';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern matching every sentence one kind's wording can produce, from the wording itself. */
function sentencesOf(kind: TagKindName): RegExp {
  const wording = WORDING[kind];
  const shapes = [
    wording.same(PLACEHOLDER),
    wording.close(PLACEHOLDER, PLACEHOLDER),
    wording.related(PLACEHOLDER, PLACEHOLDER),
  ];
  return new RegExp(
    `^(?:${shapes.map((shape) => shape.split(PLACEHOLDER).map(escapeRegExp).join('.+')).join('|')})$`,
    's',
  );
}

const SENTENCES_OF_KIND: Record<TagKindName, RegExp> = {
  LIVED_EXPERIENCE: sentencesOf('LIVED_EXPERIENCE'),
  INTEREST: sentencesOf('INTEREST'),
  CULTURE: sentencesOf('CULTURE'),
};

/** Whether a stored reason speaks of tags of this kind (so that it can be withheld with them). */
export function isReasonAbout(kind: TagKindName, sentence: string): boolean {
  return SENTENCES_OF_KIND[kind].test(sentence);
}

/** For each of the peer's tags, the worker's tag giving it the most credit, in words. */
function tagReasons(
  kind: TagKindName,
  peerTagIds: readonly string[],
  workerTagIds: readonly string[],
  taxonomy: TaxonomyIndex,
): string[] {
  const wording = WORDING[kind];
  const workerTags = taxonomy.indexesOf(workerTagIds);
  const found: { credit: number; sentence: string }[] = [];
  for (const peerTag of taxonomy.indexesOf(peerTagIds)) {
    let best = 0;
    let bestTag = -1;
    for (const workerTag of workerTags) {
      const credit = taxonomy.similarity(peerTag, workerTag);
      if (credit > best) [best, bestTag] = [credit, workerTag];
    }
    const yours = inSentence(kind, taxonomy.tag(peerTag).label);
    const theirs = bestTag >= 0 ? inSentence(kind, taxonomy.tag(bestTag).label) : '';
    if (best === SAME_TAG) found.push({ credit: best, sentence: wording.same(yours) });
    else if (best === PARENT_OR_CHILD) found.push({ credit: best, sentence: wording.close(theirs, yours) });
    else if (best === SIBLING) found.push({ credit: best, sentence: wording.related(theirs, yours) });
  }
  return found.sort((a, b) => b.credit - a.credit).map(({ sentence }) => sentence);
}

function languageReason(peer: PeerProfile, worker: WorkerProfile): string | null {
  const shared = peer.languages.find((language) => worker.languages.includes(language));
  return shared ? `You both speak ${languageNames.of(shared) ?? shared}` : null;
}

function distanceReason(peer: PeerProfile, worker: WorkerProfile): string | null {
  if (!peer.location || !worker.location) return null;
  const km = distanceKm(
    peer.location.latitude,
    peer.location.longitude,
    worker.location.latitude,
    worker.location.longitude,
  );
  return km < 1 ? 'Lives less than 1 km away' : `Lives ${Math.round(km)} km away`;
}

export const CLOSE_IN_AGE_YEARS = 5;

/**
 * Plain sentences saying what the pair shares, strongest first. Lived experience is named only
 * when the peer consented to it being used and shared; the worker's side is only what the
 * worker discloses on their profile.
 */
export function reasonsFor(
  peer: PeerProfile,
  worker: WorkerProfile,
  values: Readonly<Record<MatchFactor, number>>,
  taxonomy: TaxonomyIndex,
): string[] {
  const reasons: string[] = [];
  const applies = (factor: MatchFactor) => !Number.isNaN(values[factor]) && values[factor] > 0;
  const { useLivedExperienceForMatching, shareLivedExperienceWithWorkers } = peer.consent;
  if (applies(MatchFactor.LIVED_EXPERIENCE) && useLivedExperienceForMatching && shareLivedExperienceWithWorkers) {
    reasons.push(...tagReasons('LIVED_EXPERIENCE', peer.livedExperienceIds, worker.livedExperienceIds, taxonomy));
  }
  if (applies(MatchFactor.INTERESTS)) {
    reasons.push(...tagReasons('INTEREST', peer.interestIds, worker.interestIds, taxonomy));
  }
  if (applies(MatchFactor.CULTURE)) {
    reasons.push(...tagReasons('CULTURE', peer.cultureIds, worker.cultureIds, taxonomy));
  }
  const language = languageReason(peer, worker);
  if (language) reasons.push(language);
  if (applies(MatchFactor.DISTANCE) && peer.modes.includes(SupportMode.IN_PERSON)) {
    const distance = distanceReason(peer, worker);
    if (distance) reasons.push(distance);
  }
  if (peer.birthYear && worker.birthYear && Math.abs(peer.birthYear - worker.birthYear) <= CLOSE_IN_AGE_YEARS) {
    reasons.push('Close to you in age');
  }
  if (applies(MatchFactor.AVAILABILITY) && values[MatchFactor.AVAILABILITY] >= 0.5) {
    reasons.push('Free at times that suit you');
  }
  return reasons;
}
