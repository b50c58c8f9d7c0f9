import { Client } from 'pg';
import { RecomputeService } from '../src/matching/engine/recompute.service';
import { makePeer, makeSupportWorker } from './support/factories';
import { eventually, waitForJobs } from './support/queue';
import { startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;

describe('a decline that commits while a recompute of the same peer is computing', () => {
  let t: TestApp & { database: { url: string } };
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  afterAll(() => t.close());

  it('is not undone by the recompute’s write: the declined worker stays out of the peer’s suggestions', async () => {
    const peer = await makePeer(t);
    const worker = await makeSupportWorker(t);
    await makeSupportWorker(t);
    await t.gql(REQUEST, { peerId: peer.id }, intake);
    await waitForJobs(t.app);
    const [{ id: suggestionId }] = await t.dataSource.query(
      `SELECT id FROM suggestion WHERE peer_id = $1 AND support_worker_id = $2 AND status = 'OPEN'`,
      [peer.id, worker.id],
    );

    // Holding the peer's row keeps the recompute between what it read and what it writes.
    const decline = new Client({ connectionString: t.database.url });
    await decline.connect();
    try {
      await decline.query('BEGIN');
      await decline.query('SELECT 1 FROM peer WHERE id = $1 FOR UPDATE', [peer.id]);
      const recompute = t.app.get(RecomputeService).recompute(peer.id);
      await eventually(async () => {
        const [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM peer%FOR UPDATE%'`,
        );
        return waiting > 0;
      }, 'the recompute to wait for the peer');
      // What declineSuggestion writes, committed while the recompute waits with the worker ranked.
      await decline.query(`UPDATE suggestion SET status = 'DECLINED', decline_reason = 'OTHER' WHERE id = $1`, [
        suggestionId,
      ]);
      await decline.query('COMMIT');
      expect(await recompute).toBe('written');
    } finally {
      await decline.end();
    }

    const rows: { status: string }[] = await t.dataSource.query(
      `SELECT status FROM suggestion WHERE peer_id = $1 AND support_worker_id = $2`,
      [peer.id, worker.id],
    );
    expect(rows.map((row) => row.status)).toEqual(['DECLINED']);
  });
});
