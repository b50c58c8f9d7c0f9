import { useEffect, useState, type FormEvent } from 'react';
import { readFragment, type VariablesOf } from '../api/graphql';
import { useMutation, useQuery } from '../api/use-query';
import { CheckboxGroup } from '../forms/CheckboxGroup';
import { ImportanceFields, importanceInput, importanceOf, type Importance } from '../forms/ImportanceFields';
import { GENDERS, type Gender } from '../forms/options';
import { messages } from '../messages';
import { ErrorNotice } from '../shell/ErrorNotice';
import { CreatePeer, PeerForEditing, PeerProfileFields, TagsQuery, UpdatePeer } from './operations';
import { useOpenSaved } from './use-open-saved';
import { draftOf, EMPTY_PROFILE, ProfileFields, profileInput, type ProfileDraft } from './ProfileFields';

type PeerInput = VariablesOf<typeof CreatePeer>['input'];

/** Registers a peer (no id) or edits one: every field, tags from the taxonomy, consent explained. */
export function PeerForm({ peerId }: { peerId?: string }) {
  const tags = useQuery(TagsQuery, {});
  const existing = useQuery(PeerForEditing, { id: peerId ?? '' }, { skip: !peerId });
  const create = useMutation(CreatePeer);
  const update = useMutation(UpdatePeer);
  const openSaved = useOpenSaved('peers');
  const [profile, setProfile] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [genders, setGenders] = useState<Gender[]>([]);
  const [importance, setImportance] = useState<Importance>({});
  const [useExperience, setUseExperience] = useState(false);
  const [shareExperience, setShareExperience] = useState(false);

  const record = existing.data?.peer ? readFragment(PeerProfileFields, existing.data.peer) : undefined;
  useEffect(() => {
    if (!record) return;
    setProfile(draftOf(record, record.maxDistanceKm));
    setGenders(record.preferences.workerGenders ?? []);
    setImportance(importanceOf(record.preferences.importance));
    setUseExperience(record.consent.useLivedExperienceForMatching);
    setShareExperience(record.consent.shareLivedExperienceWithWorkers);
    // Only when another record arrives: edits in progress are not overwritten by a refetch.
  }, [record?.id]);

  if (tags.error || existing.error) return <ErrorNotice error={tags.error ?? existing.error} />;
  if (!tags.data || (peerId && !record)) return <p>{messages.app.loading}</p>;

  const { distanceKm, ...shared } = profileInput(profile);
  const input: PeerInput = {
    ...shared,
    maxDistanceKm: distanceKm,
    preferences: {
      workerGenders: genders,
      importance: importanceInput(importance),
    },
    consent: { useLivedExperienceForMatching: useExperience, shareLivedExperienceWithWorkers: shareExperience },
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = peerId
      ? (await update.run({ id: peerId, input }))?.updatePeer
      : (await create.run({ input }))?.createPeer;
    openSaved(saved, !peerId);
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="peer-form-heading">
      <h1 id="peer-form-heading">
        {peerId ? messages.intake.peerHeading(record!.displayName) : messages.intake.newPeerHeading}
      </h1>
      <ProfileFields
        draft={profile}
        onChange={setProfile}
        tags={tags.data.tags}
        distanceLabel={messages.intake.fields.maxDistanceKm}
      />
      <CheckboxGroup
        legend={messages.intake.fields.workerGenders}
        options={GENDERS.filter((option) => option.value !== 'UNDISCLOSED')}
        selected={genders}
        onChange={setGenders}
      />
      <fieldset>
        <legend>{messages.intake.fields.importance}</legend>
        <ImportanceFields labels={messages.staffFactors} value={importance} onChange={setImportance} />
      </fieldset>
      <fieldset className="choices">
        <legend>{messages.intake.fields.consentLegend}</legend>
        <label className="choice">
          <input type="checkbox" checked={useExperience} onChange={(event) => setUseExperience(event.target.checked)} />
          {messages.intake.fields.consentUse}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={shareExperience}
            onChange={(event) => setShareExperience(event.target.checked)}
          />
          {messages.intake.fields.consentShare}
        </label>
      </fieldset>
      <ErrorNotice error={create.error ?? update.error} />
      <button type="submit" disabled={create.pending || update.pending}>
        {messages.intake.saveProfile}
      </button>
    </form>
  );
}
