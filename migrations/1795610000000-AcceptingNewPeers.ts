import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A support worker may stop taking new peers while their matches go on. Every worker registered
 * before this took new peers, so the column starts true for them.
 */
export class AcceptingNewPeers1795610000000 implements MigrationInterface {
  name = 'AcceptingNewPeers1795610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "support_worker"
            ADD "accepting_new_peers" boolean NOT NULL DEFAULT true
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "support_worker" DROP COLUMN "accepting_new_peers"
        `);
  }
}
