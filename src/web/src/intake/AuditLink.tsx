import { messages } from '../messages';
import { useSession } from '../session/use-session';
import { Link } from '../shell/Link';

/** For an administrator: the way from a person to their audit trail. */
export function AuditLink({ personId }: { personId: string }) {
  if (useSession()?.role !== 'ADMIN') return null;
  return (
    <p>
      <Link href={`/intake/audit/${personId}`}>{messages.intake.auditLink}</Link>
    </p>
  );
}
