export const ROLES = ['ADMIN', 'INTAKE', 'PEER', 'SUPPORT_WORKER', 'SERVICE'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as their verified token says. */
export interface Principal {
  subject: string;
  role: Role;
  peerId?: string;
  supportWorkerId?: string;
  scopes: ReadonlySet<string>;
}
