import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`npm run migration:*`), which scripts/with-database.ts points at a server. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set; run through `npm run migration:generate` or `migration:run`');

export default new DataSource(dataSourceOptions(url));
