import { always, Grant } from './grant';

/** Intake staff and administrators see and do everything the service holds. */
export const STAFF: { ADMIN: Grant; INTAKE: Grant } = { ADMIN: always, INTAKE: always };
