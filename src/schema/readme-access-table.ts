import { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { accessTable } from '../common/access/access-table';

// Prettier leaves the generated table as written, so that the test can compare it exactly.
export const ACCESS_TABLE_START =
  '<!-- access table: written by npm run schema:generate -->\n<!-- prettier-ignore-start -->';
export const ACCESS_TABLE_END = '<!-- prettier-ignore-end -->';

/** The README with its access table replaced by the one the served schema enforces. */
export function withAccessTable(readme: string, app: INestApplication): string {
  const start = readme.indexOf(ACCESS_TABLE_START);
  const end = readme.indexOf(ACCESS_TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md has no access table markers');
  const table = accessTable(app.get(GraphQLSchemaHost).schema);
  return `${readme.slice(0, start + ACCESS_TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
