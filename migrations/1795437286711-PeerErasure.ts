import { MigrationInterface, QueryRunner } from 'typeorm';

export class PeerErasure1795437286711 implements MigrationInterface {
  name = 'PeerErasure1795437286711';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "peer"
            ADD "erased_at" TIMESTAMP(3) WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "peer" DROP COLUMN "erased_at"
        `);
  }
}
