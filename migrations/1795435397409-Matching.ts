import { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1795435397409 implements MigrationInterface {
  name = 'Matching1795435397409';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."match_request_status" AS ENUM(
                'PENDING',
                'READY',
                'NO_CANDIDATES',
                'ACCEPTED',
                'CANCELLED'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "match_request" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "peer_id" uuid NOT NULL,
                "status" "public"."match_request_status" NOT NULL DEFAULT 'PENDING',
                "computed_profile_version" integer,
                "ready_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_303300dcdcab1123d821848ec41" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_match_request_status_updated" ON "match_request" ("status", "updated_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_match_request_open_peer" ON "match_request" ("peer_id")
            WHERE status IN ('PENDING', 'READY', 'NO_CANDIDATES')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."suggestion_status" AS ENUM(
                'OPEN',
                'ACCEPTED',
                'DECLINED',
                'WITHDRAWN',
                'EXPIRED'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."decline_reason" AS ENUM(
                'NOT_A_FIT',
                'PREFER_DIFFERENT_GENDER',
                'PREFER_CLOSER_AGE',
                'LANGUAGE',
                'AVAILABILITY',
                'LOCATION',
                'OTHER'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "suggestion" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "request_id" uuid NOT NULL,
                "peer_id" uuid NOT NULL,
                "support_worker_id" uuid NOT NULL,
                "rank" smallint NOT NULL,
                "score" double precision NOT NULL,
                "status" "public"."suggestion_status" NOT NULL DEFAULT 'OPEN',
                "reasons" jsonb NOT NULL,
                "breakdown" jsonb NOT NULL,
                "weights" jsonb NOT NULL,
                "decline_reason" "public"."decline_reason",
                "decline_note" character varying(1000),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aa072a020434ddd7104de98eebb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_suggestion_worker_status" ON "suggestion" ("support_worker_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_suggestion_peer_status" ON "suggestion" ("peer_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_suggestion_request_worker_open" ON "suggestion" ("request_id", "support_worker_id")
            WHERE status = 'OPEN'
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."match_status" AS ENUM('ACTIVE', 'ENDED')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."match_end_reason" AS ENUM(
                'GOALS_MET',
                'PEER_CHOICE',
                'WORKER_UNAVAILABLE',
                'NOT_A_FIT',
                'OTHER'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "match" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "peer_id" uuid NOT NULL,
                "support_worker_id" uuid NOT NULL,
                "suggestion_id" uuid NOT NULL,
                "status" "public"."match_status" NOT NULL DEFAULT 'ACTIVE',
                "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "ended_at" TIMESTAMP(3) WITH TIME ZONE,
                "end_reason" "public"."match_end_reason",
                "end_note" character varying(1000),
                CONSTRAINT "PK_92b6c3a6631dd5b24a67c69f69d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_match_worker_status" ON "match" ("support_worker_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_match_suggestion" ON "match" ("suggestion_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_match_active_peer" ON "match" ("peer_id")
            WHERE status = 'ACTIVE'
        `);
    await queryRunner.query(`
            ALTER TABLE "peer"
            ADD "decline_nudges" jsonb NOT NULL DEFAULT '{}'::jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "peer"
            ALTER COLUMN "preferences"
            SET DEFAULT '{}'::jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "match_request"
            ADD CONSTRAINT "FK_match_request_peer" FOREIGN KEY ("peer_id") REFERENCES "peer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestion"
            ADD CONSTRAINT "FK_suggestion_request" FOREIGN KEY ("request_id") REFERENCES "match_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestion"
            ADD CONSTRAINT "FK_suggestion_peer" FOREIGN KEY ("peer_id") REFERENCES "peer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestion"
            ADD CONSTRAINT "FK_suggestion_support_worker" FOREIGN KEY ("support_worker_id") REFERENCES "support_worker"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "match"
            ADD CONSTRAINT "FK_match_peer" FOREIGN KEY ("peer_id") REFERENCES "peer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "match"
            ADD CONSTRAINT "FK_match_support_worker" FOREIGN KEY ("support_worker_id") REFERENCES "support_worker"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "match"
            ADD CONSTRAINT "FK_match_suggestion" FOREIGN KEY ("suggestion_id") REFERENCES "suggestion"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "match" DROP CONSTRAINT "FK_match_suggestion"
        `);
    await queryRunner.query(`
            ALTER TABLE "match" DROP CONSTRAINT "FK_match_support_worker"
        `);
    await queryRunner.query(`
            ALTER TABLE "match" DROP CONSTRAINT "FK_match_peer"
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestion" DROP CONSTRAINT "FK_suggestion_support_worker"
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestion" DROP CONSTRAINT "FK_suggestion_peer"
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestion" DROP CONSTRAINT "FK_suggestion_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "match_request" DROP CONSTRAINT "FK_match_request_peer"
        `);
    await queryRunner.query(`
            ALTER TABLE "peer"
            ALTER COLUMN "preferences"
            SET DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "peer" DROP COLUMN "decline_nudges"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_match_active_peer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_match_suggestion"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_match_worker_status"
        `);
    await queryRunner.query(`
            DROP TABLE "match"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."match_end_reason"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."match_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_suggestion_request_worker_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_suggestion_peer_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_suggestion_worker_status"
        `);
    await queryRunner.query(`
            DROP TABLE "suggestion"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."decline_reason"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."suggestion_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_match_request_open_peer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_match_request_status_updated"
        `);
    await queryRunner.query(`
            DROP TABLE "match_request"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."match_request_status"
        `);
  }
}
