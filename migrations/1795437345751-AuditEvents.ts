import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail: append only. */
export class AuditEvents1795437345751 implements MigrationInterface {
  name = 'AuditEvents1795437345751';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."audit_action" AS ENUM(
                'READ_SENSITIVE',
                'CREATE',
                'UPDATE',
                'REQUEST_MATCH',
                'ACCEPT',
                'DECLINE',
                'END',
                'ERASE'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."audit_subject" AS ENUM(
                'PEER',
                'SUPPORT_WORKER',
                'MATCH_REQUEST',
                'SUGGESTION',
                'MATCH'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_subject" character varying(200) NOT NULL,
                "actor_role" character varying(20) NOT NULL,
                "action" "public"."audit_action" NOT NULL,
                "operation" character varying(100) NOT NULL,
                "subject_type" "public"."audit_subject" NOT NULL,
                "subject_id" uuid NOT NULL,
                "person_id" uuid,
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_event_person" ON "audit_event" ("person_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_event_subject" ON "audit_event" ("subject_id", "occurred_at")
        `);
    // Append only: an audit record is never changed or removed by the application.
    await queryRunner.query(`
            CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only';
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "TR_audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
            FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TR_audit_event_append_only" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_event_subject"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_event_person"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."audit_subject"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."audit_action"
        `);
  }
}
