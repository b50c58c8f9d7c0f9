import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people `npm run seed:demo` made up, one row each: how a database of demo people is told
 * from one holding real records (the seed refuses the latter), and who the development sign-in
 * list offers (`feature`). A person gone takes their row along.
 */
export class DemoRecords1795660000000 implements MigrationInterface {
  name = 'DemoRecords1795660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "demo_record" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "peer_id" uuid,
                "support_worker_id" uuid,
                "feature" character varying(40),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_demo_record" PRIMARY KEY ("id"),
                CONSTRAINT "CHK_demo_record_one_person" CHECK (("peer_id" IS NULL) <> ("support_worker_id" IS NULL)),
                CONSTRAINT "FK_demo_record_peer" FOREIGN KEY ("peer_id") REFERENCES "peer"("id") ON DELETE CASCADE,
                CONSTRAINT "FK_demo_record_support_worker" FOREIGN KEY ("support_worker_id")
                    REFERENCES "support_worker"("id") ON DELETE CASCADE
            )
        `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_demo_record_peer" ON "demo_record" ("peer_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_demo_record_support_worker" ON "demo_record" ("support_worker_id")`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_demo_record_feature" ON "demo_record" ("feature")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_demo_record_feature"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_demo_record_support_worker"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_demo_record_peer"`);
    await queryRunner.query(`DROP TABLE "demo_record"`);
  }
}
