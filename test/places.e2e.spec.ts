import { errorCode, startTestApp, TestApp } from './support/test-app';

interface Place {
  suburb: string;
  postcode: string;
  state: string;
  location: { latitude: number; longitude: number };
}

const PLACES = `query ($search: String!, $first: Int) {
  places(search: $search, first: $first) { suburb postcode state location { latitude longitude } } }`;

describe('looking up a place', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  afterAll(() => t.close());

  async function places(search: string, first?: number): Promise<Place[]> {
    const response = await t.gql<{ places: Place[] }>(PLACES, { search, first }, intake);
    expect(response.errors).toBeUndefined();
    return response.data!.places;
  }

  it('finds a suburb by name, the exact name first, with where it is', async () => {
    const [bondi, ...others] = await places('Bondi');
    expect(bondi).toMatchObject({ suburb: 'BONDI', postcode: '2026', state: 'NSW' });
    expect(bondi.location.latitude).toBeCloseTo(-33.89, 1);
    expect(bondi.location.longitude).toBeCloseTo(151.27, 1);
    expect(others.map((place) => place.suburb)).toEqual(expect.arrayContaining(['BONDI BEACH', 'NORTH BONDI']));
  });

  it('finds the places of a postcode, each once, and no post office boxes', async () => {
    const found = await places('2026');
    expect(found.map((place) => place.suburb).sort()).toEqual([
      'BEN BUCKLER',
      'BONDI',
      'BONDI BEACH',
      'NORTH BONDI',
      'TAMARAMA',
    ]);
    expect((await places('1355')).map((place) => place.suburb)).toEqual([]);
    const keys = (await places('20', 50)).map((place) => `${place.suburb} ${place.postcode} ${place.state}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives at most first places, 10 unless asked', async () => {
    expect(await places('park')).toHaveLength(10);
    expect(await places('park', 3)).toHaveLength(3);
  });

  it('refuses a blank or overlong search and a page past 50', async () => {
    expect(errorCode(await t.gql(PLACES, { search: '   ' }, intake))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(PLACES, { search: 'a'.repeat(101) }, intake))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(PLACES, { search: 'bondi', first: 51 }, intake))).toBe('BAD_USER_INPUT');
  });
});
