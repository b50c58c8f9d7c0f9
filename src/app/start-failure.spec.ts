import { InvalidEnvironmentError } from '../config/environment';
import { EmbeddedDatabaseError } from '../database/embedded-database-error';
import { explainDatabaseFailure, explainListenFailure, startFailureLine } from './start-failure';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('a failed start, in one line', () => {
  it('names the port taken and the setting that moves it', () => {
    expect(startFailureLine(explainListenFailure(coded('EADDRINUSE'), 3000))).toBe(
      'Port 3000 is in use by another program: stop that program, or set PORT to a free port',
    );
  });

  it('names the database out of reach by host, port and name, never by its password', () => {
    const line = startFailureLine(
      explainDatabaseFailure(coded('ECONNREFUSED'), 'postgres://app:hunter2@db.example.org:6543/peermatch'),
    );
    expect(line).toBe(
      'Cannot reach the database at db.example.org:6543/peermatch (ECONNREFUSED): start it, or correct DATABASE_URL',
    );
  });

  it('says when the database refuses who connects, in its own words', () => {
    const refused = coded('28P01', 'password authentication failed for user "app"');
    expect(startFailureLine(explainDatabaseFailure(refused, 'postgres://app:x@db:5432/peermatch'))).toBe(
      'The database at db:5432/peermatch refused the connection (password authentication failed for user "app"): correct DATABASE_URL',
    );
  });

  it('leaves other errors as they were', () => {
    const other = coded('EACCES');
    expect(explainListenFailure(other, 80)).toBe(other);
    expect(explainDatabaseFailure(other, 'postgres://db/x')).toBe(other);
  });

  it('prints an explained failure as it stands, and of any other the first line only', () => {
    expect(startFailureLine(new InvalidEnvironmentError('Invalid environment: PORT'))).toBe(
      'Invalid environment: PORT',
    );
    expect(startFailureLine(new EmbeddedDatabaseError('Port 54329 of the embedded PostgreSQL is in use'))).toBe(
      'Port 54329 of the embedded PostgreSQL is in use',
    );
    expect(startFailureLine(new Error('first\nsecond'))).toBe('Start failed: first');
    expect(startFailureLine('thrown text')).toBe('Start failed: thrown text');
  });
});
