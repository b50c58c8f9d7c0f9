import { readFragment, type FragmentOf } from '../api/graphql';
import { languageName, messages, tagName } from '../messages';
import { ReasonFields } from './operations';

export type Reader = 'peer' | 'staff';

type Code = keyof typeof messages.reasons.peer;

/**
 * A reason as a sentence for whoever reads it ("You both…" for the peer, "They both…" for staff),
 * worded here from its code and tags; the API's English sentences stay for other callers.
 */
function wordReason(fragment: FragmentOf<typeof ReasonFields>, reader: Reader): string | undefined {
  const reason = readFragment(ReasonFields, fragment);
  const say = messages.reasons[reader][reason.code as Code];
  if (!say) return undefined;
  if (reason.language) return say([languageName(reason.language)]);
  if (reason.distanceKm != null) return say([String(reason.distanceKm)]);
  return say(reason.tags.map(tagName));
}

export function wordReasons(reasons: readonly FragmentOf<typeof ReasonFields>[], reader: Reader): string[] {
  return reasons.map((reason) => wordReason(reason, reader)).filter((sentence): sentence is string => !!sentence);
}
