import { readFragment } from '../api/graphql';
import { useMutation, useQuery } from '../api/use-query';
import { languageName, listOf, messages } from '../messages';
import { useAnnounce } from '../shell/announcer';
import { ErrorNotice, MissingNotice } from '../shell/ErrorNotice';
import { Link } from '../shell/Link';
import { AuditLink } from './AuditLink';
import { UpdateWorker, WorkerForEditing, WorkerProfileFields } from './operations';

/** A support worker as staff see them, with deactivation one step away. */
export function WorkerDetail({ supportWorkerId }: { supportWorkerId: string }) {
  const query = useQuery(WorkerForEditing, { id: supportWorkerId });
  const update = useMutation(UpdateWorker);
  const announce = useAnnounce();
  const worker = query.data?.supportWorker ? readFragment(WorkerProfileFields, query.data.supportWorker) : undefined;
  if (query.loading && !worker) return <p>{messages.app.loading}</p>;
  if (!worker) return <MissingNotice error={query.error} />;
  const toggleActive = async () => {
    if (await update.run({ id: worker.id, input: { active: !worker.active } })) {
      announce(messages.intake.updated);
      await query.refetch();
    }
  };
  return (
    <>
      <h1>{messages.intake.workerHeading(worker.displayName)}</h1>
      <p>
        <Link href={`/intake/workers/${worker.id}/edit`}>{messages.intake.edit}</Link>
      </p>
      <dl>
        <dt>{messages.intake.fields.active}</dt>
        <dd>{worker.active ? messages.yes : messages.no}</dd>
        <dt>{messages.intake.fields.acceptingNewPeers}</dt>
        <dd>{worker.acceptingNewPeers ? messages.yes : messages.no}</dd>
        <dt>{messages.intake.fields.capacity}</dt>
        <dd>{`${worker.activeMatchCount} / ${worker.capacity}`}</dd>
        <dt>{messages.worker.languages}</dt>
        <dd>{listOf(worker.languages.map(languageName))}</dd>
        <dt>{messages.worker.modes}</dt>
        <dd>{listOf(worker.modes.map((mode) => messages.modes[mode]))}</dd>
      </dl>
      <AuditLink personId={worker.id} />
      <ErrorNotice error={update.error} />
      <button
        type="button"
        className={worker.active ? 'button-danger' : ''}
        onClick={() => void toggleActive()}
        disabled={update.pending}
      >
        {worker.active ? messages.intake.deactivate : messages.intake.reactivate}
      </button>
    </>
  );
}
