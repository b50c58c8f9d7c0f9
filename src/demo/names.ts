import { Gender } from '../matching/core/profile.enums';
import { Random } from '../population/population';

interface NamePool {
  women: readonly string[];
  men: readonly string[];
  family: readonly string[];
}

/**
 * Common given and family names of the communities a Sydney service sees, drawn at random into
 * pairs: synthetic people, no one in particular. A person who speaks a community language or
 * gave a cultural background is named from that community.
 */
const POOLS = {
  anglo: {
    women: [
      'Olivia',
      'Charlotte',
      'Emily',
      'Sarah',
      'Jessica',
      'Chloe',
      'Grace',
      'Hannah',
      'Ruby',
      'Megan',
      'Kate',
      'Lucy',
      'Amelia',
      'Zoe',
      'Rebecca',
      'Claire',
      'Natalie',
      'Georgia',
      'Tessa',
      'Bronwyn',
      'Leanne',
      'Karen',
      'Michelle',
      'Tracey',
    ],
    men: [
      'Jack',
      'Liam',
      'Noah',
      'Thomas',
      'James',
      'Oliver',
      'Lachlan',
      'Mitchell',
      'Daniel',
      'Matthew',
      'Ben',
      'Riley',
      'Hamish',
      'Callum',
      'Josh',
      'Nathan',
      'Scott',
      'Brendan',
      'Craig',
      'Darren',
      'Wayne',
      'Glenn',
      'Patrick',
      'Sean',
    ],
    family: [
      'Smith',
      'Jones',
      'Williams',
      'Brown',
      'Wilson',
      'Taylor',
      'Johnson',
      'White',
      'Martin',
      'Anderson',
      'Thompson',
      'Walker',
      'Harris',
      'Ryan',
      'Kelly',
      'Murphy',
      "O'Brien",
      'Campbell',
      'Stewart',
      'Clarke',
      'Mitchell',
      'Hughes',
      'Robinson',
      'Cooper',
      'Fraser',
      'McKenzie',
      'Doyle',
      'Gallagher',
    ],
  },
  chinese: {
    women: ['Mei', 'Xiaoling', 'Jing', 'Yan', 'Li Na', 'Hui', 'Ying'],
    men: ['Wei', 'Jun', 'Hao', 'Ming', 'Jian', 'Tao', 'Zhiwei'],
    family: ['Zhang', 'Chen', 'Wang', 'Li', 'Liu', 'Huang', 'Zhou', 'Wu', 'Lin'],
  },
  arabic: {
    women: ['Fatima', 'Layla', 'Maryam', 'Rania', 'Nour', 'Zeinab', 'Yasmin'],
    men: ['Omar', 'Ahmad', 'Khaled', 'Bilal', 'Hassan', 'Youssef', 'Karim'],
    family: ['Haddad', 'Khoury', 'Saleh', 'Nasser', 'Hamdan', 'El-Masri', 'Fakhoury', 'Rahme'],
  },
  vietnamese: {
    women: ['Linh', 'Mai', 'Thao', 'Huong', 'Lan', 'Ngoc', 'Trang'],
    men: ['Minh', 'Duc', 'Tuan', 'Quang', 'Hieu', 'Khoa', 'Long'],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Huynh', 'Vo', 'Dang', 'Bui'],
  },
  greek: {
    women: ['Eleni', 'Maria', 'Sophia', 'Katerina', 'Despina', 'Georgia', 'Anastasia'],
    men: ['Nikos', 'Giorgos', 'Dimitri', 'Kostas', 'Yiannis', 'Stavros', 'Christos'],
    family: ['Papadopoulos', 'Georgiou', 'Nikolaidis', 'Konstantinou', 'Dimitriou', 'Alexiou', 'Karras'],
  },
  italian: {
    women: ['Giulia', 'Francesca', 'Chiara', 'Rosa', 'Lucia', 'Antonella'],
    men: ['Marco', 'Luca', 'Giuseppe', 'Antonio', 'Salvatore', 'Paolo'],
    family: ['Rossi', 'Bianchi', 'Romano', 'Esposito', 'Ricci', 'Marino', 'Greco', 'Conti'],
  },
  indian: {
    women: ['Priya', 'Ananya', 'Divya', 'Kavya', 'Neha', 'Shreya'],
    men: ['Arjun', 'Rahul', 'Vikram', 'Rohan', 'Aditya', 'Sanjay'],
    family: ['Sharma', 'Patel', 'Gupta', 'Iyer', 'Reddy', 'Nair', 'Mehta'],
  },
  punjabi: {
    women: ['Harpreet', 'Simran', 'Jaspreet', 'Navneet', 'Manpreet'],
    men: ['Gurpreet', 'Harjit', 'Amandeep', 'Jaswinder', 'Ravinder'],
    family: ['Gill', 'Sandhu', 'Dhillon', 'Grewal', 'Sidhu', 'Bains', 'Brar'],
  },
  hispanic: {
    women: ['Sofia', 'Valentina', 'Camila', 'Lucia', 'Isabel', 'Daniela'],
    men: ['Diego', 'Mateo', 'Carlos', 'Javier', 'Andres', 'Felipe'],
    family: ['Garcia', 'Martinez', 'Rodriguez', 'Lopez', 'Fernandez', 'Torres', 'Morales'],
  },
  korean: {
    women: ['Ji-woo', 'Seo-yeon', 'Min-ji', 'Hye-jin', 'Soo-ah'],
    men: ['Min-jun', 'Ji-hoon', 'Hyun-woo', 'Seung-ho', 'Dong-hyun'],
    family: ['Kim', 'Park', 'Lee', 'Choi', 'Jung', 'Kang', 'Yoon'],
  },
  filipino: {
    women: ['Maria', 'Angelica', 'Kristine', 'Joy', 'Rowena', 'Lourdes'],
    men: ['Jose', 'Mark', 'Paolo', 'Ramon', 'Jericho', 'Arnel'],
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Dela Cruz'],
  },
} as const satisfies Record<string, NamePool>;

type Heritage = keyof typeof POOLS;

/** Given names used across communities, for people who are neither a woman nor a man or did not say. */
const ANY_GENDER = [
  'Alex',
  'Sam',
  'Jordan',
  'Charlie',
  'Jamie',
  'Kai',
  'Robin',
  'Quinn',
  'Ash',
  'Rowan',
  'Sky',
  'Remy',
];

const BY_LANGUAGE: Record<string, Heritage> = {
  zh: 'chinese',
  ar: 'arabic',
  vi: 'vietnamese',
  el: 'greek',
  it: 'italian',
  hi: 'indian',
  pa: 'punjabi',
  es: 'hispanic',
  ko: 'korean',
  tl: 'filipino',
};

const BY_CULTURE: Record<string, Heritage> = {
  chinese: 'chinese',
  lebanese: 'arabic',
  vietnamese: 'vietnamese',
  greek: 'greek',
};

/** Many whose families came from elsewhere speak only English at home. */
const ENGLISH_ONLY_OTHER_HERITAGE = 0.25;

const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)];

function heritageOf(random: Random, person: NamedPerson): Heritage {
  const language = person.languages.find((code) => BY_LANGUAGE[code]);
  if (language) return BY_LANGUAGE[language];
  const culture = person.cultureSlugs.find((slug) => BY_CULTURE[slug]);
  if (culture) return BY_CULTURE[culture];
  if (random() < ENGLISH_ONLY_OTHER_HERITAGE) return pick(random, Object.keys(POOLS) as Heritage[]);
  return 'anglo';
}

export interface NamedPerson {
  gender: Gender | null;
  languages: readonly string[];
  cultureSlugs: readonly string[];
}

/** A name in keeping with the person, none given twice: `taken` holds the names already given. */
export function nameFor(random: Random, person: NamedPerson, taken: Set<string>): string {
  const pool: NamePool = POOLS[heritageOf(random, person)];
  const givenNames = person.gender === Gender.WOMAN ? pool.women : person.gender === Gender.MAN ? pool.men : ANY_GENDER;
  for (let attempt = 0; ; attempt++) {
    // A community's few names run out sooner: past a few tries, any community's family name will do.
    const family =
      attempt < 8
        ? pick(random, pool.family)
        : pick(random, POOLS[pick(random, Object.keys(POOLS) as Heritage[])].family);
    const name = `${pick(random, givenNames)} ${family}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
