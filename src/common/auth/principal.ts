export const ROLES = ['ADMIN', 'INTAKE', 'PEER', 'SUPPORT_WORKER', 'SERVICE'] as const;
export type Role = (typeof ROLES)[number];

/** The audit trail stores the subject in a column of this width; a longer one is refused, not cut. */
export const SUBJECT_MAX_LENGTH = 200;
/** Far above any real list of scopes: a bound, like every claim the service keeps, not a policy. */
export const SCOPE_MAX_LENGTH = 1000;

/** Who is calling, as their verified token says. */
export interface Principal {
  subject: string;
  role: Role;
  peerId?: string;
  supportWorkerId?: string;
  scopes: ReadonlySet<string>;
}
