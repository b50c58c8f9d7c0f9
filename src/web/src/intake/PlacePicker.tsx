import { useId, useState } from 'react';
import { useQuery } from '../api/use-query';
import { messages } from '../messages';
import { PlacesQuery } from './operations';

export interface Location {
  latitude: number;
  longitude: number;
}

const MIN_SEARCH = 3;

/** The postcode list spells suburbs in capitals; people read them as names ("St Leonards"). */
const titleCase = (name: string) => name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (letter) => letter.toUpperCase());

/**
 * A suburb or postcode, looked up by the service in its own postcode list (never an online
 * geocoder); only the chosen place's coordinates are kept.
 */
export function PlacePicker({
  value,
  onChange,
}: {
  value: Location | null;
  onChange: (next: Location | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string>();
  const hintId = useId();
  const term = search.trim();
  const places = useQuery(PlacesQuery, { search: term }, { skip: term.length < MIN_SEARCH });
  const found = term.length >= MIN_SEARCH ? (places.data?.places ?? []) : [];

  return (
    <fieldset className="place-picker">
      <legend>{messages.intake.fields.place}</legend>
      {value && (
        <p>
          {chosen ? messages.intake.fields.placeChosen(chosen) : messages.intake.fields.placeSet}{' '}
          <button type="button" className="button-quiet" onClick={() => onChange(null)}>
            {messages.intake.fields.placeClear}
          </button>
        </p>
      )}
      <label className="field">
        <span className="visually-hidden">{messages.intake.fields.place}</span>
        <input
          type="search"
          value={search}
          aria-describedby={hintId}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
        />
        <span className="hint" id={hintId}>
          {messages.intake.fields.placeHint}
        </span>
      </label>
      {term.length >= MIN_SEARCH && !places.loading && found.length === 0 && <p>{messages.intake.fields.placeNone}</p>}
      <ul className="place-results">
        {found.map((place) => {
          const label = messages.intake.fields.placeLabel(titleCase(place.suburb), place.state, place.postcode);
          return (
            <li key={label}>
              <button
                type="button"
                className="button-quiet"
                onClick={() => {
                  onChange({ latitude: place.location.latitude, longitude: place.location.longitude });
                  setChosen(label);
                  setSearch('');
                }}
              >
                {label}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
