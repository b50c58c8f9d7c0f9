import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describeAccess } from './access-description';
import { always, own, scope } from './grant';
import { definePolicy, POLICY_EXTENSION, Policy, REACHABLE } from './policy';
import { STAFF } from './staff';

const ownRecord = own(() => 'someone');

const READ_RECORD = definePolicy(
  'record(id)',
  { ...STAFF, PEER: ownRecord, SERVICE: scope('records:read') },
  {
    hidden: 'null',
  },
);
const REMOVE_RECORD = definePolicy(
  'removeRecord',
  { ADMIN: STAFF.ADMIN },
  {
    hidden: { reason: 'PEER_NOT_FOUND', message: () => 'gone' },
    audit: { action: 'ERASE', persons: () => [] },
  },
);
const CHANGE_RECORD = definePolicy(
  'changeRecord',
  { ...STAFF, PEER: ownRecord },
  { inputs: { argument: 'input', only: { PEER: ['note', 'colour'] } } },
);
const RECORD = definePolicy('record', { ...STAFF, PEER: ownRecord, SUPPORT_WORKER: ownRecord });
const RECORD_SCORE = definePolicy(
  'record score',
  { ...STAFF, PEER: ownRecord, SERVICE: scope('records:read') },
  {
    redacted: { fullView: { ...STAFF, PEER: ownRecord, SERVICE: scope('profiles:read') }, redact: () => null },
    audit: { persons: () => [] },
  },
);
// A peer who may read their own list reads it in full; a service never does.
const RECORD_HISTORY = definePolicy(
  'record history',
  { ...STAFF, PEER: ownRecord, SERVICE: scope('records:read') },
  {
    redacted: { fullView: { ...STAFF, PEER: always }, redact: () => null },
  },
);
const NOBODY = definePolicy('nobody', {});

const policed = (policy: Policy) => ({ [POLICY_EXTENSION]: policy });

function buildSchema(): GraphQLSchema {
  const record = new GraphQLObjectType({
    name: 'Record',
    description: 'A record.',
    extensions: policed(RECORD),
    fields: {
      history: { type: GraphQLString, description: 'Its history.', extensions: policed(RECORD_HISTORY) },
      id: { type: GraphQLString, description: 'Its id.', extensions: policed(REACHABLE) },
      name: { type: GraphQLString, description: 'Its name.' },
      score: { type: GraphQLString, description: 'Its score.', extensions: policed(RECORD_SCORE) },
      secret: { type: GraphQLString, extensions: policed(NOBODY) },
    },
  });
  const tag = new GraphQLObjectType({
    name: 'Tag',
    description: 'A value.',
    extensions: policed(REACHABLE),
    fields: { slug: { type: GraphQLString, description: 'Its slug.', extensions: policed(REACHABLE) } },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        record: { type: record, description: 'One record.', extensions: policed(READ_RECORD) },
        tag: { type: tag, description: 'One tag.', extensions: policed(NOBODY) },
      },
    }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: {
        changeRecord: { type: GraphQLString, description: 'Changes it.', extensions: policed(CHANGE_RECORD) },
        removeRecord: { type: GraphQLString, description: 'Removes it.', extensions: policed(REMOVE_RECORD) },
      },
    }),
  });
}

function descriptions(schema: GraphQLSchema): Record<string, string | null | undefined> {
  const said: Record<string, string | null | undefined> = {};
  for (const name of ['Query', 'Mutation', 'Record', 'Tag']) {
    const type = schema.getType(name) as GraphQLObjectType;
    said[name] = type.description;
    for (const field of Object.values(type.getFields())) said[`${name}.${field.name}`] = field.description;
  }
  return said;
}

describe('describeAccess', () => {
  it('ends each written description with who may call or read it, and writes none where there was none', () => {
    const schema = buildSchema();
    describeAccess(schema);
    expect(descriptions(schema)).toEqual({
      Query: expect.stringContaining('Every operation needs `Authorization: Bearer <JWT>`'),
      'Query.record':
        'One record.\n\nCallable by: ADMIN, INTAKE, PEER (own), SERVICE (records:read). A record that is not the caller’s reads as null.',
      'Query.tag': 'One tag.\n\nCallable by: no one.',
      Mutation: expect.stringContaining('A refused change writes nothing'),
      'Mutation.changeRecord':
        'Changes it.\n\nCallable by: ADMIN, INTAKE, PEER (own; only note, colour of input). A role limited to some fields of input that sends any other is refused (FORBIDDEN, naming them), and nothing is written.',
      'Mutation.removeRecord':
        'Removes it.\n\nCallable by: ADMIN. A record that is not the caller’s answers NOT_FOUND (PEER_NOT_FOUND), as if it did not exist. Each call is on record (ERASE).',
      Record:
        'A record.\n\nFields without a rule of their own are readable by: ADMIN, INTAKE, PEER (own), SUPPORT_WORKER (own).',
      'Record.history': 'Its history.\n\nReadable by: ADMIN, INTAKE, PEER (own), SERVICE (records:read; redacted).',
      'Record.id': 'Its id.\n\nReadable by whoever reaches the Record.',
      'Record.name': 'Its name.',
      'Record.score':
        'Its score.\n\nReadable by: ADMIN, INTAKE, PEER (own), SERVICE (records:read; in full with profiles:read). Each read is on record (READ_SENSITIVE), except a person’s read of their own.',
      'Record.secret': undefined,
      Tag: 'A value.',
      'Tag.slug': 'Its slug.',
    });
  });

  it('says the same when the schema is described again', () => {
    const schema = buildSchema();
    describeAccess(schema);
    const once = descriptions(schema);
    describeAccess(schema);
    expect(descriptions(schema)).toEqual(once);
  });
});
