import { registerEnumType } from '@nestjs/graphql';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { HardConstraint } from '../../matching/core/hard-constraint';
import { MatchFactor } from '../../matching/core/match-factor';
import { ReasonCode } from '../../matching/core/reason-code';
import {
  DeclineReason,
  MatchEndReason,
  MatchRequestStatus,
  MatchStatus,
  SuggestionStatus,
} from '../../matching/core/matching.enums';
import { Gender, SupportMode } from '../../matching/core/profile.enums';
import { WeeklySlot } from '../../profiles/weekly-slot';
import { TagKind } from '../../taxonomy/tag-kind';

/**
 * Every enum the schema shows, registered once, here. The domains define them as plain
 * TypeScript, so that the matching core can use them without the framework.
 */
let registered = false;

export function registerEnums(): void {
  // Once per process, however many applications it builds (tests build many).
  if (registered) return;
  registered = true;
  registerEnumType(TagKind, {
    name: 'TagKind',
    description:
      'What a tag describes: each profile list (livedExperiences, interests, culturalBackgrounds) holds one kind.',
    valuesMap: {
      LIVED_EXPERIENCE: { description: 'Lived experience of mental ill-health and recovery: health information.' },
      INTEREST: { description: 'Something the person enjoys doing.' },
      CULTURE: {
        description: 'A cultural background or community; shown and audited as lived experience is.',
      },
    },
  });
  registerEnumType(Gender, {
    name: 'Gender',
    description: 'A person’s gender, as they give it.',
    valuesMap: {
      WOMAN: { description: 'Woman.' },
      MAN: { description: 'Man.' },
      NON_BINARY: { description: 'Non-binary.' },
      UNDISCLOSED: {
        description: 'Chose not to say. A support worker who gave no gender counts as this for a peer’s workerGenders.',
      },
    },
  });
  registerEnumType(SupportMode, {
    name: 'SupportMode',
    description: 'How a peer and a support worker meet; a pair must share at least one.',
    valuesMap: {
      IN_PERSON: {
        description:
          'Face to face, within the nearer of the peer’s maxDistanceKm and the worker’s serviceRadiusKm when both gave a location.',
      },
      PHONE: { description: 'By phone.' },
      VIDEO: { description: 'By video call.' },
    },
  });
  registerEnumType(MatchFactor, {
    name: 'MatchFactor',
    description:
      'A soft factor of the score, valued 0..1. A factor that does not apply to a pair (no birth year given, no location) drops out instead of counting as 0.',
    valuesMap: {
      LIVED_EXPERIENCE: {
        description:
          'How well the worker’s disclosed lived experience covers the peer’s: the same tag 1, its parent or a child 0.75, a sibling 0.5. Only with the peer’s consent to use it; weighs most by default.',
      },
      INTERESTS: { description: 'The same coverage over interests (cooking is close to baking).' },
      AGE: { description: 'Closeness in age: 1 for the same birth year, 0.5 at 10 years apart.' },
      CULTURE: { description: 'The same coverage over cultural backgrounds, when the peer gave one.' },
      LANGUAGE: { description: '1 when the worker speaks the peer’s first language, 0.5 for another shared one.' },
      DISTANCE: {
        description: 'In person only: 1 at the door, 0 at the nearer of the two radii; without a radius, 0.5 at 25 km.',
      },
      AVAILABILITY: { description: 'The share of the peer’s weekly slots the worker is available in too.' },
      LOAD: { description: 'Room left in the worker’s caseload: free places divided by capacity.' },
    },
  });
  registerEnumType(HardConstraint, {
    name: 'HardConstraint',
    description: 'Why a worker cannot be suggested to a peer at all; a pair can fail several at once.',
    valuesMap: {
      WORKER_INACTIVE: { description: 'The worker is not active.' },
      WORKER_AT_CAPACITY: { description: 'The worker has as many active matches as their capacity.' },
      NO_SHARED_LANGUAGE: { description: 'The two share no language.' },
      NO_COMPATIBLE_MODE: { description: 'The two share no support mode.' },
      OUT_OF_RANGE: {
        description:
          'In person is the only mode they share, and they live further apart than the nearer of the two radii.',
      },
      GENDER_PREFERENCE: { description: 'The worker’s gender is not one of the peer’s workerGenders.' },
      PREVIOUSLY_DECLINED: { description: 'The peer declined this worker before.' },
      LOCATION_UNKNOWN: { description: 'In person is all the pair shares, and one of them has no known location.' },
      WORKER_NOT_ACCEPTING_NEW_PEERS: {
        description: 'The worker is taking no new peers for now (acceptingNewPeers is false); their matches go on.',
      },
    },
  });
  registerEnumType(ReasonCode, {
    name: 'ReasonCode',
    description: 'What a reason says the pair shares; its tags name what, where it is about tags.',
    valuesMap: {
      SHARED_LIVED_EXPERIENCE: { description: 'Lived experience of the same thing (one tag).' },
      RELATED_LIVED_EXPERIENCE: {
        description: 'Lived experience of something close (parent or child) or related (sibling): two tags.',
      },
      SHARED_INTEREST: { description: 'The same interest (one tag).' },
      RELATED_INTEREST: { description: 'A close or related interest: two tags.' },
      SHARED_CULTURE: {
        description: 'The same cultural background (one tag), or a close or related one (two tags).',
      },
      SHARED_FIRST_LANGUAGE: { description: 'The worker speaks the peer’s first language (see language).' },
      SHARED_LANGUAGE: { description: 'The two share a language other than the peer’s first (see language).' },
      CLOSE_IN_AGE: { description: 'Born within 5 years of each other.' },
      NEARBY: { description: 'In person: how far apart they live (see distanceKm).' },
      AVAILABLE_AT_THE_SAME_TIMES: { description: 'Free in at least half of the peer’s weekly slots.' },
      HAS_ROOM: { description: 'Room in the worker’s caseload; not given yet: `reasons` has no sentence for it.' },
    },
  });
  registerEnumType(WeeklySlot, {
    name: 'WeeklySlot',
    description: 'Morning, afternoon or evening of a weekday.',
    valuesMap: Object.fromEntries(
      Object.values(WeeklySlot).map((slot) => {
        const [day, part] = slot.split('_');
        const weekday = {
          MON: 'Monday',
          TUE: 'Tuesday',
          WED: 'Wednesday',
          THU: 'Thursday',
          FRI: 'Friday',
          SAT: 'Saturday',
          SUN: 'Sunday',
        }[day];
        return [slot, { description: `${weekday} ${part.toLowerCase()}.` }];
      }),
    ),
  });
  registerEnumType(MatchRequestStatus, {
    name: 'MatchRequestStatus',
    description: 'Where a request for suggestions stands. PENDING, READY and NO_CANDIDATES are open: one per peer.',
    valuesMap: {
      PENDING: { description: 'Asked for; the suggestions are being computed.' },
      READY: { description: 'Suggestions are there to choose from.' },
      NO_CANDIDATES: {
        description: 'No worker suits the peer now; computed again when a worker or the peer changes.',
      },
      ACCEPTED: { description: 'The peer accepted one of its suggestions: a match began.' },
      CANCELLED: {
        description: 'Closed without a match: withdrawn with cancelMatchRequest, or the peer’s data was erased.',
      },
    },
  });
  registerEnumType(SuggestionStatus, {
    name: 'SuggestionStatus',
    description: 'Where a suggestion stands; only an OPEN one can be accepted or declined.',
    valuesMap: {
      OPEN: { description: 'Waiting for the peer’s choice.' },
      ACCEPTED: { description: 'The peer took it: a match began.' },
      DECLINED: { description: 'The peer turned it down; that worker is not suggested to them again.' },
      WITHDRAWN: {
        description:
          'No longer offered: the peer accepted another, a recomputation no longer ranks it, its request was cancelled, or the peer’s data was erased.',
      },
      EXPIRED: { description: 'Left open longer than the configured time to live (14 days by default).' },
    },
  });
  registerEnumType(DeclineReason, {
    name: 'DeclineReason',
    description:
      'Why a peer turned a suggestion down. A reason naming a factor raises that factor’s importance for the peer by one level, once.',
    valuesMap: {
      NOT_A_FIT: { description: 'Not a fit; says nothing about a particular factor.' },
      PREFER_DIFFERENT_GENDER: {
        description: 'A worker of another gender is wanted; set the peer’s workerGenders to make it a rule.',
      },
      PREFER_CLOSER_AGE: { description: 'Someone closer in age is wanted: raises AGE.' },
      LANGUAGE: { description: 'Someone who speaks the peer’s first language is wanted: raises LANGUAGE.' },
      AVAILABILITY: { description: 'Someone free at the same times is wanted: raises AVAILABILITY.' },
      LOCATION: { description: 'Someone nearer is wanted: raises DISTANCE.' },
      OTHER: { description: 'Another reason, which the note may give.' },
    },
  });
  registerEnumType(MatchStatus, {
    name: 'MatchStatus',
    description: 'Whether a match goes on.',
    valuesMap: {
      ACTIVE: { description: 'Going on; a peer has at most one.' },
      ENDED: { description: 'Ended (endMatch, or the peer’s erasure); the worker’s place is free again.' },
    },
  });
  registerEnumType(MatchEndReason, {
    name: 'MatchEndReason',
    description: 'Why a match ended.',
    valuesMap: {
      GOALS_MET: { description: 'The peer reached what they set out to.' },
      PEER_CHOICE: { description: 'The peer chose to end it.' },
      WORKER_UNAVAILABLE: { description: 'The support worker can no longer support the peer.' },
      NOT_A_FIT: { description: 'The two did not fit.' },
      OTHER: { description: 'Another reason, which the note may give.' },
    },
  });
  registerEnumType(AuditAction, {
    name: 'AuditAction',
    description: 'What an audit event records.',
    valuesMap: {
      READ_SENSITIVE: {
        description:
          'Health information (lived experience, cultural backgrounds, or reasons, scores and explanations that speak of them) was read by someone other than its owner.',
      },
      CREATE: { description: 'A peer or support worker was registered.' },
      UPDATE: { description: 'A peer’s or support worker’s profile changed.' },
      REQUEST_MATCH: { description: 'Suggestions were asked for a peer.' },
      CANCEL_REQUEST: { description: 'An open request for suggestions was withdrawn (cancelMatchRequest).' },
      ACCEPT: { description: 'A suggestion was accepted.' },
      DECLINE: { description: 'A suggestion was declined.' },
      END: { description: 'A match was ended.' },
      ERASE: { description: 'A peer’s personal data was erased.' },
      EXPORT: { description: 'A copy of everything held about a peer was handed out (exportPeerData).' },
      SIGN_IN: { description: 'A person signed in to the pages: a session began.' },
      SIGN_OUT: { description: 'A person signed out of the pages: their session ended at once.' },
    },
  });
  registerEnumType(AuditSubject, {
    name: 'AuditSubject',
    description: 'The kind of record an audit event is about.',
    valuesMap: {
      PEER: { description: 'A peer.' },
      SUPPORT_WORKER: { description: 'A support worker.' },
      MATCH_REQUEST: { description: 'A match request.' },
      SUGGESTION: { description: 'A suggestion.' },
      MATCH: { description: 'A match.' },
      SESSION: { description: 'A session of the pages, by its id.' },
    },
  });
}
