import { useEffect, useState, type FormEvent } from 'react';
import { readFragment, type VariablesOf } from '../api/graphql';
import { useMutation, useQuery } from '../api/use-query';
import { messages } from '../messages';
import { ErrorNotice } from '../shell/ErrorNotice';
import { CreateWorker, TagsQuery, UpdateWorker, WorkerForEditing, WorkerProfileFields } from './operations';
import { useOpenSaved } from './use-open-saved';
import { draftOf, EMPTY_PROFILE, ProfileFields, profileInput, type ProfileDraft } from './ProfileFields';

type WorkerInput = VariablesOf<typeof CreateWorker>['input'];
const DEFAULT_CAPACITY = '6';

/** Registers a support worker (no id) or edits one. */
export function WorkerForm({ supportWorkerId }: { supportWorkerId?: string }) {
  const tags = useQuery(TagsQuery, {});
  const existing = useQuery(WorkerForEditing, { id: supportWorkerId ?? '' }, { skip: !supportWorkerId });
  const create = useMutation(CreateWorker);
  const update = useMutation(UpdateWorker);
  const openSaved = useOpenSaved('workers');
  const [profile, setProfile] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [capacity, setCapacity] = useState(DEFAULT_CAPACITY);
  const [accepting, setAccepting] = useState(true);

  const record = existing.data?.supportWorker
    ? readFragment(WorkerProfileFields, existing.data.supportWorker)
    : undefined;
  useEffect(() => {
    if (!record) return;
    setProfile(draftOf(record, record.serviceRadiusKm));
    setCapacity(String(record.capacity));
    setAccepting(record.acceptingNewPeers);
  }, [record?.id]);

  if (tags.error || existing.error) return <ErrorNotice error={tags.error ?? existing.error} />;
  if (!tags.data || (supportWorkerId && !record)) return <p>{messages.app.loading}</p>;

  const { distanceKm, ...shared } = profileInput(profile);
  const input: WorkerInput = {
    ...shared,
    serviceRadiusKm: distanceKm,
    capacity: Number(capacity),
    acceptingNewPeers: accepting,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = supportWorkerId
      ? (await update.run({ id: supportWorkerId, input }))?.updateSupportWorker
      : (await create.run({ input }))?.createSupportWorker;
    openSaved(saved, !supportWorkerId);
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="worker-form-heading">
      <h1 id="worker-form-heading">
        {supportWorkerId ? messages.intake.workerHeading(record!.displayName) : messages.intake.newWorkerHeading}
      </h1>
      <ProfileFields
        draft={profile}
        onChange={setProfile}
        tags={tags.data.tags}
        distanceLabel={messages.intake.fields.serviceRadiusKm}
      />
      <label className="field">
        <span>{messages.intake.fields.capacity}</span>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={50}
          required
          value={capacity}
          onChange={(event) => setCapacity(event.target.value)}
        />
      </label>
      <label className="choice">
        <input type="checkbox" checked={accepting} onChange={(event) => setAccepting(event.target.checked)} />
        {messages.intake.fields.acceptingNewPeers}
      </label>
      <ErrorNotice error={create.error ?? update.error} />
      <button type="submit" disabled={create.pending || update.pending}>
        {messages.intake.saveProfile}
      </button>
    </form>
  );
}
