import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstClosedFolder } from './postgres-user';

describe('firstClosedFolder', () => {
  let home: string;
  const me = { uid: process.getuid!(), gid: process.getgid!() };
  const stranger = { uid: 54_321, gid: 54_321 };

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'peermatch-folders-'));
    await chmod(home, 0o755);
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('names the first folder on the way that lets nobody but its owner through', async () => {
    await mkdir(join(home, 'private', 'inner'), { recursive: true });
    await chmod(join(home, 'private'), 0o700);
    await chmod(join(home, 'private', 'inner'), 0o700);
    expect(await firstClosedFolder(join(home, 'private', 'inner', 'data'), stranger)).toBe(join(home, 'private'));
    expect(await firstClosedFolder(join(home, 'private', 'inner', 'data'), undefined)).toBe(join(home, 'private'));
  });

  it("lets the owner through on the owner's bit, and the group on the group's", async () => {
    await mkdir(join(home, 'shared'));
    await chmod(join(home, 'shared'), 0o710);
    expect(await firstClosedFolder(join(home, 'shared', 'data'), me)).toBeUndefined();
    expect(await firstClosedFolder(join(home, 'shared', 'data'), { uid: stranger.uid, gid: me.gid })).toBeUndefined();
    expect(await firstClosedFolder(join(home, 'shared', 'data'), stranger)).toBe(join(home, 'shared'));
  });

  it('judges only the folders that exist: the rest are made by the start itself', async () => {
    expect(await firstClosedFolder(join(home, 'not', 'yet', 'made'), stranger)).toBeUndefined();
  });
});
