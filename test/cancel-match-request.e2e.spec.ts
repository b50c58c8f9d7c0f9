import { randomUUID } from 'node:crypto';
import { RecomputeService } from '../src/matching/engine/recompute.service';
import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($p: ID!) { requestMatch(peerId: $p) { id status } }`;
const CANCEL = `mutation ($id: ID!) { cancelMatchRequest(id: $id) { id status peer { id } } }`;
const ACCEPT = `mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }`;
const DECLINE = `mutation ($id: ID!) { declineSuggestion(id: $id, reason: NOT_A_FIT) { id } }`;
const OPEN_REQUEST = `query ($id: ID!) { peer(id: $id) { openRequest { id status } } }`;

interface Waiting {
  peerId: string;
  requestId: string;
  token: string;
  /** OPEN, best first. */
  suggestionIds: string[];
}

describe('cancelMatchRequest', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  /** A peer whose request is READY with three open suggestions. */
  async function waitingPeer(): Promise<Waiting> {
    for (let i = 0; i < 3; i++) await makeSupportWorker(t);
    const peer = await makePeer(t);
    const requested = await t.gql<{ requestMatch: { id: string } }>(REQUEST, { p: peer.id }, intake);
    await waitForJobs(t.app);
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN' ORDER BY rank`,
      [peer.id],
    );
    expect(rows).toHaveLength(3);
    return {
      peerId: peer.id,
      requestId: requested.data!.requestMatch.id,
      token: await t.tokenFor({ role: 'PEER', peerId: peer.id }),
      suggestionIds: rows.map((row) => row.id),
    };
  }

  async function statusOf(requestId: string): Promise<string> {
    return (await t.dataSource.query(`SELECT status FROM match_request WHERE id = $1`, [requestId]))[0].status;
  }

  async function suggestionStatuses(peerId: string): Promise<string[]> {
    const rows: { status: string }[] = await t.dataSource.query(
      `SELECT status FROM suggestion WHERE peer_id = $1 ORDER BY rank`,
      [peerId],
    );
    return rows.map((row) => row.status);
  }

  async function cancellations(requestId: string): Promise<Record<string, unknown>[]> {
    return t.dataSource.query(
      `SELECT actor_role AS "actorRole", operation, subject_type AS "subjectType", person_id AS "personId"
         FROM audit_event WHERE action = 'CANCEL_REQUEST' AND subject_id = $1`,
      [requestId],
    );
  }

  it('lets a peer withdraw their READY request: CANCELLED, its open suggestions withdrawn, the change on record', async () => {
    const peer = await waitingPeer();
    await t.gql(DECLINE, { id: peer.suggestionIds[0] }, peer.token);
    await waitForJobs(t.app);

    const response = await t.gql(CANCEL, { id: peer.requestId }, peer.token);

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      cancelMatchRequest: { id: peer.requestId, status: 'CANCELLED', peer: { id: peer.peerId } },
    });
    expect(await statusOf(peer.requestId)).toBe('CANCELLED');
    // What the peer turned down stays turned down; the rest is no longer offered.
    expect((await suggestionStatuses(peer.peerId)).sort()).toEqual(['DECLINED', 'WITHDRAWN', 'WITHDRAWN']);
    expect(await cancellations(peer.requestId)).toEqual([
      { actorRole: 'PEER', operation: 'cancelMatchRequest', subjectType: 'MATCH_REQUEST', personId: peer.peerId },
    ]);
    expect((await t.gql(OPEN_REQUEST, { id: peer.peerId }, peer.token)).data).toEqual({ peer: { openRequest: null } });
  });

  it('leaves nothing owed for the peer, even while a batch holds them, so no recompute writes for it', async () => {
    const peer = await waitingPeer();
    // What a consumer computing the peer at this moment holds.
    await t.dataSource.query(
      `INSERT INTO recompute_due (peer_id, urgency, claim, claimed_until)
       VALUES ($1, 0, $2, clock_timestamp() + interval '1 hour')`,
      [peer.peerId, randomUUID()],
    );

    expect(errorCode(await t.gql(CANCEL, { id: peer.requestId }, intake))).toBeUndefined();

    expect(await t.dataSource.query(`SELECT peer_id FROM recompute_due`)).toEqual([]);
    expect(await t.app.get(RecomputeService).recompute(peer.peerId)).toBe('no-open-request');
    expect(await suggestionStatuses(peer.peerId)).toEqual(['WITHDRAWN', 'WITHDRAWN', 'WITHDRAWN']);
  });

  it('cancels a request just asked for, computed yet or not, and the peer may ask again', async () => {
    const peer = await makePeer(t);
    await makeSupportWorker(t);
    const token = await t.tokenFor({ role: 'PEER', peerId: peer.id });
    const first = (await t.gql<{ requestMatch: { id: string } }>(REQUEST, { p: peer.id }, token)).data!.requestMatch;
    expect(errorCode(await t.gql(CANCEL, { id: first.id }, token))).toBeUndefined();
    await waitForJobs(t.app);
    expect(await statusOf(first.id)).toBe('CANCELLED');
    expect(await suggestionStatuses(peer.id)).not.toContain('OPEN');

    const again = (await t.gql<{ requestMatch: { id: string } }>(REQUEST, { p: peer.id }, token)).data!.requestMatch;
    await waitForJobs(t.app);
    expect(again.id).not.toBe(first.id);
    expect(await statusOf(again.id)).toBe('READY');
  });

  it('returns a cancelled request unchanged when it is cancelled again', async () => {
    const peer = await waitingPeer();
    await t.gql(CANCEL, { id: peer.requestId }, peer.token);
    const snapshot = () =>
      t.dataSource.query(
        `SELECT r.status, r.updated_at, s.id, s.status AS suggestion, s.updated_at AS changed
           FROM match_request r JOIN suggestion s ON s.request_id = r.id WHERE r.id = $1 ORDER BY s.id`,
        [peer.requestId],
      );
    const before = await snapshot();

    const response = await t.gql(CANCEL, { id: peer.requestId }, peer.token);

    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({ cancelMatchRequest: { id: peer.requestId, status: 'CANCELLED' } });
    expect(await snapshot()).toEqual(before);
  });

  it('answers CONFLICT for an accepted request and changes nothing', async () => {
    const peer = await waitingPeer();
    expect(errorCode(await t.gql(ACCEPT, { id: peer.suggestionIds[0] }, peer.token))).toBeUndefined();
    await waitForJobs(t.app);

    const response = await t.gql(CANCEL, { id: peer.requestId }, peer.token);

    expect(response.errors?.[0]).toMatchObject({
      message: 'This request was accepted: end the match instead',
      extensions: { code: 'CONFLICT', reason: 'MATCH_REQUEST_ACCEPTED' },
    });
    expect(await statusOf(peer.requestId)).toBe('ACCEPTED');
    expect(await suggestionStatuses(peer.peerId)).toEqual(['ACCEPTED', 'WITHDRAWN', 'WITHDRAWN']);
    const [{ active }] = await t.dataSource.query(
      `SELECT count(*)::int AS active FROM match WHERE peer_id = $1 AND status = 'ACTIVE'`,
      [peer.peerId],
    );
    expect(active).toBe(1);
    expect(await cancellations(peer.requestId)).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown id, and BAD_USER_INPUT for one that is not a UUID', async () => {
    const unknown = randomUUID();
    const peerToken = await t.tokenFor({ role: 'PEER', peerId: (await makePeer(t)).id });
    for (const token of [intake, peerToken]) {
      const response = await t.gql(CANCEL, { id: unknown }, token);
      expect(response.errors?.[0]).toMatchObject({
        message: `No match request with id ${unknown}`,
        extensions: { code: 'NOT_FOUND', reason: 'MATCH_REQUEST_NOT_FOUND' },
      });
    }
    expect(errorCode(await t.gql(CANCEL, { id: 'not-a-uuid' }, intake))).toBe('BAD_USER_INPUT');
  });

  it("answers another peer's request as missing, as an unknown id, and writes nothing", async () => {
    const peer = await waitingPeer();
    const other = await t.tokenFor({ role: 'PEER', peerId: (await makePeer(t)).id });

    const response = await t.gql(CANCEL, { id: peer.requestId }, other);

    expect(response.errors?.[0]).toMatchObject({
      message: `No match request with id ${peer.requestId}`,
      extensions: { code: 'NOT_FOUND', reason: 'MATCH_REQUEST_NOT_FOUND' },
    });
    expect(await statusOf(peer.requestId)).toBe('READY');
    expect(await suggestionStatuses(peer.peerId)).toEqual(['OPEN', 'OPEN', 'OPEN']);
    expect(await cancellations(peer.requestId)).toEqual([]);
  });

  it.each([
    [
      'a support worker',
      async () => ({ role: 'SUPPORT_WORKER' as const, supportWorkerId: (await makeSupportWorker(t)).id }),
    ],
    [
      'a service without matches:write',
      async () => ({ role: 'SERVICE' as const, scope: 'matches:read profiles:write' }),
    ],
  ])('refuses %s as FORBIDDEN, writing nothing', async (_who, claims) => {
    const peer = await waitingPeer();
    expect(errorCode(await t.gql(CANCEL, { id: peer.requestId }, await t.tokenFor(await claims())))).toBe('FORBIDDEN');
    expect(await statusOf(peer.requestId)).toBe('READY');
    expect(await cancellations(peer.requestId)).toEqual([]);
  });
});

describe('requestMatch by a peer', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  it('lets a peer ask for themself, on record as the peer', async () => {
    const peer = await makePeer(t);
    const response = await t.gql<{ requestMatch: { id: string; status: string } }>(
      REQUEST,
      { p: peer.id },
      await t.tokenFor({ role: 'PEER', peerId: peer.id }),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.requestMatch.status).toBe('PENDING');
    expect(
      await t.dataSource.query(
        `SELECT actor_role AS role FROM audit_event WHERE action = 'REQUEST_MATCH' AND person_id = $1`,
        [peer.id],
      ),
    ).toEqual([{ role: 'PEER' }]);
  });

  it("answers another peer's id as an unknown peer, and writes nothing", async () => {
    const asker = await makePeer(t);
    const other = await makePeer(t);
    const token = await t.tokenFor({ role: 'PEER', peerId: asker.id });

    const ids = [other.id, randomUUID()];
    for (const id of ids) {
      const response = await t.gql(REQUEST, { p: id }, token);
      expect(response.errors?.[0]).toMatchObject({
        message: `No peer with id ${id}`,
        extensions: { code: 'NOT_FOUND', reason: 'PEER_NOT_FOUND' },
      });
    }
    await waitForJobs(t.app);
    expect(await t.dataSource.query(`SELECT id FROM match_request`)).toEqual([]);
    expect(
      await t.dataSource.query(
        `SELECT id FROM audit_event WHERE action = 'REQUEST_MATCH' AND person_id = ANY($1::uuid[])`,
        [ids],
      ),
    ).toEqual([]);
  });
});
