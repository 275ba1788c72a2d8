import { describePrune, keepSet, prunePlan } from '../../src/gate/prune.js';

const FILES = [
  'README.md',
  'index.html',
  'orders-api/index.json',
  'orders-api/runs/a.json',
  'orders-api/runs/b.json',
  'old-api/index.json',
  'old-api/runs/a.json',
  'shop/Orders/index.json',
  'shop/Orders/runs/a.json',
  'shop/Gone/index.json',
  'shop/Gone/runs/a.json',
  'shop/notes.txt',
  'stack-app/Fn/index.json',
  'stack-app/Fn/runs/a.json',
  'misc/file.txt',
];

describe('prunePlan', () => {
  it('removes unconfigured keys and app functions, keeps whole keys, and never touches what is not history', () => {
    const plan = prunePlan(
      FILES,
      keepSet({ whole: ['orders-api', 'stack-app'], appFunctions: new Map([['shop', ['Orders']]]) }, []),
    );
    expect(plan.remove).toEqual([
      { folder: 'old-api', runs: 1, files: ['old-api/index.json', 'old-api/runs/a.json'] },
      { folder: 'shop/Gone', runs: 1, files: ['shop/Gone/index.json', 'shop/Gone/runs/a.json'] },
    ]);
    expect(plan.kept).toEqual(['orders-api', 'shop/Orders', 'stack-app/Fn']);
  });

  it("removes a whole app that is not configured, but not the app folder's own files", () => {
    const plan = prunePlan(FILES, keepSet({ whole: ['orders-api'] }, ['old-api', 'stack-app']));
    expect(plan.remove.map((folder) => folder.folder)).toEqual(['shop']);
    expect(plan.remove[0]?.files).not.toContain('shop/notes.txt');
    expect(plan.remove[0]?.runs).toBe(2);
  });

  it('prune-keep entries add app functions to the configured ones', () => {
    const keep = keepSet({ appFunctions: new Map([['shop', ['Orders']]]) }, [
      'shop/Gone',
      'orders-api',
      'old-api',
      'stack-app',
    ]);
    expect(prunePlan(FILES, keep).remove).toEqual([]);
    expect(describePrune(prunePlan(FILES, keep), true)).toEqual([
      'Nothing to prune: every history folder on the branch is configured.',
    ]);
  });

  it('says what it would remove, or removed', () => {
    const plan = prunePlan(FILES, keepSet({ whole: ['orders-api', 'shop', 'stack-app'] }, []));
    expect(describePrune(plan, true)).toEqual(['Would remove old-api/ (1 stored run, 2 files)']);
    expect(describePrune(plan, false)).toEqual(['Removed old-api/ (1 stored run, 2 files)']);
  });
});
