import { makePeer, makeSupportWorker } from './support/factories';
import { MUTATIONS } from './support/operations';
import { waitForJobs } from './support/queue';
import { errorCode, startTestApp, TestApp } from './support/test-app';
import { buildWorld } from './support/world';

/** Every table a mutation can change, as one comparable snapshot. */
async function snapshot(t: TestApp): Promise<string> {
  const tables = ['peer', 'peer_tag', 'support_worker', 'support_worker_tag', 'match_request', 'suggestion', 'match'];
  const rows = await Promise.all(
    tables.map((table) => t.dataSource.query(`SELECT to_jsonb(x) AS row FROM ${table} x ORDER BY 1::text`)),
  );
  return JSON.stringify(rows.map((table) => table.map((r: { row: unknown }) => JSON.stringify(r.row)).sort()));
}

describe('the audit trail of changes', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.tokenFor({ role: 'ADMIN', sub: 'admin-1' });
  });
  afterAll(() => t.close());

  describe('when the audit row cannot be written', () => {
    beforeAll(() =>
      t.dataSource.query(`
        CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit trail unavailable'; END $$;`),
    );
    afterEach(() => t.dataSource.query(`DROP TRIGGER IF EXISTS "TR_refuse_audit" ON audit_event`));

    it.each(MUTATIONS.map((operation) => [operation.name, operation] as const))(
      '%s changes nothing (no row, no change)',
      async (_name, operation) => {
        const world = await buildWorld(t);
        await waitForJobs(t.app);
        const before = await snapshot(t);
        await t.dataSource.query(
          `CREATE TRIGGER "TR_refuse_audit" BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
        );
        const response = await t.gql(operation.document, operation.variables(world), admin);
        expect(errorCode(response)).toBe('INTERNAL_SERVER_ERROR');
        expect(await snapshot(t)).toBe(before);
      },
    );
  });

  it('records a change under the operation’s schema name, whatever the alias, however long', async () => {
    await t.reset();
    const alias = 'a'.repeat(150);
    const response = await t.gql<Record<string, { id: string }>>(
      `mutation ($input: CreatePeerInput!) { ${alias}: createPeer(input: $input) { id livedExperiences { slug } } }`,
      {
        input: { displayName: 'Kim', languages: ['en'], modes: ['VIDEO'], livedExperiences: ['anxiety'] },
      },
      admin,
    );
    expect(response.errors).toBeUndefined();
    const id = response.data![alias].id;
    const rows: { action: string; operation: string }[] = await t.dataSource.query(
      `SELECT action, operation FROM audit_event WHERE person_id = $1 ORDER BY action`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'READ_SENSITIVE', operation: 'createPeer' },
      { action: 'CREATE', operation: 'createPeer' },
    ]);

    await t.gql(`query ($id: ID!) { ${alias}: peer(id: $id) { livedExperiences { slug } } }`, { id }, admin);
    const reads: { operation: string }[] = await t.dataSource.query(
      `SELECT operation FROM audit_event WHERE person_id = $1 AND action = 'READ_SENSITIVE' ORDER BY occurred_at`,
      [id],
    );
    expect(reads).toEqual([{ operation: 'createPeer' }, { operation: 'peer' }]);
  });

  it('records one health read per person per request, however many of their records were read', async () => {
    await t.reset();
    const consent = { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true };
    const peer = await makePeer(t, { livedExperiences: ['anxiety'], consent });
    for (let i = 0; i < 4; i++) await makeSupportWorker(t, { livedExperiences: ['anxiety'] });
    await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peer.id }, admin);
    await waitForJobs(t.app);
    const [{ max }] = await t.dataSource.query(`SELECT max(occurred_at) FROM audit_event`);
    const response = await t.gql(
      `query ($id: ID!) { peer(id: $id) { livedExperiences { slug } again: livedExperiences { slug }
         suggestions { reasons breakdown { factor } score supportWorker { livedExperiences { slug } } } } }`,
      { id: peer.id },
      admin,
    );
    expect(response.errors).toBeUndefined();
    const rows: { person_id: string; subject_type: string }[] = await t.dataSource.query(
      `SELECT person_id, subject_type FROM audit_event WHERE action = 'READ_SENSITIVE' AND occurred_at > $1`,
      [max],
    );
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.person_id)).size).toBe(5);
    expect(rows.filter((row) => row.subject_type === 'PEER')).toEqual([{ person_id: peer.id, subject_type: 'PEER' }]);
  });
});
