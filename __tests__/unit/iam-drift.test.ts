import { readdirSync, readFileSync } from 'node:fs';

/** Every module of the engine (src/tuning, its subfolders too), where LambdaTarget and its helpers call Lambda. */
function engineSource(): string {
  const files = readdirSync('src/tuning', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.map((file) => readFileSync(`src/tuning/${file}`, 'utf8')).join('\n');
}

// The README's IAM list must be exactly the Lambda API the engine calls: read the commands out of the engine's
// modules (LambdaTarget and its helpers in src/tuning are the only Lambda callers) so adding a call without
// documenting its permission fails here.
const IAM_ACTION_BY_COMMAND: Record<string, string> = { Invoke: 'InvokeFunction' };

function actionsCalledByEngine(): Set<string> {
  const source = engineSource();
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
