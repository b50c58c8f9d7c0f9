import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal, Role } from '../common/auth/principal';

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

/** Who a session signs in: people, never a service (services send bearer tokens). */
export type SessionPrincipal = Pick<Principal, 'subject' | 'peerId' | 'supportWorkerId'> & {
  role: Exclude<Role, 'SERVICE'>;
};

export interface StoredSession extends SessionPrincipal {
  id: string;
}

interface SessionRow {
  id: string;
  subject: string;
  role: SessionPrincipal['role'];
  peer_id: string | null;
  support_worker_id: string | null;
  ended: boolean;
  stale: boolean;
}

/** The store's statements run in a caller's transaction when one is given: sign-in with its audit row. */
type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** Only the hash is stored: a copy of the table, a backup or a log of its queries signs no one in. */
function hashOf(cookieValue: string): Buffer {
  return createHash('sha256').update(cookieValue).digest();
}

/** last_seen_at is written at most this often: every request would otherwise be a write. */
const TOUCH_AFTER = "interval '1 minute'";

/**
 * Sessions the server holds for the pages, in PostgreSQL. A session ends when it has been idle
 * for SESSION_IDLE_MINUTES or has lasted SESSION_MAX_HOURS, whichever comes first; both are read
 * from the settings at each use, so a shorter setting ends longer sessions at once.
 */
export class SessionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SessionSettings,
  ) {}

  get maxAgeSeconds(): number {
    return this.settings.maxHours * 3600;
  }

  /** A new session and the cookie value that opens it, which is never stored. */
  async create(
    principal: SessionPrincipal,
    db: Queryable = this.dataSource,
  ): Promise<{ session: StoredSession; cookieValue: string }> {
    // Ended sessions are deleted as new ones begin, so none outlives its limit by much.
    await db.query(`DELETE FROM user_session WHERE ${this.ended}`, this.limits);
    const cookieValue = randomBytes(32).toString('base64url');
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO user_session (token_hash, subject, role, peer_id, support_worker_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        hashOf(cookieValue),
        principal.subject,
        principal.role,
        principal.peerId ?? null,
        principal.supportWorkerId ?? null,
      ],
    );
    return { session: { ...principal, id: row.id }, cookieValue };
  }

  /** The live session this cookie opens; an ended one is deleted and reads as none. */
  async find(cookieValue: string, db: Queryable = this.dataSource): Promise<StoredSession | undefined> {
    const [row]: SessionRow[] = await db.query(
      `SELECT id, subject, role, peer_id, support_worker_id, ${this.ended} AS ended,
              last_seen_at < now() - ${TOUCH_AFTER} AS stale
         FROM user_session WHERE token_hash = $3`,
      [...this.limits, hashOf(cookieValue)],
    );
    if (!row) return undefined;
    if (row.ended) {
      await db.query('DELETE FROM user_session WHERE id = $1', [row.id]);
      return undefined;
    }
    if (row.stale) await db.query('UPDATE user_session SET last_seen_at = now() WHERE id = $1', [row.id]);
    return sessionOf(row);
  }

  /** Ends the session at once, in one statement; what it was, if it was live. */
  async end(cookieValue: string, db: Queryable = this.dataSource): Promise<StoredSession | undefined> {
    const [[row]]: [SessionRow[], number] = await db.query(
      `DELETE FROM user_session WHERE token_hash = $3
       RETURNING id, subject, role, peer_id, support_worker_id, ${this.ended} AS ended`,
      [...this.limits, hashOf(cookieValue)],
    );
    return row && !row.ended ? sessionOf(row) : undefined;
  }

  private get ended(): string {
    return `(last_seen_at <= now() - make_interval(mins => $1) OR created_at <= now() - make_interval(hours => $2))`;
  }

  private get limits(): number[] {
    return [this.settings.idleMinutes, this.settings.maxHours];
  }
}

function sessionOf(row: SessionRow): StoredSession {
  return {
    id: row.id,
    subject: row.subject,
    role: row.role,
    peerId: row.peer_id ?? undefined,
    supportWorkerId: row.support_worker_id ?? undefined,
  };
}

/** A session's principal as every access check reads it: a person has no scopes. */
export function principalOfSession(session: SessionPrincipal): Principal {
  return {
    subject: session.subject,
    role: session.role,
    peerId: session.peerId,
    supportWorkerId: session.supportWorkerId,
    scopes: new Set(),
  };
}
