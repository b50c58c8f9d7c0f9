import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions the server holds for the pages, keyed by the SHA-256 of the cookie's value: a copy of
 * this table signs no one in. Sign-in and sign-out go on the audit trail.
 */
export class UserSessions1795720000000 implements MigrationInterface {
  name = 'UserSessions1795720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'SIGN_IN'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'SIGN_OUT'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_subject" ADD VALUE IF NOT EXISTS 'SESSION'`);
    await queryRunner.query(`
            CREATE TABLE "user_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" bytea NOT NULL,
                "subject" character varying(200) NOT NULL,
                "role" character varying(20) NOT NULL,
                "peer_id" uuid,
                "support_worker_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_user_session" PRIMARY KEY ("id"),
                CONSTRAINT "UQ_user_session_token_hash" UNIQUE ("token_hash"),
                CONSTRAINT "CHK_user_session_token_hash" CHECK (octet_length("token_hash") = 32)
            )
        `);
    // Ending every session of one person (revocation, erasure) at once.
    await queryRunner.query(`CREATE INDEX "IDX_user_session_subject" ON "user_session" ("subject")`);
    // Expiry is read from the settings at each use, not stored: a shorter setting ends longer sessions too.
    await queryRunner.query(`CREATE INDEX "IDX_user_session_last_seen_at" ON "user_session" ("last_seen_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_user_session_last_seen_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_session_subject"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    // PostgreSQL cannot drop one value of an enum, and audit rows that use them may not be
    // removed: SIGN_IN, SIGN_OUT and SESSION stay, unused by the older code.
  }
}
