import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching work owed, kept beside the data rather than only in the queue: a peer to recompute
 * (claimed by a batch for a lease, so a consumer that dies leaves it due) and a support worker
 * whose change is still to be fanned out. The queue's jobs only wake consumers to take them.
 */
export class RecomputeDue1795600000000 implements MigrationInterface {
  name = 'RecomputeDue1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "due_generation"`);
    await queryRunner.query(`
            CREATE TABLE "recompute_due" (
                "peer_id" uuid NOT NULL,
                "urgency" smallint NOT NULL,
                "due_since" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "generation" bigint NOT NULL DEFAULT nextval('due_generation'),
                "claim" uuid,
                "claimed_until" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "PK_recompute_due" PRIMARY KEY ("peer_id"),
                CONSTRAINT "FK_recompute_due_peer" FOREIGN KEY ("peer_id") REFERENCES "peer"("id") ON DELETE CASCADE
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_recompute_due_order" ON "recompute_due" ("urgency", "due_since")`);
    await queryRunner.query(`CREATE INDEX "IDX_recompute_due_claim" ON "recompute_due" ("claim")`);
    // Each batch counts the OPEN suggestions naming each worker: read from this index alone.
    await queryRunner.query(
      `CREATE INDEX "IDX_suggestion_open_worker" ON "suggestion" ("support_worker_id") WHERE status = 'OPEN'`,
    );
    await queryRunner.query(`
            CREATE TABLE "fan_out_due" (
                "support_worker_id" uuid NOT NULL,
                "due_since" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "generation" bigint NOT NULL DEFAULT nextval('due_generation'),
                CONSTRAINT "PK_fan_out_due" PRIMARY KEY ("support_worker_id"),
                CONSTRAINT "FK_fan_out_due_support_worker" FOREIGN KEY ("support_worker_id")
                    REFERENCES "support_worker"("id") ON DELETE CASCADE
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_suggestion_open_worker"`);
    await queryRunner.query(`DROP TABLE "fan_out_due"`);
    await queryRunner.query(`DROP TABLE "recompute_due"`);
    await queryRunner.query(`DROP SEQUENCE "due_generation"`);
  }
}
