/** Published once a new request commits: its suggestions are still to be computed. */
export class MatchRequested {
  static readonly NAME = 'match-request.requested';
  constructor(readonly peerId: string) {}
}
