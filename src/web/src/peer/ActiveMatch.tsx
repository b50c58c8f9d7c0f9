import { useState } from 'react';
import { optionsOf } from '../forms/options';
import { EndMatchDialog } from '../matches/EndMatchDialog';
import { messages } from '../messages';

const END_REASONS = optionsOf(messages.endReasons);

export function ActiveMatch({
  match,
  since,
  onEnded,
}: {
  match: { id: string; supportWorker: { displayName: string } };
  since: string;
  onEnded: () => void;
}) {
  const [ending, setEnding] = useState(false);
  const name = match.supportWorker.displayName;
  return (
    <section aria-labelledby="active-match-heading" className="card">
      <h2 id="active-match-heading">{messages.peer.activeMatchHeading}</h2>
      <p>{messages.peer.activeMatchBody(name, since)}</p>
      <button type="button" className="button-quiet" onClick={() => setEnding(true)}>
        {messages.peer.endMatch}
      </button>
      {ending && (
        <EndMatchDialog
          matchId={match.id}
          title={messages.peer.endHeading(name)}
          intro={messages.peer.endIntro}
          reasons={END_REASONS}
          confirm={messages.peer.confirmEnd}
          onClose={() => setEnding(false)}
          onEnded={onEnded}
        />
      )}
    </section>
  );
}
