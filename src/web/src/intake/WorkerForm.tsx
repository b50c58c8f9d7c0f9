import { useEffect, useState, type FormEvent } from 'react';
import { readFragment, type VariablesOf } from '../api/graphql';
import { useMutation, useQuery } from '../api/use-query';
import { parseLanguages } from '../forms/options';
import { messages } from '../messages';
import { useAnnounce } from '../shell/announcer';
import { ErrorNotice } from '../shell/ErrorNotice';
import { navigate } from '../shell/router';
import { CreateWorker, TagsQuery, UpdateWorker, WorkerForEditing, WorkerProfileFields } from './operations';
import { draftOf, EMPTY_PROFILE, numberOrNull, ProfileFields, type ProfileDraft } from './ProfileFields';

type WorkerInput = VariablesOf<typeof CreateWorker>['input'];
type Slot = NonNullable<WorkerInput['availability']>[number];
const DEFAULT_CAPACITY = '6';

/** Registers a support worker (no id) or edits one. */
export function WorkerForm({ supportWorkerId }: { supportWorkerId?: string }) {
  const tags = useQuery(TagsQuery, {});
  const existing = useQuery(WorkerForEditing, { id: supportWorkerId ?? '' }, { skip: !supportWorkerId });
  const create = useMutation(CreateWorker);
  const update = useMutation(UpdateWorker);
  const announce = useAnnounce();
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

  const input: WorkerInput = {
    displayName: profile.displayName.trim(),
    gender: profile.gender || null,
    birthYear: numberOrNull(profile.birthYear),
    languages: parseLanguages(profile.languages),
    modes: profile.modes,
    location: profile.location,
    serviceRadiusKm: numberOrNull(profile.distanceKm),
    availability: profile.availability as Slot[],
    livedExperiences: profile.livedExperiences,
    interests: profile.interests,
    culturalBackgrounds: profile.culturalBackgrounds,
    capacity: Number(capacity),
    acceptingNewPeers: accepting,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (supportWorkerId) {
      if (await update.run({ id: supportWorkerId, input })) {
        announce(messages.intake.updated);
        navigate(`/intake/workers/${supportWorkerId}`);
      }
    } else {
      const created = await create.run({ input });
      if (created) {
        announce(messages.intake.created(created.createSupportWorker.displayName));
        navigate(`/intake/workers/${created.createSupportWorker.id}`);
      }
    }
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
