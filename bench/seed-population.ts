import { DataSource } from 'typeorm';
import { PeerProfile, WorkerProfile } from '../src/matching/core/profiles';

/** Rows of `count` placeholders for one insert: ($1, $2, ...), ($n+1, ...). */
function placeholders(rows: number, columns: number): string {
  return Array.from(
    { length: rows },
    (_, row) => `(${Array.from({ length: columns }, (_, column) => `$${row * columns + column + 1}`).join(', ')})`,
  ).join(', ');
}

async function insertChunks(dataSource: DataSource, sql: (values: string) => string, rows: unknown[][]): Promise<void> {
  const columns = rows[0]?.length ?? 0;
  const perChunk = Math.floor(60_000 / Math.max(columns, 1));
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    await dataSource.query(sql(placeholders(chunk.length, columns)), chunk.flat());
  }
}

/**
 * Inserts generated people straight into the tables (tag slugs become tag ids), with an open
 * PENDING request per peer. Returns the peers' ids.
 */
export async function seedPopulation(
  dataSource: DataSource,
  workers: readonly WorkerProfile[],
  peers: readonly PeerProfile[],
): Promise<string[]> {
  const tags: { id: string; slug: string }[] = await dataSource.query(`SELECT id, slug FROM tag`);
  const tagId = new Map(tags.map((tag) => [tag.slug, tag.id]));
  const tagRows = (ownerIds: string[], people: readonly (PeerProfile | WorkerProfile)[]) =>
    people.flatMap((person, index) =>
      [...person.livedExperienceIds, ...person.interestIds, ...person.cultureIds].map((slug) => [
        ownerIds[index],
        tagId.get(slug),
      ]),
    );
  const profileColumns = (person: PeerProfile | WorkerProfile) => [
    person.id,
    person.gender,
    person.birthYear,
    `{${person.languages.join(',')}}`,
    `{${person.modes.join(',')}}`,
    person.location?.latitude ?? null,
    person.location?.longitude ?? null,
  ];

  const workerIds: { id: string }[] = [];
  await insertChunks(
    dataSource,
    (values) =>
      `INSERT INTO support_worker (display_name, gender, birth_year, languages, modes, latitude, longitude, service_radius_km, capacity, active)
       VALUES ${values}`,
    workers.map((worker) => [...profileColumns(worker), worker.serviceRadiusKm, worker.capacity, worker.active]),
  );
  workerIds.push(...(await dataSource.query(`SELECT id FROM support_worker ORDER BY created_at, display_name`)));
  await insertChunks(
    dataSource,
    (values) => `INSERT INTO support_worker_tag (support_worker_id, tag_id) VALUES ${values}`,
    tagRows(
      workerIds.map((row) => row.id),
      workers,
    ),
  );

  await insertChunks(
    dataSource,
    (values) =>
      `INSERT INTO peer (display_name, gender, birth_year, languages, modes, latitude, longitude, max_distance_km, preferences,
                         consent_use_lived_experience_for_matching, consent_share_lived_experience_with_workers)
       VALUES ${values}`,
    peers.map((peer) => [
      ...profileColumns(peer),
      peer.maxDistanceKm,
      JSON.stringify({
        workerGenders: peer.workerGenders,
        importance: Object.entries(peer.importance).map(([factor, importance]) => ({ factor, importance })),
      }),
      peer.consent.useLivedExperienceForMatching,
      peer.consent.shareLivedExperienceWithWorkers,
    ]),
  );
  const peerIds: { id: string }[] = await dataSource.query(`SELECT id FROM peer ORDER BY created_at, display_name`);
  await insertChunks(
    dataSource,
    (values) => `INSERT INTO peer_tag (peer_id, tag_id) VALUES ${values}`,
    tagRows(
      peerIds.map((row) => row.id),
      peers,
    ),
  );
  await dataSource.query(`INSERT INTO match_request (peer_id, status) SELECT id, 'PENDING' FROM peer`);
  return peerIds.map((row) => row.id);
}
