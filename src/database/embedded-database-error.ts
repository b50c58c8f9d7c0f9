/** The embedded PostgreSQL cannot start; the message names the cause and the fix, in one line. */
export class EmbeddedDatabaseError extends Error {}
