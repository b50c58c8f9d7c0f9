import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { dirname, parse, resolve } from 'node:path';
import { promisify } from 'node:util';

export interface Account {
  uid: number;
  gid: number;
}

/** The `postgres` user root runs PostgreSQL as, or undefined while it does not exist yet. */
export async function postgresAccount(): Promise<Account | undefined> {
  const id = (flag: string) => promisify(execFile)('id', [flag, 'postgres']).then(({ stdout }) => Number(stdout));
  try {
    const [uid, gid] = await Promise.all([id('-u'), id('-g')]);
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Whether `account` may pass through a folder of these owners and mode; no account: a user not yet made, a stranger to all. */
function mayEnter(folder: { uid: number; gid: number; mode: number }, account: Account | undefined): boolean {
  if (account?.uid === folder.uid) return (folder.mode & 0o100) !== 0;
  if (account?.gid === folder.gid) return (folder.mode & 0o010) !== 0;
  return (folder.mode & 0o001) !== 0;
}

/**
 * The first existing folder on the way to `path` (itself included) that `account` may not pass
 * through, or undefined. Root reaches everything, so a folder closed to the postgres user shows
 * only when PostgreSQL, running as that user, fails on it; this names it beforehand.
 */
export async function firstClosedFolder(path: string, account: Account | undefined): Promise<string | undefined> {
  const folders: string[] = [];
  for (let folder = resolve(path); folder !== parse(folder).root; folder = dirname(folder)) folders.unshift(folder);
  for (const folder of folders) {
    const found = await stat(folder).catch(() => undefined);
    if (!found) return undefined;
    if (!mayEnter(found, account)) return folder;
  }
  return undefined;
}
