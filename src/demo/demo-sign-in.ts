import { DataSource, EntityManager } from 'typeorm';
import { DEMO_FEATURES, DemoFeature } from './demo-features';

/** Someone a development page may sign in as. */
export interface DemoSignIn {
  /** For a terminal: who, and what they are doing now. Pages word that themselves from `feature`. */
  label: string;
  name?: string;
  feature?: DemoFeature;
  role: 'ADMIN' | 'INTAKE' | 'PEER' | 'SUPPORT_WORKER';
  peerId?: string;
  supportWorkerId?: string;
}

/** Staff are roles, not records: they are offered whatever the database holds. */
const STAFF: DemoSignIn[] = [
  { label: 'Intake staff', role: 'INTAKE' },
  { label: 'Administrator', role: 'ADMIN' },
];

interface FeatureRow {
  feature: DemoFeature;
  peer_id: string | null;
  support_worker_id: string | null;
  name: string;
  request_status: string | null;
  open_suggestions: number;
  matched_with: string | null;
  active_matches: number;
  capacity: number | null;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What each person is doing now, read at the time of asking: a peer's suggestions arrive after the seed. */
function labelOf(row: FeatureRow): string {
  switch (row.feature) {
    case 'PEER_CHOOSING':
      return row.open_suggestions > 0
        ? `${row.name}, peer choosing from ${plural(row.open_suggestions, 'suggestion')}`
        : `${row.name}, peer waiting for suggestions`;
    case 'PEER_MATCHED':
      return row.matched_with ? `${row.name}, peer matched with ${row.matched_with}` : `${row.name}, peer`;
    case 'PEER_NEW':
      return row.request_status ? `${row.name}, peer` : `${row.name}, peer who has not asked for a match yet`;
    case 'WORKER_BUSY':
    case 'WORKER_ROOM': {
      const room = Math.max(0, (row.capacity ?? 0) - row.active_matches);
      return `${row.name}, support worker with ${plural(row.active_matches, 'active match', 'active matches')}${room ? `, room for ${room} more` : ', full'}`;
    }
  }
}

/**
 * Who a development "sign in as" list offers: a few demo peers in different states, a few demo
 * support workers, intake staff and an administrator. Only people the demo seed made, still
 * present and not erased; staff only when there are none.
 */
export async function demoSignIns(source: DataSource | EntityManager): Promise<DemoSignIn[]> {
  const rows: FeatureRow[] = await source.query(
    `SELECT d.feature, d.peer_id, d.support_worker_id, coalesce(p.display_name, w.display_name) AS name,
            r.status AS request_status,
            (SELECT count(*) FROM suggestion s WHERE s.request_id = r.id AND s.status = 'OPEN')::int AS open_suggestions,
            (SELECT mw.display_name FROM match m JOIN support_worker mw ON mw.id = m.support_worker_id
              WHERE m.peer_id = p.id AND m.status = 'ACTIVE') AS matched_with,
            (SELECT count(*) FROM match m WHERE m.support_worker_id = w.id AND m.status = 'ACTIVE')::int AS active_matches,
            w.capacity
       FROM demo_record d
       LEFT JOIN peer p ON p.id = d.peer_id AND p.erased_at IS NULL
       LEFT JOIN support_worker w ON w.id = d.support_worker_id
       LEFT JOIN match_request r ON r.peer_id = p.id AND r.status IN ('PENDING', 'READY', 'NO_CANDIDATES')
      WHERE d.feature IS NOT NULL AND (p.id IS NOT NULL OR w.id IS NOT NULL)`,
  );
  const order = (row: FeatureRow) => DEMO_FEATURES.indexOf(row.feature);
  const people = rows
    .sort((a, b) => order(a) - order(b))
    .map((row): DemoSignIn =>
      row.peer_id
        ? { label: labelOf(row), name: row.name, feature: row.feature, role: 'PEER', peerId: row.peer_id }
        : {
            label: labelOf(row),
            name: row.name,
            feature: row.feature,
            role: 'SUPPORT_WORKER',
            supportWorkerId: row.support_worker_id!,
          },
    );
  return [...people, ...STAFF.map((staff) => ({ ...staff }))];
}
