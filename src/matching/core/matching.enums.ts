export enum MatchRequestStatus {
  PENDING = 'PENDING',
  READY = 'READY',
  NO_CANDIDATES = 'NO_CANDIDATES',
  ACCEPTED = 'ACCEPTED',
  CANCELLED = 'CANCELLED',
}

/** A request in one of these is still looking for a match: at most one per peer. */
export const OPEN_REQUEST_STATUSES = [
  MatchRequestStatus.PENDING,
  MatchRequestStatus.READY,
  MatchRequestStatus.NO_CANDIDATES,
] as const;

export enum SuggestionStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}

/** What a request's suggestions list shows: what was withdrawn or expired is left out. */
export const VISIBLE_SUGGESTION_STATUSES = [
  SuggestionStatus.OPEN,
  SuggestionStatus.ACCEPTED,
  SuggestionStatus.DECLINED,
];

export enum DeclineReason {
  NOT_A_FIT = 'NOT_A_FIT',
  PREFER_DIFFERENT_GENDER = 'PREFER_DIFFERENT_GENDER',
  PREFER_CLOSER_AGE = 'PREFER_CLOSER_AGE',
  LANGUAGE = 'LANGUAGE',
  AVAILABILITY = 'AVAILABILITY',
  LOCATION = 'LOCATION',
  OTHER = 'OTHER',
}

export enum MatchStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}

export enum MatchEndReason {
  GOALS_MET = 'GOALS_MET',
  PEER_CHOICE = 'PEER_CHOICE',
  WORKER_UNAVAILABLE = 'WORKER_UNAVAILABLE',
  NOT_A_FIT = 'NOT_A_FIT',
  OTHER = 'OTHER',
}
