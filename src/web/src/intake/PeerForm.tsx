import { useEffect, useState, type FormEvent } from 'react';
import { readFragment, type VariablesOf } from '../api/graphql';
import { useMutation, useQuery } from '../api/use-query';
import { CheckboxGroup } from '../forms/CheckboxGroup';
import { ImportanceFields, type Importance } from '../forms/ImportanceFields';
import { GENDERS, parseLanguages, type Gender, type MatchFactor } from '../forms/options';
import { messages } from '../messages';
import { useAnnounce } from '../shell/announcer';
import { ErrorNotice } from '../shell/ErrorNotice';
import { navigate } from '../shell/router';
import { CreatePeer, PeerForEditing, PeerProfileFields, TagsQuery, UpdatePeer } from './operations';
import { draftOf, EMPTY_PROFILE, numberOrNull, ProfileFields, type ProfileDraft } from './ProfileFields';

type PeerInput = VariablesOf<typeof CreatePeer>['input'];
type Slot = NonNullable<PeerInput['availability']>[number];

/** Registers a peer (no id) or edits one: every field, tags from the taxonomy, consent explained. */
export function PeerForm({ peerId }: { peerId?: string }) {
  const tags = useQuery(TagsQuery, {});
  const existing = useQuery(PeerForEditing, { id: peerId ?? '' }, { skip: !peerId });
  const create = useMutation(CreatePeer);
  const update = useMutation(UpdatePeer);
  const announce = useAnnounce();
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
    setImportance(
      Object.fromEntries((record.preferences.importance ?? []).map((item) => [item.factor, item.importance])),
    );
    setUseExperience(record.consent.useLivedExperienceForMatching);
    setShareExperience(record.consent.shareLivedExperienceWithWorkers);
    // Only when another record arrives: edits in progress are not overwritten by a refetch.
  }, [record?.id]);

  if (tags.error || existing.error) return <ErrorNotice error={tags.error ?? existing.error} />;
  if (!tags.data || (peerId && !record)) return <p>{messages.app.loading}</p>;

  const input: PeerInput = {
    displayName: profile.displayName.trim(),
    gender: profile.gender || null,
    birthYear: numberOrNull(profile.birthYear),
    languages: parseLanguages(profile.languages),
    modes: profile.modes,
    location: profile.location,
    maxDistanceKm: numberOrNull(profile.distanceKm),
    availability: profile.availability as Slot[],
    livedExperiences: profile.livedExperiences,
    interests: profile.interests,
    culturalBackgrounds: profile.culturalBackgrounds,
    preferences: {
      workerGenders: genders,
      importance: Object.entries(importance).map(([factor, value]) => ({
        factor: factor as MatchFactor,
        importance: value,
      })),
    },
    consent: { useLivedExperienceForMatching: useExperience, shareLivedExperienceWithWorkers: shareExperience },
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (peerId) {
      if (await update.run({ id: peerId, input })) {
        announce(messages.intake.updated);
        navigate(`/intake/peers/${peerId}`);
      }
    } else {
      const created = await create.run({ input });
      if (created) {
        announce(messages.intake.created(created.createPeer.displayName));
        navigate(`/intake/peers/${created.createPeer.id}`);
      }
    }
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
