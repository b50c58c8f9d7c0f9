import { ConsentHistoryAndExport1795500000000 as ConsentMigration } from '../migrations/1795500000000-ConsentHistoryAndExport';
import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const BOTH = { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true };
const NONE = { useLivedExperienceForMatching: false, shareLivedExperienceWithWorkers: false };
const SET_CONSENT = `mutation ($id: ID!, $consent: ConsentInput!) { updatePeer(id: $id, input: { consent: $consent }) { id } }`;

describe('consent withdrawn', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE', sub: 'intake-7' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  it('takes lived experience out of every stored suggestion in the transaction that records it, accepted and withdrawn ones too', async () => {
    const peer = await makePeer(t, { livedExperiences: ['ptsd'], interests: ['cooking'], consent: BOTH });
    const chosen = await makeSupportWorker(t, { livedExperiences: ['ptsd'], interests: ['cooking'] });
    await makeSupportWorker(t, { livedExperiences: ['ptsd'] });
    await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peer.id }, intake);
    await waitForJobs(t.app);
    const [{ id }] = await t.dataSource.query(
      `SELECT id FROM suggestion WHERE peer_id = $1 AND support_worker_id = $2`,
      [peer.id, chosen.id],
    );
    await t.gql('mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }', { id }, intake);
    const stored = () =>
      t.dataSource.query(`SELECT status, score, reasons, breakdown FROM suggestion WHERE peer_id = $1 ORDER BY id`, [
        peer.id,
      ]);
    const before: { status: string; score: number }[] = await stored();
    expect(before.map((s) => s.status).sort()).toEqual(['ACCEPTED', 'WITHDRAWN']);
    expect(JSON.stringify(before)).toMatch(/lived experience of PTSD|LIVED_EXPERIENCE/i);

    const withdrawn = await t.gql(SET_CONSENT, { id: peer.id, consent: NONE }, intake);
    expect(withdrawn.errors).toBeUndefined();
    // Read at once, before any job could run: the rewrite is part of the withdrawal itself.
    const after: { status: string; score: number; reasons: string[]; breakdown: { factor: string }[] }[] =
      await stored();
    expect(JSON.stringify(after)).not.toMatch(/lived experience|LIVED_EXPERIENCE|PTSD/i);
    expect(after.map((s) => s.status)).toEqual(before.map((s) => s.status));
    expect(after.find((s) => s.status === 'ACCEPTED')?.reasons).toContain('You both enjoy cooking');
    for (const suggestion of after) {
      expect(suggestion.breakdown.length).toBeGreaterThan(0);
    }
  });

  it('takes the sentences naming lived experience out of stored reasons once the peer stops sharing it', async () => {
    const peer = await makePeer(t, { livedExperiences: ['ptsd'], interests: ['cooking'], consent: BOTH });
    await makeSupportWorker(t, { livedExperiences: ['ptsd'], interests: ['cooking'] });
    await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peer.id }, intake);
    await waitForJobs(t.app);
    const stored = () => t.dataSource.query(`SELECT reasons, breakdown FROM suggestion WHERE peer_id = $1`, [peer.id]);
    expect(JSON.stringify(await stored())).toMatch(/lived experience of post-traumatic stress/);
    await t.gql(SET_CONSENT, { id: peer.id, consent: { ...BOTH, shareLivedExperienceWithWorkers: false } }, intake);
    const [after] = await stored();
    expect(JSON.stringify(after.reasons)).not.toMatch(/lived experience/i);
    expect(after.reasons).toContain('You both enjoy cooking');
    // Still used for matching: the factor stays in the score.
    expect(after.breakdown.map((c: { factor: string }) => c.factor)).toContain('LIVED_EXPERIENCE');
  });

  it('rewrites, on upgrade, the suggestions of peers who withdrew consent before it was enforced, as the service does', async () => {
    const peers = [];
    for (const name of ['Old', 'Now']) {
      const peer = await makePeer(t, {
        displayName: name,
        livedExperiences: ['ptsd'],
        interests: ['cooking'],
        consent: BOTH,
      });
      peers.push(peer);
    }
    await makeSupportWorker(t, { livedExperiences: ['ptsd'], interests: ['cooking'], capacity: 10 });
    await makeSupportWorker(t, { livedExperiences: ['anxiety'], capacity: 10 });
    for (const peer of peers)
      await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peer.id }, intake);
    await waitForJobs(t.app);
    const [old, now] = peers;
    // "Old" withdrew before withdrawal rewrote stored suggestions; "Now" withdraws through the service.
    await t.dataSource.query(`UPDATE peer SET consent_use_lived_experience_for_matching = false WHERE id = $1`, [
      old.id,
    ]);
    await t.gql(SET_CONSENT, { id: now.id, consent: { ...BOTH, useLivedExperienceForMatching: false } }, intake);
    await waitForJobs(t.app);
    await ConsentMigration.forgetWithdrawnLivedExperience(t.dataSource);
    const byWorker = async (peerId: string) =>
      t.dataSource.query(
        `SELECT support_worker_id, score, reasons, breakdown FROM suggestion WHERE peer_id = $1 ORDER BY support_worker_id, created_at`,
        [peerId],
      );
    const migrated: { score: number; reasons: string[]; breakdown: { factor: string; weight: number }[] }[] =
      await byWorker(old.id);
    const serviced: typeof migrated = await byWorker(now.id);
    expect(JSON.stringify(migrated)).not.toMatch(/LIVED_EXPERIENCE|lived experience/);
    expect(migrated.length).toBeGreaterThan(0);
    migrated.slice(0, serviced.length).forEach((row, index) => {
      expect(row.score).toBeCloseTo(serviced[index].score, 9);
      expect(row.reasons).toEqual(serviced[index].reasons);
      expect(row.breakdown.map((c) => c.factor)).toEqual(serviced[index].breakdown.map((c) => c.factor));
      row.breakdown.forEach((c, i) => expect(c.weight).toBeCloseTo(serviced[index].breakdown[i].weight, 9));
    });
  });

  it('keeps the history of every consent, with when and by whom it was recorded', async () => {
    const peer = await makePeer(t, { consent: BOTH });
    await t.gql(SET_CONSENT, { id: peer.id, consent: { ...BOTH, shareLivedExperienceWithWorkers: false } }, intake);
    await t.gql(
      `mutation ($id: ID!) { updatePeer(id: $id, input: { displayName: "Same consent" }) { id } }`,
      { id: peer.id },
      intake,
    );
    const rows = await t.dataSource.query(
      `SELECT use_lived_experience_for_matching AS use, share_lived_experience_with_workers AS share,
              recorded_by_subject AS subject, recorded_by_role AS role, operation
         FROM consent_record WHERE peer_id = $1 ORDER BY recorded_at`,
      [peer.id],
    );
    expect(rows).toEqual([
      { use: true, share: true, subject: 'dev-intake', role: 'INTAKE', operation: 'createPeer' },
      { use: true, share: false, subject: 'intake-7', role: 'INTAKE', operation: 'updatePeer' },
    ]);
    await expect(t.dataSource.query(`DELETE FROM consent_record WHERE peer_id = $1`, [peer.id])).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('a peer’s copy of their data', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE', sub: 'intake-9' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  const EXPORT = 'query ($id: ID!) { exportPeerData(peerId: $id) }';

  it('holds the profile, consents, requests, suggestions, matches, notes and who read their health information', async () => {
    const peer = await makePeer(t, { displayName: 'Ari', livedExperiences: ['ptsd'], consent: BOTH });
    const worker = await makeSupportWorker(t, { displayName: 'Jo', livedExperiences: ['ptsd'] });
    await makeSupportWorker(t, { displayName: 'Max' });
    await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peer.id }, intake);
    await waitForJobs(t.app);
    const suggestions: { id: string; support_worker_id: string }[] = await t.dataSource.query(
      `SELECT id, support_worker_id FROM suggestion WHERE peer_id = $1`,
      [peer.id],
    );
    const other = suggestions.find((s) => s.support_worker_id !== worker.id)!;
    const mine = suggestions.find((s) => s.support_worker_id === worker.id)!;
    const asPeer = await t.tokenFor({ role: 'PEER', peerId: peer.id, sub: 'ari' });
    await t.gql(
      'mutation ($id: ID!) { declineSuggestion(id: $id, reason: OTHER, note: "Not for me") { id } }',
      { id: other.id },
      asPeer,
    );
    const match = await t.gql<{ acceptSuggestion: { id: string } }>(
      'mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }',
      { id: mine.id },
      asPeer,
    );
    await t.gql(
      'mutation ($id: ID!) { endMatch(id: $id, reason: GOALS_MET, note: "Thank you") { id } }',
      { id: match.data!.acceptSuggestion.id },
      asPeer,
    );
    await t.gql('query ($id: ID!) { peer(id: $id) { livedExperiences { slug } } }', { id: peer.id }, intake);

    const response = await t.gql<{ exportPeerData: string }>(EXPORT, { id: peer.id }, asPeer);
    expect(response.errors).toBeUndefined();
    const copy = JSON.parse(response.data!.exportPeerData);
    expect(copy.profile).toMatchObject({ id: peer.id, displayName: 'Ari', livedExperiences: ['ptsd'], consent: BOTH });
    expect(copy.consents).toEqual([
      expect.objectContaining({
        ...BOTH,
        recordedBy: { subject: 'dev-intake', role: 'INTAKE' },
        operation: 'createPeer',
      }),
    ]);
    expect(copy.matchRequests).toHaveLength(1);
    expect(copy.suggestions).toHaveLength(2);
    expect(copy.suggestions).toEqual(
      expect.arrayContaining([expect.objectContaining({ declineReason: 'OTHER', declineNote: 'Not for me' })]),
    );
    expect(copy.matches).toEqual([
      expect.objectContaining({
        status: 'ENDED',
        endNote: 'Thank you',
        supportWorker: { id: worker.id, displayName: 'Jo' },
      }),
    ]);
    expect(copy.accessLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'READ_SENSITIVE',
          actor: { subject: 'intake-9', role: 'INTAKE' },
          operation: 'peer',
        }),
        expect.objectContaining({ action: 'ACCEPT', actor: { subject: 'ari', role: 'PEER' } }),
      ]),
    );
    const exports = await t.dataSource.query(
      `SELECT actor_subject, operation FROM audit_event WHERE action = 'EXPORT' AND person_id = $1`,
      [peer.id],
    );
    expect(exports).toEqual([{ actor_subject: 'ari', operation: 'exportPeerData' }]);
  });

  it('is for the peer themself, intake and admin only', async () => {
    const peer = await makePeer(t);
    const otherPeer = await makePeer(t);
    expect(
      errorCode(await t.gql(EXPORT, { id: peer.id }, await t.tokenFor({ role: 'PEER', peerId: otherPeer.id }))),
    ).toBe('NOT_FOUND');
    const service = await t.tokenFor({
      role: 'SERVICE',
      scope: 'profiles:read profiles:write matches:read matches:write',
    });
    expect(errorCode(await t.gql(EXPORT, { id: peer.id }, service))).toBe('FORBIDDEN');
    const admin = await t.tokenFor({ role: 'ADMIN' });
    expect((await t.gql(EXPORT, { id: peer.id }, admin)).errors).toBeUndefined();
    const exports = await t.dataSource.query(
      `SELECT actor_role FROM audit_event WHERE action = 'EXPORT' AND person_id = $1`,
      [peer.id],
    );
    expect(exports).toEqual([{ actor_role: 'ADMIN' }]);
  });
});
