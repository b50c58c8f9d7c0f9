import { ExplainedReasons1795700000000 as ExplainedMigration } from '../migrations/1795700000000-ExplainedReasons';
import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { startTestApp, TestApp } from './support/test-app';

interface Explained {
  code: string;
  tags: { slug: string }[];
  language: string | null;
  distanceKm: number | null;
}
interface Read {
  reasons: string[];
  explained: Explained[];
}

const SUGGESTIONS = `query ($id: ID!) { matchRequest(id: $id) { suggestions { id reasons
  explained { code tags { slug } language distanceKm } } } }`;

describe('explained reasons', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE', sub: 'intake-1' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  /** A peer sharing a lived experience, an interest, a culture and languages with one worker, suggested it. */
  async function suggested(consent = { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true }) {
    const peer = await makePeer(t, {
      livedExperiences: ['panic-attacks', 'grief'],
      interests: ['cooking'],
      culturalBackgrounds: ['greek'],
      languages: ['el', 'en'],
      birthYear: 1990,
      consent,
    });
    const worker = await makeSupportWorker(t, {
      livedExperiences: ['anxiety', 'grief'],
      interests: ['cooking'],
      culturalBackgrounds: ['greek'],
      languages: ['en', 'el'],
      birthYear: 1992,
    });
    const request = await t.gql<{ requestMatch: { id: string } }>(
      'mutation ($p: ID!) { requestMatch(peerId: $p) { id } }',
      { p: peer.id },
      intake,
    );
    await waitForJobs(t.app);
    return { peerId: peer.id, workerId: worker.id, requestId: request.data!.requestMatch.id };
  }

  async function read(requestId: string, token: string): Promise<Read> {
    const response = await t.gql<{ matchRequest: { suggestions: Read[] } }>(SUGGESTIONS, { id: requestId }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.matchRequest.suggestions[0];
  }

  it('says what each sentence says, in the same order, with its tags', async () => {
    const { requestId } = await suggested();
    const { reasons, explained } = await read(requestId, intake);
    expect(reasons).toEqual([
      'You both have lived experience of grief and loss',
      'Has lived experience of anxiety, close to your panic attacks',
      'You both enjoy cooking',
      'Shares your cultural background: Greek',
      'You both speak Greek',
      'Close to you in age',
    ]);
    expect(explained.map(({ code, tags }) => [code, tags.map((tag) => tag.slug)])).toEqual([
      ['SHARED_LIVED_EXPERIENCE', ['grief']],
      ['RELATED_LIVED_EXPERIENCE', ['panic-attacks', 'anxiety']],
      ['SHARED_INTEREST', ['cooking']],
      ['SHARED_CULTURE', ['greek']],
      ['SHARED_FIRST_LANGUAGE', []],
      ['CLOSE_IN_AGE', []],
    ]);
    expect(explained[4].language).toBe('el');
  });

  it('leaves out for a service without profiles:read the reasons whose sentences it does not get', async () => {
    const { requestId } = await suggested();
    const { reasons, explained } = await read(requestId, await t.tokenFor({ role: 'SERVICE', scope: 'matches:read' }));
    expect(reasons).toEqual(['You both enjoy cooking', 'You both speak Greek', 'Close to you in age']);
    expect(explained.map((reason) => reason.code)).toEqual([
      'SHARED_INTEREST',
      'SHARED_FIRST_LANGUAGE',
      'CLOSE_IN_AGE',
    ]);
  });

  it('never names a lived experience the peer does not share', async () => {
    const { requestId } = await suggested({
      useLivedExperienceForMatching: true,
      shareLivedExperienceWithWorkers: false,
    });
    const { explained } = await read(requestId, intake);
    expect(explained.map((reason) => reason.code)).not.toContain('SHARED_LIVED_EXPERIENCE');
    expect(explained.map((reason) => reason.code)).not.toContain('RELATED_LIVED_EXPERIENCE');
  });

  it('puts a read on record for each person whose information someone else reads, as reasons are', async () => {
    const { peerId, workerId, requestId } = await suggested();
    const read = 'query ($id: ID!) { matchRequest(id: $id) { suggestions { explained { code } } } }';
    await t.gql(read, { id: requestId }, intake);
    await t.gql(read, { id: requestId }, await t.tokenFor({ role: 'PEER', peerId }));
    await t.gql(read, { id: requestId }, await t.tokenFor({ role: 'SERVICE', scope: 'matches:read' }));
    const rows: { action: string; person_id: string; actor_role: string }[] = await t.dataSource.query(
      `SELECT action, person_id, actor_role FROM audit_event WHERE operation = 'matchRequest' AND person_id = ANY($1)`,
      [[peerId, workerId]],
    );
    expect(rows.map((row) => [row.actor_role, row.action, row.person_id]).sort()).toEqual(
      [
        ['INTAKE', 'READ_SENSITIVE', peerId],
        ['INTAKE', 'READ_SENSITIVE', workerId],
        // What the worker disclosed, read by the peer; the peer's own is not a disclosure.
        ['PEER', 'READ_SENSITIVE', workerId],
      ].sort(),
    );
  });

  it('drops lived experience from stored reasons of every status once the peer stops sharing it', async () => {
    const { peerId } = await suggested();
    const [{ id }] = await t.dataSource.query(`SELECT id FROM suggestion WHERE peer_id = $1`, [peerId]);
    await t.gql('mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }', { id }, intake);
    await t.gql(
      'mutation ($id: ID!) { updatePeer(id: $id, input: { consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false } }) { id } }',
      { id: peerId },
      intake,
    );
    await waitForJobs(t.app);
    const [stored] = await t.dataSource.query(`SELECT reasons, explained FROM suggestion WHERE id = $1`, [id]);
    expect(stored.explained.map((reason: { code: string }) => reason.code)).toEqual([
      'SHARED_INTEREST',
      'SHARED_CULTURE',
      'SHARED_FIRST_LANGUAGE',
      'CLOSE_IN_AGE',
    ]);
    expect(stored.reasons).toHaveLength(stored.explained.length);
  });

  it('keeps nothing of them once the peer is erased', async () => {
    const { peerId } = await suggested();
    await t.gql('mutation ($id: ID!) { erasePeer(id: $id) }', { id: peerId }, await t.tokenFor({ role: 'ADMIN' }));
    await waitForJobs(t.app);
    const rows = await t.dataSource.query(`SELECT explained FROM suggestion WHERE peer_id = $1`, [peerId]);
    expect(rows).toEqual([{ explained: [] }]);
  });

  it('are given by explainMatch too, beside its sentences', async () => {
    const { peerId, workerId } = await suggested();
    const response = await t.gql<{ explainMatch: { reasons: string[]; explained: { code: string }[] } }>(
      'query ($p: ID!, $w: ID!) { explainMatch(peerId: $p, supportWorkerId: $w) { reasons explained { code } } }',
      { p: peerId, w: workerId },
      intake,
    );
    const { reasons, explained } = response.data!.explainMatch;
    expect(explained).toHaveLength(reasons.length);
    expect(explained[0].code).toBe('SHARED_LIVED_EXPERIENCE');
  });

  it('are read back from the sentences of suggestions stored before them, and the column goes with down()', async () => {
    await suggested();
    await makePeer(t, { displayName: 'Left alone' });
    const written = await t.dataSource.query(`SELECT id, explained FROM suggestion ORDER BY id`);
    const runner = t.dataSource.createQueryRunner();
    try {
      await new ExplainedMigration().down(runner);
      const columns = await runner.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'suggestion' AND column_name = 'explained'`,
      );
      expect(columns).toEqual([]);
      await new ExplainedMigration().up(runner);
    } finally {
      await runner.release();
    }
    expect(await t.dataSource.query(`SELECT id, explained FROM suggestion ORDER BY id`)).toEqual(written);
  });
});
