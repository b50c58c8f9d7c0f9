import { join } from 'node:path';

/** Compiled: dist/migrations/*.js; under ts-node or Jest: migrations/*.ts. */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', 'migrations', '*.{ts,js}');
export const MIGRATIONS_TABLE = 'typeorm_migrations';
