/** Published once a match commits; `workerNowFull` when it took the worker's last place. */
export class MatchStarted {
  static readonly NAME = 'match.started';
  constructor(
    readonly supportWorkerId: string,
    readonly workerNowFull: boolean,
  ) {}
}

/** Published once an accept fails because the worker's last place went to someone else. */
export class PlaceTakenFirst {
  static readonly NAME = 'match.place-taken-first';
  constructor(readonly peerId: string) {}
}

/** Published once a match ends, by either side or by erasure: the worker's place is free again. */
export class MatchEnded {
  static readonly NAME = 'match.ended';
  constructor(readonly supportWorkerId: string) {}
}
