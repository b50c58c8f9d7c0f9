import type { ReactElement } from 'react';
import { messages } from '../messages';
import { Link } from '../shell/Link';
import { AuditTrail } from './AuditTrail';
import { PeerCase } from './PeerCase';
import { PeerForm } from './PeerForm';
import { PeopleSearch } from './PeopleSearch';
import { WorkerDetail } from './WorkerDetail';
import { WorkerForm } from './WorkerForm';

const ID = '([0-9a-f-]{36})';
const ROUTES: { pattern: RegExp; view: (id: string) => ReactElement }[] = [
  { pattern: /^\/intake\/peers\/new$/, view: () => <PeerForm /> },
  { pattern: new RegExp(`^/intake/peers/${ID}/edit$`), view: (id) => <PeerForm peerId={id} key={id} /> },
  { pattern: new RegExp(`^/intake/peers/${ID}$`), view: (id) => <PeerCase peerId={id} key={id} /> },
  { pattern: /^\/intake\/workers\/new$/, view: () => <WorkerForm /> },
  { pattern: new RegExp(`^/intake/workers/${ID}/edit$`), view: (id) => <WorkerForm supportWorkerId={id} key={id} /> },
  { pattern: new RegExp(`^/intake/workers/${ID}$`), view: (id) => <WorkerDetail supportWorkerId={id} key={id} /> },
];
const AUDIT_OF = new RegExp(`^/intake/audit/${ID}$`);

/** Intake staff (and ADMIN, who also reads the audit trail) register people and work matches. */
export function IntakeApp({ role, path }: { role: 'INTAKE' | 'ADMIN'; path: string }) {
  const links = [
    { href: '/intake', label: messages.intake.navigation.people },
    { href: '/intake/peers/new', label: messages.intake.navigation.newPeer },
    { href: '/intake/workers/new', label: messages.intake.navigation.newWorker },
    ...(role === 'ADMIN' ? [{ href: '/intake/audit', label: messages.intake.navigation.audit }] : []),
  ];
  const auditOf = role === 'ADMIN' ? AUDIT_OF.exec(path) : null;
  const route = ROUTES.map((candidate) => ({ candidate, match: candidate.pattern.exec(path) })).find(
    ({ match }) => match,
  );
  return (
    <>
      <nav aria-label={messages.app.mainNavigation} className="tabs">
        <ul>
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} aria-current={path === link.href ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {auditOf ? (
        <AuditTrail initialPersonId={auditOf[1]} key={auditOf[1]} />
      ) : route ? (
        route.candidate.view(route.match![1])
      ) : path === '/intake/audit' && role === 'ADMIN' ? (
        <AuditTrail />
      ) : (
        <PeopleSearch />
      )}
    </>
  );
}
