import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ERASED_NAME, ERASED_TABLES, PeerErasureService } from '../src/privacy/peer-erasure.service';
import { makePeer, makeSupportWorker } from './support/factories';
import { eventually, waitForJobs } from './support/queue';
import { startTestApp } from './support/test-app';

const NAME = 'Robin Quillfeather';
const DECLINE_NOTE = 'In my own words: the zebra crossing';
const END_NOTE = 'Ended in my own words: the heron';
const SHARED = 'You both have lived experience of';

/**
 * VACUUM removes the row versions an erasure left dead: they are no longer tuples of any page.
 * It does not wipe the bytes: the space they took is marked free and stays as it was until a new
 * row version is written there. So what is checked here is every line pointer of every page,
 * live or dead (pageinspect), not the raw pages.
 */
describe('erasure and the row versions it leaves', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let admin: string;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Ships with PostgreSQL's contrib modules, the embedded server's included.
    await t.dataSource.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
    admin = await t.tokenFor({ role: 'ADMIN', sub: 'admin-1' });
    intake = await t.tokenFor({ role: 'INTAKE', sub: 'intake-1' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  /** Row versions of `table`, live or dead, whose stored bytes hold `needle`. */
  async function versionsHolding(table: string, needle: Buffer): Promise<number> {
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count
         FROM generate_series(0, (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int - 1) AS block,
              heap_page_items(get_raw_page($1::text, block::int))
        WHERE position($2::bytea IN t_data) > 0`,
      [table, needle],
    );
    return count;
  }

  /** Every place the peer's data was stored, with how many row versions still hold it. */
  async function stored(peerId: string): Promise<Record<string, number>> {
    const uuid = Buffer.from(peerId.replace(/-/g, ''), 'hex');
    return {
      'peer: name': await versionsHolding('peer', Buffer.from(NAME)),
      'peer_tag: the peer’s tags': await versionsHolding('peer_tag', uuid),
      'suggestion: decline note': await versionsHolding('suggestion', Buffer.from(DECLINE_NOTE)),
      'suggestion: reasons': await versionsHolding('suggestion', Buffer.from(SHARED)),
      'match: end note': await versionsHolding('match', Buffer.from(END_NOTE)),
    };
  }

  /** A peer with lived experience, a declined suggestion with a note and an ended match with one. */
  async function storedPeer(): Promise<string> {
    const consent = { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true };
    const peer = await makePeer(t, { displayName: NAME, livedExperiences: ['psychosis'], interests: ['art'], consent });
    await makeSupportWorker(t, { livedExperiences: ['psychosis'] });
    await makeSupportWorker(t, { livedExperiences: ['psychosis'] });
    await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peer.id }, intake);
    await waitForJobs(t.app);
    const [first, second]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN' ORDER BY rank`,
      [peer.id],
    );
    const asPeer = await t.tokenFor({ role: 'PEER', peerId: peer.id });
    const declined = await t.gql(
      'mutation ($id: ID!, $note: String) { declineSuggestion(id: $id, reason: NOT_A_FIT, note: $note) { id } }',
      { id: second.id, note: DECLINE_NOTE },
      asPeer,
    );
    const accepted = await t.gql<{ acceptSuggestion: { id: string } }>(
      'mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }',
      { id: first.id },
      asPeer,
    );
    const ended = await t.gql(
      'mutation ($id: ID!, $note: String) { endMatch(id: $id, reason: OTHER, note: $note) { id } }',
      { id: accepted.data?.acceptSuggestion.id, note: END_NOTE },
      admin,
    );
    expect([declined.errors, accepted.errors, ended.errors]).toEqual([undefined, undefined, undefined]);
    await waitForJobs(t.app);
    return peer.id;
  }

  it('vacuums every table it rewrote: no row version, live or dead, holds what was erased', async () => {
    const peerId = await storedPeer();
    const held = await stored(peerId);
    // Each is there to begin with, or its absence afterwards would prove nothing.
    expect(Object.values(held).every((count) => count > 0)).toBe(true);
    const [{ now: before }] = await t.dataSource.query('SELECT now()');

    const erased = await t.gql('mutation ($id: ID!) { erasePeer(id: $id) }', { id: peerId }, admin);

    expect(erased.data).toEqual({ erasePeer: true });
    expect(await stored(peerId)).toEqual(Object.fromEntries(Object.keys(held).map((place) => [place, 0])));
    const [{ display_name }] = await t.dataSource.query('SELECT display_name FROM peer WHERE id = $1', [peerId]);
    expect(display_name).toBe(ERASED_NAME);
    // Reported by the vacuum itself; read afresh, as a transaction's statistics are a snapshot.
    await eventually(async () => {
      const rows: { relname: string; last_vacuum: Date | null }[] = await t.dataSource.query(
        `SELECT relname, last_vacuum FROM pg_stat_user_tables, pg_stat_clear_snapshot()
          WHERE relname = ANY($1::text[])`,
        [ERASED_TABLES],
      );
      return rows.length === ERASED_TABLES.length && rows.every((row) => row.last_vacuum && row.last_vacuum >= before);
    }, 'every erased table to be vacuumed after the erasure');
  });

  describe('with a database role that may not vacuum', () => {
    const role = `peermatch_no_vacuum_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    let limited: DataSource;

    beforeAll(async () => {
      await t.dataSource.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
      // What the service needs to write, and no more: not the tables' owner, nor MAINTAIN on them.
      await t.dataSource.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      const url = new URL(t.database.url);
      url.username = role;
      url.password = password;
      limited = await new DataSource(dataSourceOptions(url.toString())).initialize();
    });
    afterAll(async () => {
      await limited?.destroy();
      await t.dataSource.query(`DROP OWNED BY ${role}`);
      await t.dataSource.query(`DROP ROLE ${role}`);
    });

    it('still erases, and warns naming tables only', async () => {
      const peerId = await storedPeer();
      const erasure = new PeerErasureService(limited, t.app.get(EventEmitter2));
      const warn = jest.spyOn(Logger.prototype, 'warn');
      try {
        await erasure.erase(peerId, {
          principal: { subject: 'admin-1', role: 'ADMIN', scopes: new Set() },
          operation: 'erasePeer',
        });

        const [{ display_name }] = await t.dataSource.query('SELECT display_name FROM peer WHERE id = $1', [peerId]);
        expect(display_name).toBe(ERASED_NAME);
        const warnings = warn.mock.calls.map(([message]) => String(message));
        expect(warnings).toHaveLength(1);
        // The server's wording differs between versions; each table is named in it.
        expect(warnings[0]).toMatch(/^Vacuum after erasure incomplete: /);
        for (const table of ERASED_TABLES) expect(warnings[0]).toContain(`"${table}"`);
        expect(warnings[0]).not.toMatch(/Robin|zebra|heron|psychosis/i);
        // What the warning means: the old versions are still in the pages, until autovacuum.
        expect((await stored(peerId))['peer: name']).toBeGreaterThan(0);
      } finally {
        warn.mockRestore();
      }
    });
  });
});
