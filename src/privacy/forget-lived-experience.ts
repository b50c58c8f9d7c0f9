import { EntityManager } from 'typeorm';
import { explainedWithout, reasonsWithout, withoutFactors } from '../matching/core';
import { MatchFactor } from '../matching/core/match-factor';
import { Suggestion } from '../matching/suggestions/suggestion.entity';

/**
 * A peer withdrew a consent about their lived experience: every suggestion stored for them,
 * whatever its status, is rewritten as if it had not been given. Without consent to its use,
 * its factor leaves the score and breakdown and its sentences the reasons; without consent to
 * share it, its sentences leave the reasons. Runs in the transaction that records the
 * withdrawal; open suggestions are recomputed after it commits.
 */
export async function forgetLivedExperience(
  manager: EntityManager,
  peerId: string,
  withdrawn: 'use' | 'sharing',
): Promise<number> {
  const stored = await manager.find(Suggestion, {
    where: { peerId },
    select: { id: true, score: true, reasons: true, explained: true, breakdown: true },
  });
  const rewritten = stored
    .map((suggestion) => {
      const { score, breakdown } =
        withdrawn === 'use'
          ? withoutFactors(suggestion.breakdown, [MatchFactor.LIVED_EXPERIENCE])
          : { score: suggestion.score, breakdown: suggestion.breakdown };
      const reasons = reasonsWithout(suggestion.reasons, ['LIVED_EXPERIENCE']);
      const explained = explainedWithout(suggestion.explained, ['LIVED_EXPERIENCE']);
      const changed =
        breakdown.length !== suggestion.breakdown.length ||
        reasons.length !== suggestion.reasons.length ||
        explained.length !== suggestion.explained.length;
      return changed ? { id: suggestion.id, score, breakdown, reasons, explained } : null;
    })
    .filter((row): row is NonNullable<typeof row> => row !== null);
  if (!rewritten.length) return 0;
  await manager.query(
    `UPDATE suggestion SET score = u.score, breakdown = u.breakdown::jsonb, reasons = u.reasons::jsonb,
            explained = u.explained::jsonb, updated_at = now()
       FROM unnest($1::uuid[], $2::float8[], $3::text[], $4::text[], $5::text[]) AS u(id, score, breakdown, reasons, explained)
      WHERE suggestion.id = u.id`,
    [
      rewritten.map((row) => row.id),
      rewritten.map((row) => row.score),
      rewritten.map((row) => JSON.stringify(row.breakdown)),
      rewritten.map((row) => JSON.stringify(row.reasons)),
      rewritten.map((row) => JSON.stringify(row.explained)),
    ],
  );
  return rewritten.length;
}
