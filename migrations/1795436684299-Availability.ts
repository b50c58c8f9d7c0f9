import { MigrationInterface, QueryRunner } from 'typeorm';

/** Weekly availability of peers and support workers, as a bit mask of 21 slots. */
export class Availability1795436684299 implements MigrationInterface {
  name = 'Availability1795436684299';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "peer"
            ADD "availability" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "support_worker"
            ADD "availability" integer
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "support_worker" DROP COLUMN "availability"
        `);
    await queryRunner.query(`
            ALTER TABLE "peer" DROP COLUMN "availability"
        `);
  }
}
