import { MigrationInterface, QueryRunner } from 'typeorm';

export type Seed = [
  kind: 'LIVED_EXPERIENCE' | 'INTEREST' | 'CULTURE',
  slug: string,
  label: string,
  parentSlug?: string,
];

/** The default taxonomy other services rely on (CONTRACT.md); parents come before children. */
export const DEFAULT_TAXONOMY: Seed[] = [
  ['LIVED_EXPERIENCE', 'anxiety', 'Anxiety'],
  ['LIVED_EXPERIENCE', 'panic-attacks', 'Panic attacks', 'anxiety'],
  ['LIVED_EXPERIENCE', 'social-anxiety', 'Social anxiety', 'anxiety'],
  ['LIVED_EXPERIENCE', 'depression', 'Depression'],
  ['LIVED_EXPERIENCE', 'bipolar', 'Bipolar disorder'],
  ['LIVED_EXPERIENCE', 'psychosis', 'Psychosis'],
  ['LIVED_EXPERIENCE', 'ptsd', 'Post-traumatic stress'],
  ['LIVED_EXPERIENCE', 'eating-disorders', 'Eating disorders'],
  ['LIVED_EXPERIENCE', 'substance-use', 'Substance use'],
  ['LIVED_EXPERIENCE', 'grief', 'Grief and loss'],
  ['INTEREST', 'cooking', 'Cooking'],
  ['INTEREST', 'baking', 'Baking', 'cooking'],
  ['INTEREST', 'gardening', 'Gardening'],
  ['INTEREST', 'music', 'Music'],
  ['INTEREST', 'art', 'Art'],
  ['INTEREST', 'sport', 'Sport'],
  ['INTEREST', 'walking', 'Walking'],
  ['INTEREST', 'reading', 'Reading'],
  ['INTEREST', 'gaming', 'Gaming'],
  ['CULTURE', 'aboriginal-torres-strait-islander', 'Aboriginal and Torres Strait Islander'],
  ['CULTURE', 'vietnamese', 'Vietnamese'],
  ['CULTURE', 'lebanese', 'Lebanese'],
  ['CULTURE', 'greek', 'Greek'],
  ['CULTURE', 'chinese', 'Chinese'],
  ['CULTURE', 'lgbtiq', 'LGBTIQ+'],
];

export class SeedTaxonomy1795433500000 implements MigrationInterface {
  name = 'SeedTaxonomy1795433500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [kind, slug, label, parentSlug] of DEFAULT_TAXONOMY) {
      await queryRunner.query(
        `INSERT INTO tag (kind, slug, label, parent_id)
         VALUES ($1, $2, $3, (SELECT id FROM tag WHERE kind = $1 AND slug = $4))
         ON CONFLICT (kind, slug) DO NOTHING`,
        [kind, slug, label, parentSlug ?? null],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Children first: a parent is referenced by its children.
    for (const [kind, slug] of [...DEFAULT_TAXONOMY].reverse()) {
      await queryRunner.query('DELETE FROM tag WHERE kind = $1 AND slug = $2', [kind, slug]);
    }
  }
}
