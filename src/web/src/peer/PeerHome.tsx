import { useEffect, useRef, useState } from 'react';
import type { ResultOf } from '../api/graphql';
import { useMutation, useQuery } from '../api/use-query';
import { dateOf, messages } from '../messages';
import { useAnnounce } from '../shell/announcer';
import { ErrorNotice, MissingNotice } from '../shell/ErrorNotice';
import { ActiveMatch } from './ActiveMatch';
import { CancelMatchRequest, RequestMatch } from '../matches/operations';
import { PeerHomeQuery } from './operations';
import { SuggestionCard } from './SuggestionCard';

/** Fast while something is on its way (a request being worked out, a place being refilled). */
const WAITING_POLL_MS = 2000;
const RESTING_POLL_MS = 15000;
const REFILL_WAIT_MS = 60000;

export type PeerHomeData = NonNullable<ResultOf<typeof PeerHomeQuery>['peer']>;

export function PeerHome({ peerId }: { peerId: string }) {
  // After a decline: the suggestions shown then, so a new one is noticed whenever it arrives.
  const [awaitingRefill, setAwaitingRefill] = useState<Set<string>>();
  const announce = useAnnounce();
  const home = useQuery(
    PeerHomeQuery,
    { id: peerId },
    {
      pollMs: (data) =>
        data?.peer?.openRequest?.status === 'PENDING' || awaitingRefill ? WAITING_POLL_MS : RESTING_POLL_MS,
    },
  );
  const peer = home.data?.peer ?? undefined;
  const status = peer?.openRequest?.status;

  const ids = (peer?.suggestions ?? []).map((suggestion) => suggestion.id);
  const idsKey = ids.join(' ');
  useEffect(() => {
    if (!awaitingRefill) return;
    if (idsKey.split(' ').some((id) => id && !awaitingRefill.has(id))) {
      setAwaitingRefill(undefined);
      announce(messages.peer.refilled);
    }
  }, [idsKey, awaitingRefill, announce]);
  // No one else may be free: the page stops looking quickly after a while, and says nothing more.
  useEffect(() => {
    if (!awaitingRefill) return;
    const timer = setTimeout(() => setAwaitingRefill(undefined), REFILL_WAIT_MS);
    return () => clearTimeout(timer);
  }, [awaitingRefill]);

  // A request worked out, or finding no one, is said as well as shown.
  const previousStatus = useRef(status);
  useEffect(() => {
    if (previousStatus.current === 'PENDING' && status === 'READY') announce(messages.peer.ready);
    if (previousStatus.current === 'PENDING' && status === 'NO_CANDIDATES') announce(messages.peer.noCandidates);
    previousStatus.current = status;
  }, [status, announce]);

  const requestMatch = useMutation(RequestMatch);
  const cancel = useMutation(CancelMatchRequest);

  if (home.loading && !peer) return <p>{messages.app.loading}</p>;
  if (!peer) return <MissingNotice error={home.error} />;

  const ask = async () => {
    if (await requestMatch.run({ peerId })) {
      announce(messages.peer.requested);
      await home.refetch();
    }
  };
  const withdraw = async (id: string) => {
    if (await cancel.run({ id })) {
      announce(messages.peer.withdrawn);
      await home.refetch();
    }
  };
  const suggestions = [...peer.suggestions].sort((a, b) => a.rank - b.rank);

  return (
    <>
      <h1>{messages.peer.greeting(peer.displayName)}</h1>
      <ErrorNotice error={home.error ?? requestMatch.error ?? cancel.error} />
      {peer.activeMatch ? (
        <ActiveMatch
          match={peer.activeMatch}
          since={dateOf(peer.activeMatch.startedAt)}
          onEnded={() => void home.refetch()}
        />
      ) : (
        <section aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">{messages.peer.suggestionsHeading}</h2>
          {suggestions.length > 0 && <p>{messages.peer.suggestionsIntro}</p>}
          {status === 'PENDING' && suggestions.length === 0 && <p className="notice">{messages.peer.pending}</p>}
          {status === 'NO_CANDIDATES' && <p className="notice">{messages.peer.noCandidates}</p>}
          {awaitingRefill && <p className="notice">{messages.peer.lookingAgain}</p>}
          {suggestions.length > 0 && (
            <ol className="suggestions">
              {suggestions.map((suggestion) => (
                <li key={suggestion.id}>
                  <SuggestionCard
                    suggestion={suggestion}
                    onChosen={() => void home.refetch()}
                    onDeclined={() => {
                      setAwaitingRefill(new Set(ids.filter((id) => id !== suggestion.id)));
                      void home.refetch();
                    }}
                  />
                </li>
              ))}
            </ol>
          )}
          {!peer.openRequest && (
            <>
              <p>{messages.peer.noRequest}</p>
              <button type="button" onClick={() => void ask()} disabled={requestMatch.pending}>
                {messages.peer.askForSuggestions}
              </button>
            </>
          )}
          {peer.openRequest && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => void withdraw(peer.openRequest!.id)}
              disabled={cancel.pending}
            >
              {messages.peer.withdraw}
            </button>
          )}
        </section>
      )}
    </>
  );
}
