/**
 * Published once a decline commits that leaves the peer's suggestions stale: none is left open,
 * or the reason changed how much a factor weighs.
 */
export class SuggestionsNeedRefill {
  static readonly NAME = 'suggestion.refill-needed';
  constructor(readonly peerId: string) {}
}
