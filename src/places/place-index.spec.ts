import { PlaceIndex } from './place-index';
import type { PostcodeRow } from './postcode-data';

const row = (postcode: string, locality: string, state = 'NSW', type = 'Delivery Area'): PostcodeRow => ({
  postcode,
  locality,
  state,
  lat: -33.89,
  long: 151.27,
  type,
});

const index = new PlaceIndex([
  row('2026', 'BONDI'),
  row('2026', 'BONDI BEACH'),
  row('2026', 'NORTH BONDI'),
  row('2022', 'BONDI JUNCTION'),
  row('1355', 'BONDI JUNCTION', 'NSW', 'Post Office Boxes'),
  row('2632', 'BONDI FOREST'),
  row('2026', 'BONDI'),
  row('2000', 'SYDNEY'),
  row('2001', 'SYDNEY', 'NSW', 'LVR'),
  row('0200', 'ANU', 'ACT'),
  row('2600', 'O’CONNOR', 'ACT'),
  row('3000', 'MELBOURNE', 'VIC'),
  row('3004', 'MELBOURNE', 'VIC'),
  row('2040', 'LEICHHARDT'),
  row('4000', 'BRISBANE CITY', 'QLD'),
]);
const named = (text: string, first = 10) => index.search(text, first).map((p) => `${p.suburb} ${p.postcode}`);

describe('places', () => {
  it('puts the exact name first, then names starting with it, then a word starting with it, then the rest', () => {
    expect(named('bondi')).toEqual([
      'BONDI 2026',
      'BONDI BEACH 2026',
      'BONDI FOREST 2632',
      'BONDI JUNCTION 2022',
      'NORTH BONDI 2026',
    ]);
    expect(named('hhard')).toEqual(['LEICHHARDT 2040']);
  });

  it('finds postcodes by their first digits, in order', () => {
    expect(named('200')).toEqual(['SYDNEY 2000']);
    expect(named('3')).toEqual(['MELBOURNE 3000', 'MELBOURNE 3004']);
    expect(named('0200')).toEqual(['ANU 0200']);
  });

  it('narrows a name by a postcode after it', () => {
    expect(named('melbourne 3004')).toEqual(['MELBOURNE 3004']);
    expect(named('bondi 2022')).toEqual(['BONDI JUNCTION 2022']);
  });

  it('lists each place once, and no post office boxes or large-volume receivers', () => {
    expect(named('bondi junction')).toEqual(['BONDI JUNCTION 2022']);
    expect(named('bondi').filter((place) => place === 'BONDI 2026')).toHaveLength(1);
    expect(named('2001')).toEqual([]);
  });

  it('ignores case, accents, apostrophe styles and extra spaces', () => {
    expect(named("o'connor")).toEqual(['O’CONNOR 2600']);
    expect(named('  Brisbane   city ')).toEqual(['BRISBANE CITY 4000']);
    expect(named('Sýdney')).toEqual(['SYDNEY 2000']);
  });

  it('gives at most first places, and none for blank text', () => {
    expect(named('bondi', 2)).toEqual(['BONDI 2026', 'BONDI BEACH 2026']);
    expect(named('   ')).toEqual([]);
  });
});
