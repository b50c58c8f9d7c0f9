import { useState, type FormEvent } from 'react';
import { useQuery } from '../api/use-query';
import { dateTimeOf, messages } from '../messages';
import { ErrorNotice } from '../shell/ErrorNotice';
import type { ResultOf } from '../api/graphql';
import { AuditTrailQuery } from './operations';

type Event = ResultOf<typeof AuditTrailQuery>['auditEvents']['edges'][number]['node'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ADMIN: who read or changed a person's information, and when. */
export function AuditTrail({ initialPersonId = '' }: { initialPersonId?: string }) {
  const [typed, setTyped] = useState(initialPersonId);
  const [personId, setPersonId] = useState(initialPersonId);
  const [after, setAfter] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<Event[]>([]);
  const trail = useQuery(AuditTrailQuery, { personId, after }, { skip: !UUID.test(personId) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEarlier([]);
    setAfter(null);
    setPersonId(typed.trim());
  };
  const page = trail.data?.auditEvents.edges.map(({ node }) => node) ?? [];
  const events = [...earlier, ...page];
  const more = () => {
    setEarlier(events);
    setAfter(trail.data!.auditEvents.pageInfo.endCursor ?? null);
  };
  const actions = messages.audit.actions as Record<string, string>;
  return (
    <>
      <h1>{messages.intake.auditHeading}</h1>
      <form onSubmit={submit}>
        <label className="field">
          <span>{messages.intake.auditLabel}</span>
          <input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
        </label>
        <button type="submit">{messages.intake.auditShow}</button>
      </form>
      <ErrorNotice error={trail.error} />
      {trail.data && events.length === 0 && <p>{messages.intake.auditNone}</p>}
      {events.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={messages.intake.auditHeading}>
          <table className="data">
            <caption>{messages.audit.caption(trail.data!.auditEvents.totalCount)}</caption>
            <thead>
              <tr>
                <th scope="col">{messages.intake.auditWhen}</th>
                <th scope="col">{messages.intake.auditWho}</th>
                <th scope="col">{messages.intake.auditWhat}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{dateTimeOf(event.occurredAt)}</td>
                  <td>{`${event.actorSubject} (${(messages.roles as Record<string, string>)[event.actorRole] ?? event.actorRole})`}</td>
                  <td>{`${actions[event.action] ?? event.action} (${event.operation})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {trail.data?.auditEvents.pageInfo.hasNextPage && (
        <button type="button" className="button-quiet" onClick={more} disabled={trail.loading}>
          {messages.intake.auditMore}
        </button>
      )}
    </>
  );
}
