import { readFileSync } from 'node:fs';

// The README's IAM list must be exactly the Lambda API the engine calls: read the commands out of the only module
// that calls Lambda (target.ts) so adding a call without documenting its permission fails here.
const IAM_ACTION_BY_COMMAND: Record<string, string> = { Invoke: 'InvokeFunction' };

function actionsCalledByEngine(): Set<string> {
  const source = readFileSync('src/tuning/target.ts', 'utf8');
  const actions = new Set<string>();
  for (const [, command] of source.matchAll(/new (\w+)Command\(/g)) {
    actions.add(`lambda:${IAM_ACTION_BY_COMMAND[command ?? ''] ?? command}`);
  }
  // waitUntilFunctionUpdatedV2 polls GetFunction.
  if (source.includes('waitUntilFunctionUpdatedV2')) actions.add('lambda:GetFunction');
  return actions;
}

function actionsInReadme(): Set<string> {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split('<!-- iam:start -->')[1]?.split('<!-- iam:end -->')[0] ?? '';
  return new Set([...section.matchAll(/`(lambda:\w+)`/g)].map((match) => match[1] ?? ''));
}

describe('README IAM permissions', () => {
  it('lists exactly the Lambda actions the engine calls', () => {
    expect([...actionsInReadme()].sort()).toEqual([...actionsCalledByEngine()].sort());
  });

  it('finds the engine calls it checks (the parser is not silently empty)', () => {
    expect(actionsCalledByEngine().size).toBeGreaterThanOrEqual(8);
  });
});
