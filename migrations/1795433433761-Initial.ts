import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tags, peers and support workers. The enum types gender and support_mode serve both profiles. */
export class Initial1795433433761 implements MigrationInterface {
  name = 'Initial1795433433761';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."tag_kind" AS ENUM('LIVED_EXPERIENCE', 'INTEREST', 'CULTURE')
        `);
    await queryRunner.query(`
            CREATE TABLE "tag" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" "public"."tag_kind" NOT NULL,
                "slug" character varying(64) NOT NULL,
                "label" character varying(100) NOT NULL,
                "parent_id" uuid,
                CONSTRAINT "PK_8e4052373c579afc1471f526760" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_tag_kind_slug" ON "tag" ("kind", "slug")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."gender" AS ENUM('WOMAN', 'MAN', 'NON_BINARY', 'UNDISCLOSED')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."support_mode" AS ENUM('IN_PERSON', 'PHONE', 'VIDEO')
        `);
    await queryRunner.query(`
            CREATE TABLE "peer" (
                "display_name" character varying(100) NOT NULL,
                "gender" "public"."gender",
                "birth_year" smallint,
                "languages" character varying(2) array NOT NULL,
                "modes" "public"."support_mode" array NOT NULL,
                "latitude" double precision,
                "longitude" double precision,
                "profile_version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "max_distance_km" double precision,
                "preferences" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "consent_use_lived_experience_for_matching" boolean NOT NULL DEFAULT false,
                "consent_share_lived_experience_with_workers" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_3a3bede69c11e056079aaece6db" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "support_worker" (
                "display_name" character varying(100) NOT NULL,
                "gender" "public"."gender",
                "birth_year" smallint,
                "languages" character varying(2) array NOT NULL,
                "modes" "public"."support_mode" array NOT NULL,
                "latitude" double precision,
                "longitude" double precision,
                "profile_version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "service_radius_km" double precision,
                "capacity" smallint NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_11dfad1e587df10cda1ee6f2234" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "peer_tag" (
                "peer_id" uuid NOT NULL,
                "tag_id" uuid NOT NULL,
                CONSTRAINT "PK_8c87b9bbe5ead224b4a62d2e00e" PRIMARY KEY ("peer_id", "tag_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_208a58923ab9b9dc7312298d3b" ON "peer_tag" ("peer_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9a74d421f68b7af86526d33c80" ON "peer_tag" ("tag_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "support_worker_tag" (
                "support_worker_id" uuid NOT NULL,
                "tag_id" uuid NOT NULL,
                CONSTRAINT "PK_ad07ce3eee0ed9b6f2ff2ff6c53" PRIMARY KEY ("support_worker_id", "tag_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4351431b38ac12fed7106faa6a" ON "support_worker_tag" ("support_worker_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_7634958c47d6c4be3a5be6142e" ON "support_worker_tag" ("tag_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "tag"
            ADD CONSTRAINT "FK_tag_parent" FOREIGN KEY ("parent_id") REFERENCES "tag"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "peer_tag"
            ADD CONSTRAINT "FK_peer_tag_peer" FOREIGN KEY ("peer_id") REFERENCES "peer"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "peer_tag"
            ADD CONSTRAINT "FK_peer_tag_tag" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "support_worker_tag"
            ADD CONSTRAINT "FK_support_worker_tag_worker" FOREIGN KEY ("support_worker_id") REFERENCES "support_worker"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "support_worker_tag"
            ADD CONSTRAINT "FK_support_worker_tag_tag" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "support_worker_tag" DROP CONSTRAINT "FK_support_worker_tag_tag"
        `);
    await queryRunner.query(`
            ALTER TABLE "support_worker_tag" DROP CONSTRAINT "FK_support_worker_tag_worker"
        `);
    await queryRunner.query(`
            ALTER TABLE "peer_tag" DROP CONSTRAINT "FK_peer_tag_tag"
        `);
    await queryRunner.query(`
            ALTER TABLE "peer_tag" DROP CONSTRAINT "FK_peer_tag_peer"
        `);
    await queryRunner.query(`
            ALTER TABLE "tag" DROP CONSTRAINT "FK_tag_parent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7634958c47d6c4be3a5be6142e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4351431b38ac12fed7106faa6a"
        `);
    await queryRunner.query(`
            DROP TABLE "support_worker_tag"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9a74d421f68b7af86526d33c80"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_208a58923ab9b9dc7312298d3b"
        `);
    await queryRunner.query(`
            DROP TABLE "peer_tag"
        `);
    await queryRunner.query(`
            DROP TABLE "support_worker"
        `);
    await queryRunner.query(`
            DROP TABLE "peer"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."support_mode"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."gender"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_tag_kind_slug"
        `);
    await queryRunner.query(`
            DROP TABLE "tag"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."tag_kind"
        `);
  }
}
