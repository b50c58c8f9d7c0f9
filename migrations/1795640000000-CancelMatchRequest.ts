import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit action of cancelMatchRequest. */
export class CancelMatchRequest1795640000000 implements MigrationInterface {
  name = 'CancelMatchRequest1795640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'CANCEL_REQUEST'`);
  }

  public async down(): Promise<void> {
    // PostgreSQL cannot drop one value of an enum, and audit rows that use it may not be
    // removed: CANCEL_REQUEST stays in audit_action, unused by the older code.
  }
}
