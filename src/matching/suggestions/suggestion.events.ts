/** Published once a decline commits: the place it freed in the peer's list is to be filled. */
export class SuggestionsNeedRefill {
  static readonly NAME = 'suggestion.refill-needed';
  constructor(readonly peerId: string) {}
}
