import { useEffect, useState } from 'react';
import type { ResultOf } from '../api/graphql';
import { useMutation, useQuery } from '../api/use-query';
import { optionsOf } from '../forms/options';
import { CancelMatchRequest, RequestMatch } from '../matches/operations';
import { EndMatchDialog } from '../matches/EndMatchDialog';
import { dateOf, listOf, messages, tagName } from '../messages';
import { wordReasons } from '../reasons/word-reasons';
import { useAnnounce } from '../shell/announcer';
import { ErrorNotice, MissingNotice } from '../shell/ErrorNotice';
import { Link } from '../shell/Link';
import { AuditLink } from './AuditLink';
import { Breakdown } from './Breakdown';
import { ErasePeerButton } from './ErasePeerButton';
import { PeerCase as PeerCaseQuery, PeerRequestStatus } from './operations';
import { WhyNot } from './WhyNot';

type Case = NonNullable<ResultOf<typeof PeerCaseQuery>['peer']>;
const END_REASONS = optionsOf(messages.staffEndReasons);
const PENDING_POLL_MS = 2000;

/** One peer as intake staff work with them: request a match, watch it become ready, read the suggestions. */
export function PeerCase({ peerId }: { peerId: string }) {
  const query = useQuery(PeerCaseQuery, { id: peerId });
  const peer = query.data?.peer ?? undefined;
  const status = peer?.openRequest?.status;
  const pending = status === 'PENDING';
  const watched = useQuery(PeerRequestStatus, { id: peerId }, { pollMs: PENDING_POLL_MS, skip: !pending });
  const request = useMutation(RequestMatch);
  const cancel = useMutation(CancelMatchRequest);
  const announce = useAnnounce();
  useEffect(() => {
    if (status) announce(messages.intake.requestStatus[status]);
  }, [status, announce]);
  // Once the watched status moves on, the whole case is read again, once.
  const watchedStatus = watched.data?.peer?.openRequest?.status;
  const refetch = query.refetch;
  useEffect(() => {
    if (pending && watchedStatus && watchedStatus !== 'PENDING') void refetch();
  }, [pending, watchedStatus, refetch]);

  if (query.loading && !peer) return <p>{messages.app.loading}</p>;
  if (!peer) return <MissingNotice error={query.error} />;

  const ask = async () => {
    if (await request.run({ peerId })) await query.refetch();
  };
  const withdraw = async (id: string) => {
    if (await cancel.run({ id })) await query.refetch();
  };
  return (
    <>
      <h1>{messages.intake.peerHeading(peer.displayName)}</h1>
      <p>
        <Link href={`/intake/peers/${peer.id}/edit`}>{messages.intake.edit}</Link>
      </p>
      <dl>
        <dt>{messages.intake.fields.livedExperiences}</dt>
        <dd>{listOf(peer.livedExperiences.map(tagName))}</dd>
        <dt>{messages.intake.fields.interests}</dt>
        <dd>{listOf(peer.interests.map(tagName))}</dd>
      </dl>
      <ErrorNotice error={query.error ?? request.error ?? cancel.error} />
      {peer.activeMatch ? (
        <StaffActiveMatch match={peer.activeMatch} onEnded={() => void query.refetch()} />
      ) : (
        <section aria-labelledby="request-heading">
          <h2 id="request-heading">{messages.intake.suggestionsHeading}</h2>
          {status && <p className="notice">{messages.intake.requestStatus[status]}</p>}
          {!peer.openRequest && (
            <button type="button" onClick={() => void ask()} disabled={request.pending}>
              {messages.intake.requestMatch}
            </button>
          )}
          {peer.openRequest && (
            <>
              <Suggestions request={peer.openRequest} />
              <button type="button" className="button-quiet" onClick={() => void withdraw(peer.openRequest!.id)}>
                {messages.intake.withdrawRequest}
              </button>
            </>
          )}
        </section>
      )}
      <WhyNot peerId={peer.id} />
      <AuditLink personId={peer.id} />
      <ErasePeerButton peerId={peer.id} name={peer.displayName} />
    </>
  );
}

function Suggestions({ request }: { request: NonNullable<Case['openRequest']> }) {
  const open = request.suggestions.filter((suggestion) => suggestion.status === 'OPEN').sort((a, b) => a.rank - b.rank);
  return (
    <ol className="suggestions">
      {open.map((suggestion) => (
        <li key={suggestion.id} className="card">
          <h3>
            <Link href={`/intake/workers/${suggestion.supportWorker.id}`}>{suggestion.supportWorker.displayName}</Link>
          </h3>
          <p>{messages.intake.scoreOf(suggestion.score.toFixed(0))}</p>
          <ul className="reasons">
            {wordReasons(suggestion.explained, 'staff').map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          <Breakdown
            caption={messages.intake.breakdownCaption(suggestion.supportWorker.displayName)}
            components={suggestion.breakdown}
          />
        </li>
      ))}
    </ol>
  );
}

function StaffActiveMatch({ match, onEnded }: { match: NonNullable<Case['activeMatch']>; onEnded: () => void }) {
  const [ending, setEnding] = useState(false);
  return (
    <section aria-labelledby="staff-match-heading">
      <h2 id="staff-match-heading">{messages.peer.activeMatchHeading}</h2>
      <p>{messages.intake.activeMatch(match.supportWorker.displayName, dateOf(match.startedAt))}</p>
      <button type="button" className="button-quiet" onClick={() => setEnding(true)}>
        {messages.intake.endMatch}
      </button>
      {ending && (
        <EndMatchDialog
          matchId={match.id}
          title={messages.intake.endMatch}
          reasons={END_REASONS}
          confirm={messages.intake.endMatch}
          onClose={() => setEnding(false)}
          onEnded={onEnded}
        />
      )}
    </section>
  );
}
