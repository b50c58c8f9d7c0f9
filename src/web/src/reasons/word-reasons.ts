import { languageName, messages, tagName } from '../messages';

export type Reader = 'peer' | 'staff';

export interface ExplainedReason {
  code: string;
  /** The shared language, for a language reason. */
  language?: string | null;
  /** How far apart, for NEARBY. */
  distanceKm?: number | null;
  tags: { slug: string; label: string }[];
}

type Code = keyof typeof messages.reasons.peer;

/**
 * A reason as a sentence for whoever reads it ("You both…" for the peer, "They both…" for staff),
 * worded here from its code and tags; the API's English sentences stay for other callers.
 */
export function wordReason(reason: ExplainedReason, reader: Reader): string | undefined {
  const say = messages.reasons[reader][reason.code as Code];
  if (!say) return undefined;
  if (reason.language) return say([languageName(reason.language)]);
  if (reason.distanceKm != null) return say([String(reason.distanceKm)]);
  return say(reason.tags.map(tagName));
}

export function wordReasons(reasons: readonly ExplainedReason[], reader: Reader): string[] {
  return reasons.map((reason) => wordReason(reason, reader)).filter((sentence): sentence is string => !!sentence);
}
