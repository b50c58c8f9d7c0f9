import { MigrationInterface, QueryRunner } from 'typeorm';

interface TagRow {
  id: string;
  kind: 'LIVED_EXPERIENCE' | 'INTEREST' | 'CULTURE';
  label: string;
}

export interface StoredReason {
  code: string;
  tagIds: string[];
  language?: string;
  distanceKm?: number;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** As the reasons wrote a label mid-sentence when this migration was written. */
function inSentence(kind: TagRow['kind'], label: string): string {
  return kind !== 'CULTURE' && /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** The wording of each tag reason then: one tag when the same, the worker's then the peer's when close or related. */
const TAG_SENTENCES: { pattern: RegExp; kind: TagRow['kind']; code: string }[] = [
  { pattern: /^You both have lived experience of (.+)$/s, kind: 'LIVED_EXPERIENCE', code: 'SHARED_LIVED_EXPERIENCE' },
  {
    pattern: /^Has lived experience of (.+), (?:close|related) to your (.+)$/s,
    kind: 'LIVED_EXPERIENCE',
    code: 'RELATED_LIVED_EXPERIENCE',
  },
  { pattern: /^You both enjoy (.+)$/s, kind: 'INTEREST', code: 'SHARED_INTEREST' },
  {
    pattern: /^Enjoys (.+), (?:close|related) to your love of (.+)$/s,
    kind: 'INTEREST',
    code: 'RELATED_INTEREST',
  },
  { pattern: /^Shares your cultural background: (.+)$/s, kind: 'CULTURE', code: 'SHARED_CULTURE' },
  { pattern: /^Cultural background (.+), (?:close|related) to your (.+)$/s, kind: 'CULTURE', code: 'SHARED_CULTURE' },
];

const FIXED_SENTENCES: Record<string, StoredReason> = {
  'Close to you in age': { code: 'CLOSE_IN_AGE', tagIds: [] },
  'Free at times that suit you': { code: 'AVAILABLE_AT_THE_SAME_TIMES', tagIds: [] },
  'Lives less than 1 km away': { code: 'NEARBY', tagIds: [], distanceKm: 0 },
};

/**
 * What each stored sentence says, read back from its words: the peer's tags, the shared language
 * among the peer's languages now (its place tells a first language from another). A sentence
 * that none of the wordings produced has no explanation and is left out.
 */
function explainSentences(sentences: readonly string[], tags: readonly TagRow[], peerLanguages: readonly string[]) {
  const tagIdOf = new Map(tags.map((tag) => [`${tag.kind}:${inSentence(tag.kind, tag.label)}`, tag.id]));
  const idsOf = (kind: TagRow['kind'], labels: string[]) =>
    labels.flatMap((label) => tagIdOf.get(`${kind}:${label}`) ?? []);
  return sentences.flatMap((sentence): StoredReason[] => {
    if (FIXED_SENTENCES[sentence]) return [FIXED_SENTENCES[sentence]];
    const km = /^Lives (\d+) km away$/.exec(sentence);
    if (km) return [{ code: 'NEARBY', tagIds: [], distanceKm: Number(km[1]) }];
    const spoken = /^You both speak (.+)$/s.exec(sentence);
    if (spoken) {
      const index = peerLanguages.findIndex((code) => (languageNames.of(code) ?? code) === spoken[1]);
      if (index < 0) return [{ code: 'SHARED_LANGUAGE', tagIds: [] }];
      return [
        { code: index === 0 ? 'SHARED_FIRST_LANGUAGE' : 'SHARED_LANGUAGE', tagIds: [], language: peerLanguages[index] },
      ];
    }
    for (const { pattern, kind, code } of TAG_SENTENCES) {
      const found = pattern.exec(sentence);
      if (!found) continue;
      const [, first, second] = found;
      return [{ code, tagIds: idsOf(kind, second === undefined ? [first] : [second, first]) }];
    }
    return [];
  });
}

const BATCH = 1000;

/**
 * Each suggestion keeps, beside its sentences, what each of them says (a code and the tags it
 * names) so that pages can word it themselves. Suggestions stored before are read back from
 * their sentences.
 */
export class ExplainedReasons1795700000000 implements MigrationInterface {
  name = 'ExplainedReasons1795700000000';

  /** The reading back on its own, so that a test can hold it to what the core writes. */
  static readonly explainSentences = explainSentences;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suggestion" ADD "explained" jsonb NOT NULL DEFAULT '[]'`);
    const tags: TagRow[] = await queryRunner.query(`SELECT id, kind, label FROM "tag"`);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; reasons: string[]; languages: string[] }[] = await queryRunner.query(
        `SELECT s.id, s.reasons, p.languages FROM "suggestion" s JOIN "peer" p ON p.id = s.peer_id
          WHERE s.id > $1 AND s.reasons <> '[]'::jsonb ORDER BY s.id LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) break;
      await queryRunner.query(
        `UPDATE "suggestion" s SET explained = u.explained FROM unnest($1::uuid[], $2::jsonb[]) AS u(id, explained)
          WHERE s.id = u.id`,
        [
          rows.map((row) => row.id),
          rows.map((row) => JSON.stringify(explainSentences(row.reasons, tags, row.languages))),
        ],
      );
      after = rows[rows.length - 1].id;
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suggestion" DROP COLUMN "explained"`);
  }
}
