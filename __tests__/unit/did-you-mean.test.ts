// "Did you mean": the nearest candidate by edit distance (leven), offered only when it is a likely typo: within
// 2 edits, or a third of the word's length for longer words; the first of equally near candidates wins.

import { closestMatch, InputError, parseSettings } from '../../src/settings/index.js';

const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:orders';

function enumMessage(input: string, value: string): string {
  try {
    parseSettings((name) => (name === 'function-name' ? ARN : name === input ? value : ''), {
      env: {},
      cwd: '/repo',
      readFile: () => '{}',
    });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error(`expected ${input}=${value} to be refused`);
}

describe('closestMatch', () => {
  test('suggests the nearest candidate', () => {
    expect(closestMatch('sped', ['cost', 'speed', 'balanced', 'percentile'])).toBe('speed');
    expect(closestMatch('functon-name', ['region', 'function-name', 'dry-run'])).toBe('function-name');
  });

  test('of equally near candidates, the first listed wins', () => {
    expect(closestMatch('p9', ['mean', 'p50', 'p90', 'p95', 'p99'])).toBe('p90');
    expect(closestMatch('p9', ['mean', 'p99', 'p95', 'p90'])).toBe('p99');
  });

  test('a short word: at most 2 edits', () => {
    expect(closestMatch('ab', ['xy'])).toBe('xy');
    expect(closestMatch('ab', ['xyz'])).toBeUndefined();
  });

  test('a longer word: at most a third of its length in edits', () => {
    // 12 characters: 4 edits are a typo, 5 are another word.
    expect(closestMatch('aaaaaaaaaaaa', ['aaaaaaaabbbb'])).toBe('aaaaaaaabbbb');
    expect(closestMatch('aaaaaaaaaaaa', ['aaaaaaabbbbb'])).toBeUndefined();
  });

  test('no candidates, no suggestion; an exact match is itself', () => {
    expect(closestMatch('cost', [])).toBeUndefined();
    expect(closestMatch('cost', ['speed', 'cost'])).toBe('cost');
  });
});

describe('"did you mean" in the enum inputs, message for message', () => {
  test.each([
    [
      'strategy',
      'balanse',
      `Input 'strategy': "balanse" is not a strategy; use one of cost, speed, balanced, percentile (did you mean balanced?)`,
    ],
    [
      'comment-mode',
      'hide-and-neww',
      `Input 'comment-mode': "hide-and-neww" is not a comment mode; use one of update, new, hide-and-new, delete-and-new, off (did you mean hide-and-new?)`,
    ],
    [
      'max-duration-statistic',
      'p9',
      `Input 'max-duration-statistic': "p9" is not a duration statistic; use one of mean, p50, p90, p95, p99 (did you mean p90?)`,
    ],
    [
      'sampling',
      'Adaptiv',
      `Input 'sampling': "Adaptiv" is not a sampling mode; use one of fixed, adaptive (did you mean adaptive?)`,
    ],
    [
      'strategy',
      'fastest',
      `Input 'strategy': "fastest" is not a strategy; use one of cost, speed, balanced, percentile`,
    ],
  ])('%s %s', (input, value, message) => {
    expect(enumMessage(input, value)).toBe(message);
  });
});
