import { MigrationInterface, QueryRunner } from 'typeorm';

const LIVED_EXPERIENCE_REASON = `'^(You both have lived experience of |Has lived experience of )'`;

/**
 * Suggestions kept lived experience after its use was withdrawn: its factor comes out of the
 * score and breakdown (the other factors' shares renormalised) and its sentences out of the
 * reasons, as the service does when consent is withdrawn now.
 */
async function forgetWithdrawnLivedExperience(queryRunner: {
  query: (sql: string) => Promise<unknown>;
}): Promise<void> {
  await queryRunner.query(`
            WITH le AS (
                SELECT s.id, (c->>'weight')::float8 AS w, (c->>'contribution')::float8 AS contribution
                  FROM suggestion s JOIN peer p ON p.id = s.peer_id, jsonb_array_elements(s.breakdown) c
                 WHERE NOT p.consent_use_lived_experience_for_matching AND c->>'factor' = 'LIVED_EXPERIENCE')
            UPDATE suggestion s SET
                score = CASE WHEN le.w >= 1 THEN 0 ELSE (s.score - le.contribution) / (1 - le.w) END,
                breakdown = CASE WHEN le.w >= 1 THEN '[]'::jsonb ELSE (
                    SELECT coalesce(jsonb_agg(jsonb_build_object(
                               'factor', c->>'factor', 'weight', (c->>'weight')::float8 / (1 - le.w),
                               'value', (c->>'value')::float8, 'contribution', (c->>'contribution')::float8 / (1 - le.w))
                             ORDER BY ord), '[]'::jsonb)
                      FROM jsonb_array_elements(s.breakdown) WITH ORDINALITY AS e(c, ord)
                     WHERE c->>'factor' <> 'LIVED_EXPERIENCE') END
              FROM le WHERE s.id = le.id
        `);
  await queryRunner.query(`
            UPDATE suggestion s SET reasons = coalesce((
                    SELECT jsonb_agg(r ORDER BY ord) FROM jsonb_array_elements_text(s.reasons) WITH ORDINALITY AS e(r, ord)
                     WHERE r !~ ${LIVED_EXPERIENCE_REASON}), '[]'::jsonb)
              FROM peer p
             WHERE p.id = s.peer_id AND NOT p.consent_use_lived_experience_for_matching
        `);
}

/**
 * Consent history (who recorded which consent, when), the EXPORT audit action, and the
 * withdrawal of lived experience from suggestions of peers who had already withdrawn its use.
 */
export class ConsentHistoryAndExport1795500000000 implements MigrationInterface {
  name = 'ConsentHistoryAndExport1795500000000';

  /** The rewrite on its own, so that a test can hold it to what the service does. */
  static readonly forgetWithdrawnLivedExperience = forgetWithdrawnLivedExperience;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'EXPORT'`);
    await queryRunner.query(`
            CREATE TABLE "consent_record" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "peer_id" uuid NOT NULL,
                "use_lived_experience_for_matching" boolean NOT NULL,
                "share_lived_experience_with_workers" boolean NOT NULL,
                "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "recorded_by_subject" character varying(200) NOT NULL,
                "recorded_by_role" character varying(20) NOT NULL,
                "operation" character varying(100) NOT NULL,
                CONSTRAINT "PK_consent_record" PRIMARY KEY ("id"),
                CONSTRAINT "FK_consent_record_peer" FOREIGN KEY ("peer_id") REFERENCES "peer"("id") ON DELETE RESTRICT
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_consent_record_peer" ON "consent_record" ("peer_id", "recorded_at")`);
    await queryRunner.query(`
            CREATE TRIGGER "TR_consent_record_append_only" BEFORE UPDATE OR DELETE ON "consent_record"
            FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
        `);
    // What peers registered before the history was kept hold now, recorded as such.
    await queryRunner.query(`
            INSERT INTO "consent_record" ("peer_id", "use_lived_experience_for_matching",
                "share_lived_experience_with_workers", "recorded_at", "recorded_by_subject", "recorded_by_role", "operation")
            SELECT id, consent_use_lived_experience_for_matching, consent_share_lived_experience_with_workers,
                   created_at, 'recorded before consent history was kept', 'SYSTEM', 'migration'
              FROM peer WHERE erased_at IS NULL
        `);
    await forgetWithdrawnLivedExperience(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TR_consent_record_append_only" ON "consent_record"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_consent_record_peer"`);
    await queryRunner.query(`DROP TABLE "consent_record"`);
    // PostgreSQL cannot drop one value of an enum, and audit rows that use it may not be
    // removed: EXPORT stays in audit_action, unused by the older code.
  }
}
