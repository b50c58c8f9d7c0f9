import { useEffect, useState, type FormEvent } from 'react';
import type { ResultOf } from '../api/graphql';
import { useMutation, useQuery } from '../api/use-query';
import { AvailabilityGrid } from '../forms/AvailabilityGrid';
import { CheckboxGroup } from '../forms/CheckboxGroup';
import { ImportanceFields, importanceInput, importanceOf, type Importance } from '../forms/ImportanceFields';
import { GENDERS, MODES, parseLanguages, type Gender, type SupportMode } from '../forms/options';
import { messages, tagLabel } from '../messages';
import { useAnnounce } from '../shell/announcer';
import { ErrorNotice, MissingNotice } from '../shell/ErrorNotice';
import { PeerPreferencesQuery, UpdateOwnPeer } from './operations';

type Slot = NonNullable<ResultOf<typeof PeerPreferencesQuery>['peer']>['availability'][number];

/** What matters to the peer, changed by the peer: only the fields the API lets them change themself. */
export function PeerPreferences({ peerId }: { peerId: string }) {
  const query = useQuery(PeerPreferencesQuery, { id: peerId });
  const save = useMutation(UpdateOwnPeer);
  const announce = useAnnounce();
  const peer = query.data?.peer ?? undefined;
  const [importance, setImportance] = useState<Importance>({});
  const [genders, setGenders] = useState<Gender[]>([]);
  const [interests, setInterests] = useState<string[]>([]);
  const [languages, setLanguages] = useState('');
  const [modes, setModes] = useState<SupportMode[]>([]);
  const [availability, setAvailability] = useState<Slot[]>([]);

  useEffect(() => {
    if (!peer) return;
    setImportance(importanceOf(peer.preferences.importance));
    setGenders(peer.preferences.workerGenders ?? []);
    setInterests(peer.interests.map((tag) => tag.slug));
    setLanguages(peer.languages.join(', '));
    setModes(peer.modes);
    setAvailability(peer.availability);
  }, [peer]);

  if (query.loading && !peer) return <p>{messages.app.loading}</p>;
  if (!peer) return <MissingNotice error={query.error} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run({
      id: peerId,
      input: {
        preferences: {
          workerGenders: genders,
          importance: importanceInput(importance),
        },
        interests,
        languages: parseLanguages(languages),
        modes,
        availability,
      },
    });
    if (saved) announce(messages.app.saved);
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="preferences-heading">
      <h1 id="preferences-heading">{messages.peer.preferencesHeading}</h1>
      <p>{messages.peer.preferencesIntro}</p>
      <ImportanceFields labels={messages.factors} value={importance} onChange={setImportance} />
      <CheckboxGroup
        legend={messages.peer.workerGendersLegend}
        hint={messages.peer.workerGendersHint}
        options={GENDERS.filter((option) => option.value !== 'UNDISCLOSED')}
        selected={genders}
        onChange={setGenders}
      />
      <CheckboxGroup
        legend={messages.peer.interestsLegend}
        options={query.data!.tags.map((tag) => ({ value: tag.slug, label: tagLabel(tag) }))}
        selected={interests}
        onChange={setInterests}
      />
      <label className="field">
        <span>{messages.peer.languagesLegend}</span>
        <span className="hint">{messages.peer.languagesHint}</span>
        <input value={languages} onChange={(event) => setLanguages(event.target.value)} autoComplete="off" />
      </label>
      <CheckboxGroup legend={messages.peer.modesLegend} options={MODES} selected={modes} onChange={setModes} />
      <AvailabilityGrid legend={messages.peer.availabilityLegend} selected={availability} onChange={setAvailability} />
      <ErrorNotice error={save.error} />
      <button type="submit" disabled={save.pending}>
        {save.pending ? messages.app.saving : messages.peer.save}
      </button>
    </form>
  );
}
