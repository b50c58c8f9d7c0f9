import request from 'supertest';
import { makePeer, makeSupportWorker, PEER_FIELDS, peerInput, workerInput } from './support/factories';
import { eventually, waitForJobs } from './support/queue';
import { GraphqlResponse, startTestApp, TestApp } from './support/test-app';

const CREATE_PEER = `mutation ($input: CreatePeerInput!) { createPeer(input: $input) { ${PEER_FIELDS} } }`;
const UPDATE_PEER = `mutation ($id: ID!, $input: UpdatePeerInput!) { updatePeer(id: $id, input: $input) { id displayName } }`;
const CREATE_WORKER = `mutation ($input: CreateSupportWorkerInput!) { createSupportWorker(input: $input) { id } }`;
const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;
const MATCH_REQUEST = `query ($id: ID!) { matchRequest(id: $id) { status suggestions { id } } }`;
const ACCEPT = `mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }`;
const DECLINE = `mutation ($id: ID!, $note: String) { declineSuggestion(id: $id, reason: OTHER, note: $note) { id status } }`;
const END = `mutation ($id: ID!, $note: String) { endMatch(id: $id, reason: GOALS_MET, note: $note) { id status } }`;

/** Each kind of character refused in every string; spelled as escapes so that the source shows them. */
const FORBIDDEN_ANYWHERE: [string, string][] = [
  ['NUL', '\u0000'],
  ['an escape (C0)', '\u001b'],
  ['DEL', '\u007f'],
  ['a next-line control (C1)', '\u0085'],
  ['a C1 control at the end of its range', '\u009f'],
  ['a left-to-right embedding', '\u202a'],
  ['a right-to-left override', '\u202e'],
  ['a left-to-right isolate', '\u2066'],
  ['a pop-directional isolate', '\u2069'],
  ['a zero-width space', '\u200b'],
  ['a byte order mark', '\ufeff'],
];

describe('text given as input', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].count);
  const peers = () => count('SELECT count(*) FROM peer');

  /**
   * Posts a request body as given: JSON.stringify escapes a lone surrogate as `\ud800`, which the
   * server's JSON parser turns back into one, and the body is written out here so that is plain.
   */
  async function postRaw(body: string, token: string): Promise<GraphqlResponse> {
    const response = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .send(body);
    return { status: response.status, data: response.body.data, errors: response.body.errors };
  }

  function expectRefused(response: GraphqlResponse<unknown>, fields: string[]): void {
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields });
    expect(response.data ?? null).toBeNull();
  }

  describe('names', () => {
    it.each([...FORBIDDEN_ANYWHERE, ['a tab', '\t'], ['a line feed', '\n'], ['a carriage return', '\r']])(
      'refuses a name holding %s, naming displayName, and writes nothing',
      async (_kind, character) => {
        const response = await t.gql(CREATE_PEER, { input: peerInput({ displayName: `Sa${character}m` }) }, intake);
        expectRefused(response, ['displayName']);
        expect(await peers()).toBe(0);
      },
    );

    it('refuses a line separator in a name: a name is one line', async () => {
      const response = await t.gql(CREATE_PEER, { input: peerInput({ displayName: 'Sam\u2028Lee' }) }, intake);
      expectRefused(response, ['displayName']);
    });

    it('refuses NUL in a support worker’s name and in an update, leaving the stored name', async () => {
      const created = await t.gql(CREATE_WORKER, { input: workerInput({ displayName: 'Al\u0000ex' }) }, intake);
      expectRefused(created, ['displayName']);
      expect(await count('SELECT count(*) FROM support_worker')).toBe(0);

      const peer = await makePeer(t, { displayName: 'Before' });
      const updated = await t.gql(UPDATE_PEER, { id: peer.id, input: { displayName: 'After\u0000' } }, intake);
      expectRefused(updated, ['displayName']);
      expect(await count(`SELECT count(*) FROM peer WHERE display_name = 'Before'`)).toBe(1);
    });

    it.each([
      ['only spaces', '   '],
      ['only no-break and ideographic spaces', '\u00a0\u3000'],
      ['only a zero-width joiner', '\u200d'],
      ['only a zero-width non-joiner between spaces', ' \u200c '],
    ])('refuses a name of %s as blank, naming displayName', async (_kind, displayName) => {
      const response = await t.gql(CREATE_PEER, { input: peerInput({ displayName }) }, intake);
      expectRefused(response, ['displayName']);
      expect(response.errors?.[0].message).toContain('blank');
      expect(await peers()).toBe(0);

      const peer = await makePeer(t);
      const updated = await t.gql(UPDATE_PEER, { id: peer.id, input: { displayName } }, intake);
      expectRefused(updated, ['displayName']);
      expect(await count(`SELECT count(*) FROM peer WHERE display_name = 'Sam'`)).toBe(1);
    });

    it('stores a name without the spaces around it', async () => {
      const peer = await makePeer(t, { displayName: '\u3000 Sam Lee\u00a0 ' });
      expect(peer.displayName).toBe('Sam Lee');
      expect(await count(`SELECT count(*) FROM peer WHERE display_name = 'Sam Lee'`)).toBe(1);
    });

    it.each([
      ['a lone high surrogate', 'Sam\\ud800'],
      ['a lone low surrogate', '\\udc00Sam'],
      ['a low surrogate before its high one', 'Sam\\udc00\\ud800'],
    ])('refuses a name holding %s sent as raw JSON, and writes nothing', async (_kind, escaped) => {
      const body = JSON.stringify({ query: CREATE_PEER, variables: { input: peerInput({ displayName: '@NAME@' }) } });
      const raw = body.replace('@NAME@', escaped);
      expect(raw).toMatch(/\\ud[89abcdef][0-9a-f]{2}/);
      const response = await postRaw(raw, intake);
      expectRefused(response, ['displayName']);
      expect(response.errors?.[0].message).toContain('surrogate');
      expect(await peers()).toBe(0);
    });

    it('keeps a well-formed surrogate pair (an emoji)', async () => {
      const body = JSON.stringify({ query: CREATE_PEER, variables: { input: peerInput({ displayName: '@NAME@' }) } });
      const peer = await postRaw(body.replace('@NAME@', 'Sam \\ud83c\\udf3b'), intake);
      expect(peer.errors).toBeUndefined();
      expect((peer.data?.createPeer as { displayName: string }).displayName).toBe('Sam \u{1f33b}');
    });

    it('stores and returns a decomposed name composed (NFC)', async () => {
      const decomposed = 'Rene\u0301e Nguye\u0302\u0303n';
      const composed = 'Ren\u00e9e Nguy\u1ec5n';
      expect(decomposed).not.toBe(composed);
      const peer = await makePeer(t, { displayName: decomposed });
      expect(peer.displayName).toBe(composed);
      const [row] = await t.dataSource.query(`SELECT display_name FROM peer WHERE id = $1`, [peer.id]);
      expect(row.display_name).toBe(composed);

      const updated = await t.gql<{ updatePeer: { displayName: string } }>(
        UPDATE_PEER,
        { id: peer.id, input: { displayName: 'Jose\u0301' } },
        intake,
      );
      expect(updated.data?.updatePeer.displayName).toBe('Jos\u00e9');
    });

    it('measures a name’s length once it is composed', async () => {
      // 200 code units as sent, 100 once composed: within the limit.
      const peer = await makePeer(t, { displayName: 'e\u0301'.repeat(100) });
      expect(peer.displayName).toBe('\u00e9'.repeat(100));
      // U+0958 is never composed: NFC writes it as two code points, 102 in all.
      const response = await t.gql(CREATE_PEER, { input: peerInput({ displayName: '\u0958'.repeat(51) }) }, intake);
      expectRefused(response, ['displayName']);
      expect(await peers()).toBe(1);
    });

    it.each([
      ['a Hindi name with a zero-width joiner', '\u0915\u094d\u200d\u0937\u092e\u093e'],
      ['a Hindi name with a zero-width non-joiner', '\u0915\u094d\u200c\u0937\u092e\u093e'],
      ['a Persian name with a zero-width non-joiner', '\u0646\u06cc\u06a9\u200c\u0646\u0627\u0645'],
    ])('accepts %s unchanged', async (_kind, displayName) => {
      const peer = await makePeer(t, { displayName });
      expect(peer.displayName).toBe(displayName);
      const [row] = await t.dataSource.query(`SELECT display_name FROM peer WHERE id = $1`, [peer.id]);
      expect(row.display_name).toBe(displayName);
    });
  });

  describe('notes', () => {
    async function openSuggestion(): Promise<{ peerId: string; suggestionId: string; peerToken: string }> {
      const peer = await makePeer(t);
      await makeSupportWorker(t);
      const requested = await t.gql<{ requestMatch: { id: string } }>(REQUEST, { peerId: peer.id }, intake);
      await waitForJobs(t.app);
      const suggestionId = await eventually(async () => {
        const { data } = await t.gql<{ matchRequest: { status: string; suggestions: { id: string }[] } }>(
          MATCH_REQUEST,
          { id: requested.data!.requestMatch.id },
          intake,
        );
        return data?.matchRequest.status === 'READY' && data.matchRequest.suggestions[0].id;
      }, 'suggestions');
      return { peerId: peer.id, suggestionId, peerToken: await t.tokenFor({ role: 'PEER', peerId: peer.id }) };
    }

    async function activeMatch(): Promise<{ matchId: string; peerToken: string }> {
      const { suggestionId, peerToken } = await openSuggestion();
      const accepted = await t.gql<{ acceptSuggestion: { id: string } }>(ACCEPT, { id: suggestionId }, peerToken);
      return { matchId: accepted.data!.acceptSuggestion.id, peerToken };
    }

    const declines = () =>
      count(`SELECT count(*) FROM suggestion WHERE status = 'DECLINED' OR decline_note IS NOT NULL`);
    const declineAudits = () => count(`SELECT count(*) FROM audit_event WHERE action = 'DECLINE'`);
    const endings = () => count(`SELECT count(*) FROM match WHERE status <> 'ACTIVE' OR end_note IS NOT NULL`);
    const endAudits = () => count(`SELECT count(*) FROM audit_event WHERE action = 'END'`);

    it.each(FORBIDDEN_ANYWHERE)(
      'refuses a decline note holding %s, naming note, and writes nothing',
      async (_kind, character) => {
        const { suggestionId, peerToken } = await openSuggestion();
        const audits = await declineAudits();
        const response = await t.gql(DECLINE, { id: suggestionId, note: `not${character} now` }, peerToken);
        expectRefused(response, ['note']);
        expect(await declines()).toBe(0);
        expect(await declineAudits()).toBe(audits);
      },
    );

    it('refuses NUL in an end note, naming note, and writes nothing', async () => {
      const { matchId, peerToken } = await activeMatch();
      const audits = await endAudits();
      const response = await t.gql(END, { id: matchId, note: 'all\u0000done' }, peerToken);
      expectRefused(response, ['note']);
      expect(await endings()).toBe(0);
      expect(await endAudits()).toBe(audits);
    });

    it('refuses a lone surrogate in a decline note sent as raw JSON', async () => {
      const { suggestionId, peerToken } = await openSuggestion();
      const body = JSON.stringify({ query: DECLINE, variables: { id: suggestionId, note: '@NOTE@' } });
      const response = await postRaw(body.replace('@NOTE@', 'not now \\ud83c'), peerToken);
      expectRefused(response, ['note']);
      expect(await declines()).toBe(0);
    });

    it('accepts tabs and line breaks in a decline note and stores them as written', async () => {
      const { suggestionId, peerToken } = await openSuggestion();
      const note = 'Not now.\r\nMaybe later:\n\t- after the move';
      const response = await t.gql(DECLINE, { id: suggestionId, note }, peerToken);
      expect(response.errors).toBeUndefined();
      const [row] = await t.dataSource.query(`SELECT decline_note FROM suggestion WHERE id = $1`, [suggestionId]);
      expect(row.decline_note).toBe(note);
    });

    it('accepts a line break in an end note and stores the note composed', async () => {
      const { matchId, peerToken } = await activeMatch();
      const response = await t.gql(END, { id: matchId, note: 'Merci, Rene\u0301e.\nAll the best.' }, peerToken);
      expect(response.errors).toBeUndefined();
      const [row] = await t.dataSource.query(`SELECT end_note FROM match WHERE id = $1`, [matchId]);
      expect(row.end_note).toBe('Merci, Ren\u00e9e.\nAll the best.');
    });
  });

  describe('every other string', () => {
    it('refuses a control character in the `after` cursor as input naming after', async () => {
      const response = await t.gql(
        `query ($after: String) { peers(after: $after) { totalCount } }`,
        { after: 'x\u0000' },
        intake,
      );
      expectRefused(response, ['after']);
      // INVALID_INPUT from the text check, not INVALID_CURSOR from decoding the cursor.
      expect(response.errors?.[0].extensions?.reason).toBe('INVALID_INPUT');
    });

    it('refuses a bidi control in an id argument, naming it', async () => {
      const response = await t.gql(REQUEST, { peerId: '\u202e00000000-0000-4000-8000-000000000000' }, intake);
      expectRefused(response, ['peerId']);
      // Refused for the character, before the UUID check would refuse it for its shape.
      expect(response.errors?.[0].message).toContain('bidirectional');
    });
  });
});
