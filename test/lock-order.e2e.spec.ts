import { Client } from 'pg';
import { dataSourceOptions } from '../src/database/data-source-options';
import { RecomputeService } from '../src/matching/engine/recompute.service';
import { SweeperService } from '../src/matching/jobs/sweeper.service';
import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { GraphqlResponse, startTestApp } from './support/test-app';
import { createTestDatabase } from './support/test-database';

const ACCEPT = `mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }`;
const DECLINE = `mutation ($id: ID!, $reason: DeclineReason!) { declineSuggestion(id: $id, reason: $reason) { id } }`;
const UPDATE_PEER = `mutation ($id: ID!, $name: String!) { updatePeer(id: $id, input: { displayName: $name }) { id } }`;
const ERASE = `mutation ($id: ID!) { erasePeer(id: $id) }`;
const CANCEL = `mutation ($id: ID!) { cancelMatchRequest(id: $id) { id } }`;
const PEERS = 20;
const WORKERS = 5;
const NOT_OPEN = 'CONFLICT SUGGESTION_NOT_OPEN';
const ACCEPTED_FIRST = 'CONFLICT MATCH_REQUEST_ACCEPTED';
const { poolSize: POOL_SIZE = 10 } = dataSourceOptions('postgres://localhost/unused') as { poolSize?: number };

interface Waiting {
  peerId: string;
  token: string;
  /** OPEN, best first. */
  suggestionIds: string[];
}

/** What an answer says, so that many can be counted at once: ok, or the error's code and reason. */
function outcome(response: GraphqlResponse<unknown>): string {
  const error = response.errors?.[0];
  if (!error) return 'ok';
  return [error.extensions?.code, error.extensions?.reason].filter(Boolean).join(' ');
}

/** A call made outside GraphQL: its result, or the error it threw. */
function settled(work: Promise<unknown>): Promise<string> {
  return work.then(
    (result) => (typeof result === 'string' ? result : 'ok'),
    (error: unknown) => `threw ${String(error)}`,
  );
}

function tally(values: string[], into: Record<string, number> = {}): Record<string, number> {
  for (const value of values) into[value] = (into[value] ?? 0) + 1;
  return into;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('changes to one peer’s suggestions at the same moment', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let intake: string;
  let admin: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    // PostgreSQL looks for a deadlock only once a lock wait has lasted deadlock_timeout (1 s).
    // Without the fixes many deadlocks queue up behind one worker's row: a shorter wait lets those
    // runs fail on their assertions rather than on time.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client
      .query(
        `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET deadlock_timeout = ''100ms''', current_database()); END $$`,
      )
      .catch(() => undefined) // a role that may not set it: the same checks, slower to fail
      .finally(() => client.end());
    // The tests sweep when they mean to: a scheduled sweep expiring suggestions a test has just
    // backdated, before it lines up its writers, would be a race of the test's own making.
    t = await startTestApp({ database, env: { SWEEP_INTERVAL_MS: String(24 * 3600 * 1000) } });
    intake = await t.tokenFor({ role: 'INTAKE' });
    admin = await t.tokenFor({ role: 'ADMIN' });
  });
  afterAll(() => t.close());

  /** `count` peers, each with WORKERS open suggestions; every worker has room for all of them. */
  async function waitingPeers(count = PEERS): Promise<Waiting[]> {
    await t.reset();
    for (let i = 0; i < WORKERS; i++) await makeSupportWorker(t, { capacity: 50 });
    const peers = await Promise.all(Array.from({ length: count }, (_, i) => makePeer(t, { displayName: `Peer ${i}` })));
    await Promise.all(
      peers.map((peer) => t.gql(`mutation ($p: ID!) { requestMatch(peerId: $p) { id } }`, { p: peer.id }, intake)),
    );
    await waitForJobs(t.app);
    const rows: { id: string; peer_id: string }[] = await t.dataSource.query(
      `SELECT id, peer_id FROM suggestion WHERE status = 'OPEN' ORDER BY rank`,
    );
    return Promise.all(
      peers.map(async (peer) => {
        const suggestionIds = rows.filter((row) => row.peer_id === peer.id).map((row) => row.id);
        expect(suggestionIds).toHaveLength(WORKERS);
        return { peerId: peer.id, token: await t.tokenFor({ role: 'PEER', peerId: peer.id }), suggestionIds };
      }),
    );
  }

  /**
   * Deadlocks PostgreSQL detected in this file's database, queue jobs included. A backend reports
   * its counts when it goes idle at least a second after it last did, else only ten seconds
   * later: so each pooled connection is made busy once more (a little apart, as reports of one
   * database wait for each other) a second after the work to be counted.
   */
  async function deadlocks(): Promise<number> {
    await sleep(1100);
    await Promise.all(
      Array.from({ length: POOL_SIZE }, (_, i) => t.dataSource.query('SELECT pg_sleep($1)', [0.02 * (i + 1)])),
    );
    const [{ deadlocks }] = await t.dataSource.query(
      `SELECT deadlocks::int AS deadlocks FROM pg_stat_database WHERE datname = current_database()`,
    );
    return deadlocks;
  }

  async function activeMatches(peerId: string): Promise<number> {
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM match WHERE peer_id = $1 AND status = 'ACTIVE'`,
      [peerId],
    );
    return count;
  }

  /** The request's status and how many of its suggestions are still OPEN. */
  async function requestState(peerId: string): Promise<string> {
    const [row] = await t.dataSource.query(
      `SELECT r.status, (SELECT count(*)::int FROM suggestion s WHERE s.request_id = r.id AND s.status = 'OPEN') AS open
         FROM match_request r WHERE r.peer_id = $1 ORDER BY r.created_at DESC LIMIT 1`,
      [peerId],
    );
    return `${row.status}, ${row.open} open`;
  }

  async function requestOf(peerId: string): Promise<string> {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM match_request WHERE peer_id = $1`, [peerId]);
    return id;
  }

  describe('racing', () => {
    it.each([2, WORKERS])(
      'gives a peer accepting %i suggestions at once one match; the rest SUGGESTION_NOT_OPEN',
      async (at) => {
        const before = await deadlocks();
        const answers: Record<string, number> = {};
        const peers: Record<string, number> = {};
        const rounds = 2;
        for (let round = 0; round < rounds; round++) {
          const waiting = await waitingPeers();

          const byPeer = await Promise.all(
            waiting.map((peer) =>
              Promise.all(peer.suggestionIds.slice(-at).map((id) => t.gql(ACCEPT, { id }, peer.token).then(outcome))),
            ),
          );

          for (const [i, peer] of waiting.entries()) {
            tally(byPeer[i], answers);
            const ok = byPeer[i].filter((answer) => answer === 'ok').length;
            tally([`${ok} accepted, ${await activeMatches(peer.peerId)} active`], peers);
          }
        }
        expect({ answers, peers, deadlocks: (await deadlocks()) - before }).toEqual({
          answers: { ok: rounds * PEERS, [NOT_OPEN]: rounds * PEERS * (at - 1) },
          peers: { '1 accepted, 1 active': rounds * PEERS },
          deadlocks: 0,
        });
      },
    );

    it('accepts one suggestion while others of the same peer are declined', async () => {
      const before = await deadlocks();
      const accepts: Record<string, number> = {};
      const declines: Record<string, number> = {};
      const peers: Record<string, number> = {};
      const rounds = 2;
      for (let round = 0; round < rounds; round++) {
        const waiting = await waitingPeers();

        const byPeer = await Promise.all(
          waiting.map((peer) => {
            const [, nudging, plain, accepted] = peer.suggestionIds;
            return Promise.all([
              t.gql(ACCEPT, { id: accepted }, peer.token).then(outcome),
              // LANGUAGE raises a weight, so that decline writes the peer's row as well.
              t.gql(DECLINE, { id: nudging, reason: 'LANGUAGE' }, peer.token).then(outcome),
              t.gql(DECLINE, { id: plain, reason: 'NOT_A_FIT' }, peer.token).then(outcome),
            ]);
          }),
        );
        await waitForJobs(t.app);

        for (const [i, peer] of waiting.entries()) {
          const [accept, ...declined] = byPeer[i];
          tally([accept], accepts);
          tally(declined, declines);
          tally([`${await activeMatches(peer.peerId)} active`], peers);
        }
      }
      // A decline that came second finds its suggestion withdrawn by the accept.
      const declinesOtherwise = Object.keys(declines).filter((answer) => answer !== 'ok' && answer !== NOT_OPEN);
      expect({ accepts, declinesOtherwise, peers, deadlocks: (await deadlocks()) - before }).toEqual({
        accepts: { ok: rounds * PEERS },
        declinesOtherwise: [],
        peers: { '1 active': rounds * PEERS },
        deadlocks: 0,
      });
    });

    it('accepts while the peer’s profile changes and their suggestions are recomputed', async () => {
      const recomputes = t.app.get(RecomputeService);
      const before = await deadlocks();
      const accepts: Record<string, number> = {};
      const others: Record<string, number> = {};
      const peers: Record<string, number> = {};
      const rounds = 2;
      for (let round = 0; round < rounds; round++) {
        const waiting = await waitingPeers();

        await Promise.all(
          waiting.map(async (peer, i) => {
            let accepted = false;
            // Each change enqueues a recompute, which the queue runs when it gets to it.
            const changeProfile = async () => {
              for (let n = 0; !accepted; n++) {
                tally(
                  [await t.gql(UPDATE_PEER, { id: peer.peerId, name: `Peer ${i}.${n}` }, intake).then(outcome)],
                  others,
                );
              }
            };
            // And one runs here, back to back, so that some overlap the accept.
            const recompute = async () => {
              while (!accepted) tally([await settled(recomputes.recompute(peer.peerId))], others);
            };
            const accept = async () => {
              await sleep(5 * i);
              tally([await t.gql(ACCEPT, { id: peer.suggestionIds[i % WORKERS] }, peer.token).then(outcome)], accepts);
              accepted = true;
            };
            await Promise.all([accept(), changeProfile(), recompute()]);
          }),
        );
        await waitForJobs(t.app);
        for (const peer of waiting) tally([`${await activeMatches(peer.peerId)} active`], peers);
      }
      const othersFailed = Object.keys(others).filter(
        (answer) => !['ok', 'written', 'stale', 'no-open-request'].includes(answer),
      );
      expect({ accepts, othersFailed, peers, deadlocks: (await deadlocks()) - before }).toEqual({
        accepts: { ok: rounds * PEERS },
        othersFailed: [],
        peers: { '1 active': rounds * PEERS },
        deadlocks: 0,
      });
    });

    it('cancels a request while the peer accepts and their suggestions are recomputed', async () => {
      const recomputes = t.app.get(RecomputeService);
      const before = await deadlocks();
      const peers: Record<string, number> = {};
      const others: Record<string, number> = {};
      const rounds = 2;
      for (let round = 0; round < rounds; round++) {
        const waiting = await waitingPeers();

        await Promise.all(
          waiting.map(async (peer, i) => {
            const requestId = await requestOf(peer.peerId);
            let done = false;
            // Half the peers accept a little before they cancel, half after.
            const [acceptAfter, cancelAfter] = i % 2 ? [0, i % 7] : [i % 7, 0];
            const recompute = async () => {
              while (!done) tally([await settled(recomputes.recompute(peer.peerId))], others);
            };
            const choices = Promise.all([
              sleep(acceptAfter).then(() => t.gql(ACCEPT, { id: peer.suggestionIds[i % WORKERS] }, peer.token)),
              sleep(cancelAfter).then(() => t.gql(CANCEL, { id: requestId }, peer.token)),
            ]).finally(() => (done = true));
            const [[accept, cancel]] = await Promise.all([choices, recompute()]);
            await waitForJobs(t.app);
            tally(
              [
                `${outcome(accept)} / ${outcome(cancel)}: ${await requestState(peer.peerId)}, ` +
                  `${await activeMatches(peer.peerId)} active`,
              ],
              peers,
            );
          }),
        );
      }
      // Whichever comes first wins; the other is refused; a cancelled request keeps nothing open.
      const settledOtherwise = Object.keys(peers).filter(
        (state) =>
          state !== `ok / ${ACCEPTED_FIRST}: ACCEPTED, 0 open, 1 active` &&
          state !== `${NOT_OPEN} / ok: CANCELLED, 0 open, 0 active`,
      );
      const othersFailed = Object.keys(others).filter(
        (answer) => !['written', 'stale', 'no-open-request'].includes(answer),
      );
      expect({ settledOtherwise, othersFailed, deadlocks: (await deadlocks()) - before }).toEqual({
        settledOtherwise: [],
        othersFailed: [],
        deadlocks: 0,
      });
      expect(Object.values(peers).reduce((sum, n) => sum + n, 0)).toBe(rounds * PEERS);
    });

    it('accepts suggestions about to expire while the sweeper expires them', async () => {
      const sweeper = t.app.get(SweeperService);
      const before = await deadlocks();
      const accepts: Record<string, number> = {};
      const sweeps: Record<string, number> = {};
      const left: Record<string, number> = {};
      const delays = [0, 50, 100, 200];
      for (const delay of delays) {
        const waiting = await waitingPeers();
        await t.dataSource.query(`UPDATE suggestion SET created_at = now() - interval '400 days'`);
        // Each peer's that a sweep reaches last, so that it has taken their others when it comes to it.
        const last: { id: string; peer_id: string }[] = await t.dataSource.query(
          `SELECT DISTINCT ON (peer_id) peer_id, id FROM suggestion ORDER BY peer_id, ctid DESC`,
        );

        await Promise.all([
          ...waiting.map(async (peer) => {
            const { id } = last.find((row) => row.peer_id === peer.peerId)!;
            tally([await t.gql(ACCEPT, { id }, peer.token).then(outcome)], accepts);
          }),
          (async () => {
            // Somewhere in the middle of the accepts; the first sweep expires all there is.
            await sleep(delay);
            tally([await settled(sweeper.sweep().then(() => 'ok'))], sweeps);
          })(),
        ]);
        await waitForJobs(t.app);
        const statuses: { status: string }[] = await t.dataSource.query(`SELECT status FROM suggestion`);
        tally(
          statuses.map((row) => (row.status === 'OPEN' ? 'OPEN' : 'closed')),
          left,
        );
      }
      // An accept that came second finds its suggestion expired.
      const acceptsOtherwise = Object.keys(accepts).filter((answer) => answer !== 'ok' && answer !== NOT_OPEN);
      expect({ acceptsOtherwise, sweeps, left, deadlocks: (await deadlocks()) - before }).toEqual({
        acceptsOtherwise: [],
        sweeps: { ok: delays.length },
        // Each expired, accepted or withdrawn by the accept.
        left: { closed: delays.length * PEERS * WORKERS },
        deadlocks: 0,
      });
    });
  });

  /**
   * Two calls lined up at their worst moment: a transaction of the test's own holds the worker's
   * row, so the accept stops right before it locks it, holding whatever it locked first; the other
   * call then runs until it waits for the accept; then the worker's row is let go.
   */
  describe('lined up', () => {
    async function holdWorker(workerId: string) {
      return holdRow('support_worker', workerId);
    }

    async function holdRow(table: 'support_worker' | 'match_request', id: string) {
      const client = new Client({ connectionString: t.database.url });
      await client.connect();
      await client.query('BEGIN');
      await client.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
      const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
      return {
        pid: pid as number,
        release: async () => {
          await client.query('ROLLBACK');
          await client.end();
        },
      };
    }

    /** The backend waiting for a lock `pid` holds, once there is one; null if none within `ms`. */
    async function waitingBehind(pid: number, ms: number): Promise<number | null> {
      for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(10)) {
        const [row] = await t.dataSource.query(
          `SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid)) LIMIT 1`,
          [pid],
        );
        if (row) return row.pid;
      }
      return null;
    }

    /**
     * Whether `count` backends wait for locks within `ms`. A second waiter for a row waits for
     * the first, not for the holder, so waiters are counted rather than looked for behind one pid.
     */
    async function waitingForLocks(count: number, ms: number): Promise<boolean> {
      for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(10)) {
        const [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0`,
        );
        if (waiting >= count) return true;
      }
      return false;
    }

    async function lineUp(peer: Waiting, suggestionId: string, other: () => Promise<string>) {
      const [{ workerId }] = await t.dataSource.query(
        `SELECT support_worker_id AS "workerId" FROM suggestion WHERE id = $1`,
        [suggestionId],
      );
      const gate = await holdWorker(workerId);
      const accepting = t.gql(ACCEPT, { id: suggestionId }, peer.token).then(outcome);
      let othering: Promise<string>;
      let lined: boolean;
      try {
        const acceptPid = await waitingBehind(gate.pid, 5000);
        othering = other();
        lined = acceptPid !== null && (await waitingBehind(acceptPid, 3000)) !== null;
      } finally {
        await gate.release();
      }
      return { lined, accept: await accepting, other: await othering, active: await activeMatches(peer.peerId) };
    }

    it('accepts while the same peer’s suggestions are recomputed', async () => {
      const recomputes = t.app.get(RecomputeService);
      const before = await deadlocks();
      const results = [];
      for (let round = 0; round < 3; round++) {
        const [peer] = await waitingPeers(1);
        results.push(await lineUp(peer, peer.suggestionIds[round], () => settled(recomputes.recompute(peer.peerId))));
      }
      // The recompute waits for the accept and then finds the request taken.
      expect({ results, deadlocks: (await deadlocks()) - before }).toEqual({
        results: Array(3).fill({ lined: true, accept: 'ok', other: 'no-open-request', active: 1 }),
        deadlocks: 0,
      });
    });

    it('accepts while the same peer is erased', async () => {
      const before = await deadlocks();
      const results = [];
      for (let round = 0; round < 3; round++) {
        const [peer] = await waitingPeers(1);
        results.push(
          await lineUp(peer, peer.suggestionIds[round], () => t.gql(ERASE, { id: peer.peerId }, admin).then(outcome)),
        );
      }
      // Erasure comes second and ends the match the accept made.
      expect({ results, deadlocks: (await deadlocks()) - before }).toEqual({
        results: Array(3).fill({ lined: true, accept: 'ok', other: 'ok', active: 0 }),
        deadlocks: 0,
      });
    });

    it('accepts while the same peer’s request is cancelled', async () => {
      const before = await deadlocks();
      const results = [];
      for (let round = 0; round < 3; round++) {
        const [peer] = await waitingPeers(1);
        const requestId = await requestOf(peer.peerId);
        results.push({
          ...(await lineUp(peer, peer.suggestionIds[round], () =>
            t.gql(CANCEL, { id: requestId }, peer.token).then(outcome),
          )),
          request: await requestState(peer.peerId),
        });
      }
      // The cancel waits for the accept, then finds the request accepted.
      expect({ results, deadlocks: (await deadlocks()) - before }).toEqual({
        results: Array(3).fill({
          lined: true,
          accept: 'ok',
          other: ACCEPTED_FIRST,
          active: 1,
          request: 'ACCEPTED, 0 open',
        }),
        deadlocks: 0,
      });
    });

    it('cancels a request while the same peer accepts and a recompute of theirs waits to write', async () => {
      const recomputes = t.app.get(RecomputeService);
      const before = await deadlocks();
      const results = [];
      for (let round = 0; round < 3; round++) {
        const [peer] = await waitingPeers(1);
        const requestId = await requestOf(peer.peerId);
        // The cancel stops right before it locks the request, holding the peer's row.
        const gate = await holdRow('match_request', requestId);
        const cancelling = t.gql(CANCEL, { id: requestId }, peer.token).then(outcome);
        let accepting: Promise<string>;
        let recomputing: Promise<string>;
        let lined: boolean;
        try {
          const cancelPid = await waitingBehind(gate.pid, 5000);
          accepting = t.gql(ACCEPT, { id: peer.suggestionIds[round] }, peer.token).then(outcome);
          recomputing = settled(recomputes.recompute(peer.peerId));
          // The cancel behind the test's lock, the accept and the recompute behind the cancel.
          lined = cancelPid !== null && (await waitingForLocks(3, 3000));
        } finally {
          await gate.release();
        }
        results.push({
          lined,
          cancel: await cancelling,
          accept: await accepting,
          recompute: await recomputing,
          active: await activeMatches(peer.peerId),
          request: await requestState(peer.peerId),
        });
      }
      // Both wait for the cancel, then find nothing open.
      expect({ results, deadlocks: (await deadlocks()) - before }).toEqual({
        results: Array(3).fill({
          lined: true,
          cancel: 'ok',
          accept: NOT_OPEN,
          recompute: 'no-open-request',
          active: 0,
          request: 'CANCELLED, 0 open',
        }),
        deadlocks: 0,
      });
    });

    it('accepts a suggestion about to expire while the sweeper expires the peer’s others', async () => {
      const sweeper = t.app.get(SweeperService);
      const before = await deadlocks();
      const results = [];
      for (let round = 0; round < 3; round++) {
        const [peer] = await waitingPeers(1);
        await t.dataSource.query(`UPDATE suggestion SET created_at = now() - interval '400 days'`);
        // The one the sweeper reaches last, so that it has taken the others when it comes to it.
        const [{ id }] = await t.dataSource.query(
          `SELECT id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN' ORDER BY ctid DESC LIMIT 1`,
          [peer.peerId],
        );
        results.push(
          await lineUp(peer, id, () => settled(sweeper.sweep().then(({ expired }) => `expired ${expired}`))),
        );
      }
      // The sweeper waits for the accept, and then the peer has nothing open left to expire.
      expect({ results, deadlocks: (await deadlocks()) - before }).toEqual({
        results: Array(3).fill({ lined: true, accept: 'ok', other: 'expired 0', active: 1 }),
        deadlocks: 0,
      });
    });
  });
});
