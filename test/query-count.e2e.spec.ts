import { makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { startTestApp, TestApp } from './support/test-app';

describe('nested tags load in batches', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const PAGE = `query ($first: Int!) { supportWorkers(first: $first) { totalCount edges { node {
    id livedExperiences { slug parent { slug } } interests { slug parent { slug } } culturalBackgrounds { slug } } } } }`;

  async function queriesForPage(first: number): Promise<number> {
    const token = await t.tokenFor({ role: 'INTAKE' });
    const { queries } = await t.queries.count(async () => {
      const response = await t.gql<{ supportWorkers: { edges: unknown[] } }>(PAGE, { first }, token);
      expect(response.data?.supportWorkers.edges).toHaveLength(first);
    });
    return queries;
  }

  it('costs the same few queries for a page of 100 workers as for a page of 5', async () => {
    const tagged = {
      livedExperiences: ['panic-attacks', 'depression'],
      interests: ['baking', 'music'],
      culturalBackgrounds: ['greek'],
    };
    await Promise.all(Array.from({ length: 100 }, () => makeSupportWorker(t, tagged)));
    await waitForJobs(t.app); // the queue consumer in this process would add its own queries

    const small = await queriesForPage(5);
    const large = await queriesForPage(100);

    // page + count, tags of every worker on the page, parents of those tags, one audit insert
    // (staff read the workers' lived experience)
    expect(large).toBe(5);
    expect(large).toBe(small);
  });
});
