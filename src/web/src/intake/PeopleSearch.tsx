import { useState, type FormEvent } from 'react';
import { useQuery } from '../api/use-query';
import { messages } from '../messages';
import { ErrorNotice } from '../shell/ErrorNotice';
import { Link } from '../shell/Link';
import { FindPeople } from './operations';

/** Find a peer or support worker by a part of their name. */
export function PeopleSearch() {
  const [typed, setTyped] = useState('');
  const [name, setName] = useState('');
  const found = useQuery(FindPeople, { name: name || null });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setName(typed.trim());
  };
  return (
    <>
      <h1>{messages.intake.searchHeading}</h1>
      <form role="search" onSubmit={submit} className="search">
        <label className="field">
          <span>{messages.intake.searchLabel}</span>
          <input type="search" value={typed} onChange={(event) => setTyped(event.target.value)} />
        </label>
        <button type="submit">{messages.intake.search}</button>
      </form>
      <ErrorNotice error={found.error} />
      {found.data && (
        <div className="two-columns">
          <section aria-labelledby="found-peers">
            <h2 id="found-peers">{messages.intake.peersHeading}</h2>
            {found.data.peers.edges.length === 0 && <p>{messages.intake.noResults}</p>}
            <ul>
              {found.data.peers.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link href={`/intake/peers/${node.id}`}>{node.displayName}</Link>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="found-workers">
            <h2 id="found-workers">{messages.intake.workersHeading}</h2>
            {found.data.supportWorkers.edges.length === 0 && <p>{messages.intake.noResults}</p>}
            <ul>
              {found.data.supportWorkers.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link href={`/intake/workers/${node.id}`}>{node.displayName}</Link>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  );
}
