import { own, scope, when } from '../common/access/grant';
import { definePolicy, PersonRef } from '../common/access/policy';
import { idArgument } from '../common/access/record-owner';
import { STAFF } from '../common/access/staff';
import type { GraphqlContext } from '../common/graphql-context';
import type { UpdateSupportWorkerInput } from './dto/update-support-worker.input';

/** What the rules read of a support worker (declared here, so the entity can import its rules). */
interface SupportWorker {
  id: string;
}

const ownWorker = own<SupportWorker, GraphqlContext>(({ source }) => source.id, 'self');

/** A peer sees the workers suggested to them or matched with them, and no other. */
const suggestedToThem = when<SupportWorker, GraphqlContext>(
  'suggested to or matched with them',
  async ({ principal, source, context }) =>
    principal.peerId !== undefined && (await context.loaders.workersOfPeer.load(principal.peerId)).has(source.id),
  'Not yours to see',
);

/** The profile a worker shows the peers they are suggested to; a worker never sees another worker. */
export const WORKER_PROFILE = definePolicy<SupportWorker, GraphqlContext>('support worker profile', {
  ...STAFF,
  PEER: suggestedToThem,
  SUPPORT_WORKER: ownWorker,
  SERVICE: scope('profiles:read'),
});

/** What the worker discloses to peers of their own lived experience and background: reads are on record. */
export const WORKER_SENSITIVE = definePolicy<SupportWorker, GraphqlContext>(
  'support worker sensitive',
  WORKER_PROFILE.roles,
  {
    audit: { persons: ({ source }): PersonRef[] => [{ type: 'SUPPORT_WORKER', id: source.id }] },
  },
);

/** Where the worker is based: never for peers. */
export const WORKER_PRIVATE = definePolicy<SupportWorker, GraphqlContext>('support worker private', {
  ...STAFF,
  SUPPORT_WORKER: ownWorker,
  SERVICE: scope('profiles:read'),
});

/** The matches a worker is in. */
export const WORKER_MATCHES = definePolicy<SupportWorker, GraphqlContext>('support worker matches', {
  ...STAFF,
  SUPPORT_WORKER: ownWorker,
  SERVICE: scope('matches:read'),
});

const workerNamedById = own<unknown, GraphqlContext>(({ args }) => idArgument(args.id, 'id'), 'self');

export const READ_WORKER = definePolicy<unknown, GraphqlContext>(
  'supportWorker(id)',
  { ...STAFF, SUPPORT_WORKER: workerNamedById, SERVICE: scope('profiles:read') },
  { hidden: 'null' },
);

export const LIST_WORKERS = definePolicy('supportWorkers', { ...STAFF, SERVICE: scope('profiles:read') });

export const WRITE_WORKER = definePolicy('write support worker', { ...STAFF, SERVICE: scope('profiles:write') });

/** What a worker may change of their own record: whether they take new peers, and when they are free. */
export const WORKER_SELF_SERVICE_FIELDS = [
  'acceptingNewPeers',
  'availability',
] as const satisfies readonly (keyof UpdateSupportWorkerInput)[];

export const UPDATE_WORKER = definePolicy<unknown, GraphqlContext>(
  'updateSupportWorker',
  { ...STAFF, SUPPORT_WORKER: workerNamedById, SERVICE: scope('profiles:write') },
  {
    hidden: { reason: 'SUPPORT_WORKER_NOT_FOUND', message: (args) => `No support worker with id ${String(args.id)}` },
    inputs: { argument: 'input', only: { SUPPORT_WORKER: WORKER_SELF_SERVICE_FIELDS } },
  },
);
