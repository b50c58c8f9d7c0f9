import { useState, type FormEvent } from 'react';
import type { ResultOf } from '../api/graphql';
import { useMutation, useQuery } from '../api/use-query';
import { AvailabilityGrid } from '../forms/AvailabilityGrid';
import { dateOf, messages } from '../messages';
import { useAnnounce } from '../shell/announcer';
import { ErrorNotice, MissingNotice } from '../shell/ErrorNotice';
import { UpdateOwnWorker, WorkerHomeQuery } from './operations';
import { WorkerMatch } from './WorkerMatch';

type Worker = NonNullable<ResultOf<typeof WorkerHomeQuery>['supportWorker']>;
type Slot = Worker['availability'][number];

/** A support worker's own page: the peers they work with, as each chose to be seen, and their availability. */
export function WorkerApp({ supportWorkerId }: { supportWorkerId: string }) {
  // Read when the page opens and after each change: every read of a peer's shared experience is on record.
  const query = useQuery(WorkerHomeQuery, { id: supportWorkerId });
  const worker = query.data?.supportWorker ?? undefined;
  if (query.loading && !worker) return <p>{messages.app.loading}</p>;
  if (!worker) return <MissingNotice error={query.error} />;
  return (
    <>
      <h1>{messages.worker.heading(worker.displayName)}</h1>
      <ErrorNotice error={query.error} />
      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">{messages.worker.matchesHeading}</h2>
        {worker.active.length === 0 && <p>{messages.worker.noMatches}</p>}
        <ul className="cards">
          {worker.active.map((match) => (
            <li key={match.id}>
              <WorkerMatch match={match} onEnded={() => void query.refetch()} />
            </li>
          ))}
        </ul>
      </section>
      <WorkerSettings worker={worker} onSaved={() => void query.refetch()} />
      {worker.ended.length > 0 && (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">{messages.worker.pastHeading}</h2>
          <ul>
            {worker.ended.map((match) => (
              <li key={match.id}>
                {messages.worker.endedOn(
                  dateOf(match.startedAt),
                  match.endedAt ? dateOf(match.endedAt) : '',
                  match.endReason ? messages.staffEndReasons[match.endReason] : '',
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function WorkerSettings({ worker, onSaved }: { worker: Worker; onSaved: () => void }) {
  const [accepting, setAccepting] = useState(worker.acceptingNewPeers);
  const [availability, setAvailability] = useState<Slot[]>(worker.availability);
  const save = useMutation(UpdateOwnWorker);
  const announce = useAnnounce();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run({ id: worker.id, input: { acceptingNewPeers: accepting, availability } })) {
      announce(messages.app.saved);
      onSaved();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="settings-heading">
      <h2 id="settings-heading">{messages.worker.acceptingLegend}</h2>
      <label className="choice">
        <input
          type="checkbox"
          checked={accepting}
          onChange={(event) => setAccepting(event.target.checked)}
          aria-describedby="accepting-hint"
        />
        {messages.worker.accepting}
      </label>
      <p className="hint" id="accepting-hint">
        {messages.worker.acceptingHint}
      </p>
      <AvailabilityGrid
        legend={messages.worker.availabilityLegend}
        selected={availability}
        onChange={setAvailability}
      />
      <ErrorNotice error={save.error} />
      <button type="submit" disabled={save.pending}>
        {messages.worker.save}
      </button>
    </form>
  );
}
