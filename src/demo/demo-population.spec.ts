import { demoPopulation, DEMO_PEER_COUNT, DEMO_WORKER_COUNT } from './demo-population';

describe('demoPopulation', () => {
  it('is the same people every time: ids, names and places', () => {
    const first = demoPopulation();
    const second = demoPopulation();
    const summary = (population: typeof first) =>
      [...population.workers, ...population.peers].map((person) => [
        person.profile.id,
        person.displayName,
        person.suburb.name,
      ]);
    expect(summary(second)).toEqual(summary(first));
    expect(first.workers).toHaveLength(DEMO_WORKER_COUNT);
    expect(first.peers).toHaveLength(DEMO_PEER_COUNT);
  });

  it('gives everyone an id of their own', () => {
    const { workers, peers } = demoPopulation();
    const ids = [...workers, ...peers].map((person) => person.profile.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('names people who speak a community language from that community', () => {
    const { peers } = demoPopulation();
    const vietnamese = peers.filter((peer) => peer.profile.languages.includes('vi'));
    expect(vietnamese.length).toBeGreaterThan(0);
    for (const peer of vietnamese) expect(peer.displayName).toMatch(/ (Nguyen|Tran|Le|Pham|Huynh|Vo|Dang|Bui)$/);
  });
});
