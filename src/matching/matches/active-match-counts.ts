import { EntityManager } from 'typeorm';

/** Active matches per support worker; workers with none are absent. */
export async function activeMatchCounts(
  manager: EntityManager,
  workerIds: readonly string[],
): Promise<Map<string, number>> {
  if (!workerIds.length) return new Map();
  const rows: { support_worker_id: string; count: string }[] = await manager.query(
    `SELECT support_worker_id, count(*) AS count FROM match
      WHERE status = 'ACTIVE' AND support_worker_id = ANY($1::uuid[]) GROUP BY support_worker_id`,
    [workerIds],
  );
  return new Map(rows.map((row) => [row.support_worker_id, Number(row.count)]));
}
