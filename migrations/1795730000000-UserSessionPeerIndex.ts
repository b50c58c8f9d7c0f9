import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions are ended by the person they belong to (erasing a peer ends theirs, in the erasure's
 * transaction), never looked up by token subject: index what is searched.
 */
export class UserSessionPeerIndex1795730000000 implements MigrationInterface {
  name = 'UserSessionPeerIndex1795730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_user_session_subject"`);
    await queryRunner.query(`CREATE INDEX "IDX_user_session_peer_id" ON "user_session" ("peer_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_user_session_peer_id"`);
    await queryRunner.query(`CREATE INDEX "IDX_user_session_subject" ON "user_session" ("subject")`);
  }
}
