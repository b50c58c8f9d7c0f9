import { TestApp } from './test-app';

export const PEER_FIELDS = `id displayName gender birthYear languages modes maxDistanceKm availability
  location { latitude longitude }
  livedExperiences { slug kind } interests { slug } culturalBackgrounds { slug }
  preferences { workerGenders importance { factor importance } }
  consent { useLivedExperienceForMatching shareLivedExperienceWithWorkers }`;

export const WORKER_FIELDS = `id displayName gender birthYear languages modes serviceRadiusKm capacity active
  location { latitude longitude }
  livedExperiences { slug } interests { slug } culturalBackgrounds { slug }`;

export interface CreatedProfile {
  id: string;
  [field: string]: unknown;
}

export function peerInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { displayName: 'Sam', languages: ['en'], modes: ['VIDEO'], ...overrides };
}

export function workerInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { displayName: 'Alex', languages: ['en'], modes: ['VIDEO'], capacity: 5, ...overrides };
}

async function create(
  t: TestApp,
  mutation: 'createPeer' | 'createSupportWorker',
  inputType: string,
  fields: string,
  input: Record<string, unknown>,
): Promise<CreatedProfile> {
  const token = await t.tokenFor({ role: 'INTAKE' });
  const response = await t.gql<Record<string, CreatedProfile>>(
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${fields} } }`,
    { input },
    token,
  );
  if (response.errors?.length || !response.data) {
    throw new Error(`${mutation} failed: ${JSON.stringify(response.errors)}`);
  }
  return response.data[mutation];
}

export function makePeer(t: TestApp, overrides: Record<string, unknown> = {}): Promise<CreatedProfile> {
  return create(t, 'createPeer', 'CreatePeerInput', PEER_FIELDS, peerInput(overrides));
}

export function makeSupportWorker(t: TestApp, overrides: Record<string, unknown> = {}): Promise<CreatedProfile> {
  return create(t, 'createSupportWorker', 'CreateSupportWorkerInput', WORKER_FIELDS, workerInput(overrides));
}
