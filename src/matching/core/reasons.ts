import { SupportMode } from './profile.enums';
import { distanceKm } from './geo';
import { MatchFactor } from './match-factor';
import { PeerProfile, TagKindName, WorkerProfile } from './profiles';
import { ReasonCode } from './reason-code';
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

/** The codes a kind's tag reasons carry: the same tag, and a close or related one. */
const TAG_CODES: Record<TagKindName, { same: ReasonCode; related: ReasonCode }> = {
  LIVED_EXPERIENCE: { same: ReasonCode.SHARED_LIVED_EXPERIENCE, related: ReasonCode.RELATED_LIVED_EXPERIENCE },
  INTEREST: { same: ReasonCode.SHARED_INTEREST, related: ReasonCode.RELATED_INTEREST },
  // The contract has one code for culture: a close background is told apart by its second tag.
  CULTURE: { same: ReasonCode.SHARED_CULTURE, related: ReasonCode.SHARED_CULTURE },
};

const KIND_OF_CODE: ReadonlyMap<ReasonCode, TagKindName> = new Map(
  (Object.entries(TAG_CODES) as [TagKindName, { same: ReasonCode; related: ReasonCode }][]).flatMap(
    ([kind, { same, related }]) => [
      [same, kind],
      [related, kind],
    ],
  ),
);

/** The kind of tag a reason speaks of; null for one naming no tag. */
export function kindOfReason(code: ReasonCode): TagKindName | null {
  return KIND_OF_CODE.get(code) ?? null;
}

/**
 * What one sentence of the reasons says, as data: the sentence is written from it (sentenceOf),
 * so the two cannot say different things.
 */
export interface ExplainedReason {
  code: ReasonCode;
  /** For a tag reason: the peer's tag, then the worker's tag credited for it when it is not the same one. */
  tagIds: string[];
  /** For a language reason: the ISO 639-1 code both speak. */
  language?: string;
  /** For NEARBY: whole kilometres, as the sentence says them; 0 for less than 1 km. */
  distanceKm?: number;
}

/** For each of the peer's tags, the worker's tag giving it the most credit. */
function tagReasons(
  kind: TagKindName,
  peerTagIds: readonly string[],
  workerTagIds: readonly string[],
  taxonomy: TaxonomyIndex,
): ExplainedReason[] {
  const codes = TAG_CODES[kind];
  const workerTags = taxonomy.indexesOf(workerTagIds);
  const found: { credit: number; reason: ExplainedReason }[] = [];
  for (const peerTag of taxonomy.indexesOf(peerTagIds)) {
    let best = 0;
    let bestTag = -1;
    for (const workerTag of workerTags) {
      const credit = taxonomy.similarity(peerTag, workerTag);
      if (credit > best) [best, bestTag] = [credit, workerTag];
    }
    const yours = taxonomy.tag(peerTag).id;
    if (best === SAME_TAG) found.push({ credit: best, reason: { code: codes.same, tagIds: [yours] } });
    else if (best === PARENT_OR_CHILD || best === SIBLING) {
      found.push({ credit: best, reason: { code: codes.related, tagIds: [yours, taxonomy.tag(bestTag).id] } });
    }
  }
  return found.sort((a, b) => b.credit - a.credit).map(({ reason }) => reason);
}

function languageReason(peer: PeerProfile, worker: WorkerProfile): ExplainedReason | null {
  const index = peer.languages.findIndex((language) => worker.languages.includes(language));
  if (index < 0) return null;
  const code = index === 0 ? ReasonCode.SHARED_FIRST_LANGUAGE : ReasonCode.SHARED_LANGUAGE;
  return { code, tagIds: [], language: peer.languages[index] };
}

function distanceReason(peer: PeerProfile, worker: WorkerProfile): ExplainedReason | null {
  if (!peer.location || !worker.location) return null;
  const km = distanceKm(
    peer.location.latitude,
    peer.location.longitude,
    worker.location.latitude,
    worker.location.longitude,
  );
  return { code: ReasonCode.NEARBY, tagIds: [], distanceKm: km < 1 ? 0 : Math.round(km) };
}

export const CLOSE_IN_AGE_YEARS = 5;

/**
 * What the pair shares, strongest first. Lived experience is named only when the peer consented
 * to it being used and shared; the worker's side is only what the worker discloses on their
 * profile.
 */
export function explainedReasonsFor(
  peer: PeerProfile,
  worker: WorkerProfile,
  values: Readonly<Record<MatchFactor, number>>,
  taxonomy: TaxonomyIndex,
): ExplainedReason[] {
  const reasons: ExplainedReason[] = [];
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
    reasons.push({ code: ReasonCode.CLOSE_IN_AGE, tagIds: [] });
  }
  if (applies(MatchFactor.AVAILABILITY) && values[MatchFactor.AVAILABILITY] >= 0.5) {
    reasons.push({ code: ReasonCode.AVAILABLE_AT_THE_SAME_TIMES, tagIds: [] });
  }
  return reasons;
}

function tagSentence(kind: TagKindName, [yoursId, theirsId]: readonly string[], taxonomy: TaxonomyIndex): string {
  const wording = WORDING[kind];
  const yoursIndex = taxonomy.indexOf(yoursId);
  const yours = inSentence(kind, taxonomy.tag(yoursIndex).label);
  if (theirsId === undefined) return wording.same(yours);
  const theirsIndex = taxonomy.indexOf(theirsId);
  const theirs = inSentence(kind, taxonomy.tag(theirsIndex).label);
  return taxonomy.similarity(yoursIndex, theirsIndex) === PARENT_OR_CHILD
    ? wording.close(theirs, yours)
    : wording.related(theirs, yours);
}

/** The plain sentence a reason is given as in `reasons`. */
export function sentenceOf(reason: ExplainedReason, taxonomy: TaxonomyIndex): string {
  const kind = kindOfReason(reason.code);
  if (kind) return tagSentence(kind, reason.tagIds, taxonomy);
  switch (reason.code) {
    case ReasonCode.SHARED_FIRST_LANGUAGE:
    case ReasonCode.SHARED_LANGUAGE:
      return `You both speak ${reason.language ? (languageNames.of(reason.language) ?? reason.language) : ''}`;
    case ReasonCode.NEARBY:
      return reason.distanceKm ? `Lives ${reason.distanceKm} km away` : 'Lives less than 1 km away';
    case ReasonCode.CLOSE_IN_AGE:
      return 'Close to you in age';
    case ReasonCode.AVAILABLE_AT_THE_SAME_TIMES:
      return 'Free at times that suit you';
    default:
      // HAS_ROOM is in the contract, but the reasons have never had a sentence for it.
      throw new Error(`No sentence for the reason ${reason.code}`);
  }
}
