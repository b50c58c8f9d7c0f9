import { useState } from 'react';
import type { ResultOf } from '../api/graphql';
import { optionsOf } from '../forms/options';
import { EndMatchDialog } from '../matches/EndMatchDialog';
import { dateOf, languageName, listOf, messages, tagName } from '../messages';
import type { WorkerHomeQuery } from './operations';

type Match = NonNullable<ResultOf<typeof WorkerHomeQuery>['supportWorker']>['active'][number];
const END_REASONS = optionsOf(messages.staffEndReasons);

/** A peer as the API lets their worker see them: lived experience only when the peer chose to share it. */
export function WorkerMatch({ match, onEnded }: { match: Match; onEnded: () => void }) {
  const [ending, setEnding] = useState(false);
  const { peer } = match;
  const headingId = `match-${match.id}`;

  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{peer.displayName}</h3>
      <p>{messages.worker.since(dateOf(match.startedAt))}</p>
      <dl>
        <dt>{messages.worker.sharedExperience}</dt>
        <dd>{peer.livedExperiences.length ? listOf(peer.livedExperiences.map(tagName)) : messages.worker.notShared}</dd>
        {peer.culturalBackgrounds.length > 0 && (
          <>
            <dt>{messages.worker.cultures}</dt>
            <dd>{listOf(peer.culturalBackgrounds.map(tagName))}</dd>
          </>
        )}
        <dt>{messages.worker.interests}</dt>
        <dd>{listOf(peer.interests.map(tagName))}</dd>
        <dt>{messages.worker.languages}</dt>
        <dd>{listOf(peer.languages.map(languageName))}</dd>
        <dt>{messages.worker.modes}</dt>
        <dd>{listOf(peer.modes.map((mode) => messages.modes[mode]))}</dd>
      </dl>
      <button type="button" className="button-quiet" onClick={() => setEnding(true)}>
        {messages.worker.endMatch}
      </button>
      {ending && (
        <EndMatchDialog
          matchId={match.id}
          title={messages.worker.endHeading(peer.displayName)}
          reasons={END_REASONS}
          confirm={messages.worker.confirmEnd}
          onClose={() => setEnding(false)}
          onEnded={onEnded}
        />
      )}
    </article>
  );
}
