// The live A/B engine: two functions tuned together, their invocations taking turns at each memory size.

import { compareRuns } from '../../src/gate/compare.js';
import { baselineSettings, reducedBaseline, tuneWithLiveBaseline } from '../../src/gate/live.js';
import { POLICY_BEFORE } from '../../src/gate/sequential.js';
import { silentLogger } from '../../src/lib/ports.js';
import { parseFunctionName } from '../../src/settings/index.js';
import { Turnstile } from '../../src/tuning/turnstile.js';
import { tuneTogether } from '../../src/tuning/tuner.js';
import type { TuningSettings } from '../../src/types.js';
import { createFakeLambda } from '../helpers/fake-lambda.js';
import { gateSettings, tuningSettings } from '../helpers/settings.js';

function settingsFor(overrides: Partial<TuningSettings> = {}): TuningSettings {
  return tuningSettings({ powerValuesMb: [512, 1024], invocationsPerValue: 4, ...overrides });
}

const deps = (client: ReturnType<typeof createFakeLambda>['client']) => ({
  client,
  logger: silentLogger,
  sleep: async () => {},
  random: () => 0.5,
  runId: 'ab12cd34',
  waiterMinDelaySec: 0.001,
});

/**
 * Two fake functions whose invocations append "pr@512", "base@1024", … to one list. The baseline is slower (it
 * yields to the event loop five times per invocation, the PR not at all), so without taking turns the PR's
 * invocations would run ahead of it; inFlight records the most invocations at one memory size at once.
 */
function pair() {
  const pr = createFakeLambda();
  const base = createFakeLambda();
  const order: string[] = [];
  const running = new Map<number, number>();
  const inFlight = new Map<number, number>();
  const invoke = (label: string, yields: number) => async (memoryMb: number) => {
    order.push(`${label}@${memoryMb}`);
    running.set(memoryMb, (running.get(memoryMb) ?? 0) + 1);
    inFlight.set(memoryMb, Math.max(inFlight.get(memoryMb) ?? 0, running.get(memoryMb) ?? 0));
    for (let i = 0; i < yields; i++) await new Promise((resolve) => setImmediate(resolve));
    running.set(memoryMb, (running.get(memoryMb) ?? 1) - 1);
  };
  pr.hooks.beforeInvoke = invoke('pr', 0);
  base.hooks.beforeInvoke = invoke('base', 5);
  return { pr, base, order, inFlight };
}

const at = (order: string[], memoryMb: number) =>
  order.filter((entry) => entry.endsWith(`@${memoryMb}`)).map((entry) => entry.split('@')[0]);

/** Each party passes `times[party]` times, yielding while it holds its turn; the order in which they passed. */
async function passes(turnstile: Turnstile, times: number[]): Promise<number[]> {
  const seen: number[] = [];
  await Promise.all(
    times.map(async (count, party) => {
      const pacer = turnstile.pacer(party);
      for (let i = 0; i < count; i++) {
        await pacer.acquire();
        seen.push(party);
        await new Promise((resolve) => setImmediate(resolve));
        pacer.release();
      }
      pacer.leave();
    }),
  );
  return seen;
}

describe('Turnstile', () => {
  it('lets parties through in ABBA order and skips one that left', async () => {
    expect(await passes(new Turnstile(2), [2, 4])).toEqual([0, 1, 1, 0, 1, 1]);
  });

  it('can start with the last party (B A A B …), so alternate blocks cancel the edge of going first', async () => {
    expect(await passes(new Turnstile(2, true), [3, 3])).toEqual([1, 0, 0, 1, 1, 0]);
  });

  it('counterbalances three parties too: forward, then backward', async () => {
    expect(await passes(new Turnstile(3), [2, 2, 2])).toEqual([0, 1, 2, 2, 1, 0]);
  });
});

describe('tuneTogether', () => {
  it('alternates the two functions at each memory size (ABBA), one invocation at a time', async () => {
    const { pr, base, order, inFlight } = pair();
    const [prResult, baseResult] = await tuneTogether(
      [{ settings: settingsFor() }, { settings: settingsFor(), client: base.client, label: 'baseline' }],
      deps(pr.client),
    );
    for (const memoryMb of [512, 1024]) {
      expect(at(order, memoryMb)).toEqual(['pr', 'base', 'base', 'pr', 'pr', 'base', 'base', 'pr']);
      expect(inFlight.get(memoryMb)).toBe(1);
    }
    expect(prResult?.powerValues.map((entry) => entry.invocations)).toEqual([4, 4]);
    expect(baseResult?.powerValues.map((entry) => entry.invocations)).toEqual([4, 4]);
    for (const fake of [pr, base]) {
      expect(fake.aliases.size).toBe(0);
      expect(fake.versions.size).toBe(0);
      expect(fake.latest.MemorySize).toBe(1024);
    }
  });

  it('with parallel invocation, submits them alternately to the shared queue', async () => {
    const { pr, base, order } = pair();
    await tuneTogether(
      [
        { settings: settingsFor({ parallelInvocation: true, concurrency: 1, powerValuesMb: [512] }) },
        {
          settings: settingsFor({ parallelInvocation: true, concurrency: 1, powerValuesMb: [512] }),
          client: base.client,
        },
      ],
      deps(pr.client),
    );
    expect(at(order, 512)).toEqual(['pr', 'base', 'base', 'pr', 'pr', 'base', 'base', 'pr']);
  });

  it('when one function stops early at a memory size, the other carries on alone', async () => {
    const { pr, order } = pair();
    const base = createFakeLambda({
      behaviour: (memoryMb) =>
        memoryMb === 512
          ? { durationMs: 5, functionError: { errorType: 'Boom', errorMessage: 'no' } }
          : { durationMs: 50 },
    });
    base.hooks.beforeInvoke = async (memoryMb) => {
      order.push(`base@${memoryMb}`);
      await new Promise((resolve) => setImmediate(resolve));
    };
    const [prResult, baseResult] = await tuneTogether(
      [{ settings: settingsFor() }, { settings: settingsFor(), client: base.client }],
      deps(pr.client),
    );
    expect(at(order, 512)).toEqual(['pr', 'base', 'pr', 'pr', 'pr']);
    expect(prResult?.powerValues[0]).toEqual(expect.objectContaining({ status: 'ok', invocations: 4 }));
    expect(baseResult?.powerValues[0]).toEqual(expect.objectContaining({ status: 'failed', invocations: 1 }));
  });

  it('reads every function before changing any: a missing baseline changes nothing', async () => {
    const pr = createFakeLambda();
    const base = createFakeLambda();
    base.mock.reset();
    base.mock
      .onAnyCommand()
      .rejects(Object.assign(new Error('Function not found: fake-fn'), { name: 'ResourceNotFoundException' }));
    await expect(
      tuneTogether([{ settings: settingsFor() }, { settings: settingsFor(), client: base.client }], deps(pr.client)),
    ).rejects.toThrow(/Function not found/);
    expect(pr.calls).not.toContain('UpdateFunctionConfiguration');
  });

  it('refuses functions with different plans', async () => {
    const pr = createFakeLambda();
    await expect(
      tuneTogether([{ settings: settingsFor() }, { settings: settingsFor({ powerValuesMb: [128] }) }], deps(pr.client)),
    ).rejects.toThrow(/same power values/);
  });
});

describe('tuneWithLiveBaseline', () => {
  it('derives the baseline settings from the PR settings, without auto-optimize', () => {
    const derived = baselineSettings(
      settingsFor({ autoOptimize: true, autoOptimizeAlias: 'live', qualifier: 'pr-7' }),
      parseFunctionName('arn:aws:lambda:eu-west-1:123456789012:function:orders-prod:live'),
    );
    expect(derived).toEqual(
      expect.objectContaining({
        functionName: 'arn:aws:lambda:eu-west-1:123456789012:function:orders-prod',
        qualifier: 'live',
        region: 'eu-west-1',
        autoOptimize: false,
      }),
    );
    expect(derived.autoOptimizeAlias).toBeUndefined();
  });

  it('uses a client for the baseline region, and reports a baseline that failed everywhere as a problem', async () => {
    const pr = createFakeLambda();
    const base = createFakeLambda({
      behaviour: () => ({ durationMs: 5, functionError: { errorType: 'Boom', errorMessage: 'no' } }),
    });
    const regions: string[] = [];
    const outcome = await tuneWithLiveBaseline(
      settingsFor(),
      parseFunctionName('arn:aws:lambda:eu-west-1:123456789012:function:fake-fn'),
      {
        ...deps(pr.client),
        clientFor: (region) => {
          regions.push(region);
          return base.client;
        },
      },
    );
    expect(regions).toEqual(['eu-west-1']);
    expect(outcome.baseline).toBeNull();
    expect(outcome.problem).toMatch(
      /^the baseline function fake-fn failed at every memory size \(512 MB failed with Boom/,
    );
  });

  it('without a client for another region, says so', async () => {
    const pr = createFakeLambda();
    await expect(
      tuneWithLiveBaseline(
        settingsFor(),
        parseFunctionName('arn:aws:lambda:eu-west-1:123456789012:function:x'),
        deps(pr.client),
      ),
    ).rejects.toThrow(
      'baseline-function is in eu-west-1 and function-name in us-east-1; tune functions of one region together',
    );
  });
});

describe('a baseline measured only where the gate compares (issue 20)', () => {
  // 50 ms at every memory size: 512 MB is the cheaper, so the PR's recommendation is not its configured 1024 MB.
  const flat = () => ({ durationMs: 50 });
  const GATE = gateSettings({ baselineSource: 'function', baselineFunction: 'fake-fn', maxInvocations: 200 });
  const byEnvironment = (samples: { environment?: number }[] = []) => {
    const tally: Record<string, number> = {};
    for (const sample of samples)
      tally[String(sample.environment ?? 0)] = (tally[String(sample.environment ?? 0)] ?? 0) + 1;
    return tally;
  };

  it('plans the baseline at its configured memory only, and measures the recommendation in fresh environments of both', async () => {
    const pr = createFakeLambda({ behaviour: flat });
    const base = createFakeLambda({ behaviour: flat });
    const outcome = await tuneWithLiveBaseline(
      settingsFor(),
      { functionName: 'fake-fn', region: 'eu-west-1' },
      { ...deps(pr.client), clientFor: () => base.client },
      undefined,
      GATE,
    );
    const baseline = outcome.baseline?.result;
    expect(outcome.result.recommendation?.memoryMb).toBe(512);
    expect(outcome.result.gateSampling?.pinned).toEqual({ recommendedMb: 512, baseRecommendedMb: null });
    // The baseline: 4 planned invocations at its configured 1024 MB and blocks there; at 512 MB only the blocks.
    expect(baseline?.curve).toBe('compared');
    expect(baseline?.recommendation).toBeNull();
    const baseAt = (memoryMb: number) => baseline?.powerValues.find((entry) => entry.memoryMb === memoryMb);
    expect(byEnvironment(baseAt(512)?.samples)).toEqual({ '1': 10, '2': 10, '3': 10 });
    expect(byEnvironment(baseAt(1024)?.samples)['0']).toBe(4);
    // The PR's planned invocations at 512 MB pair with nothing: the comparison there counts the three blocks.
    const verdict = compareRuns(outcome.result, baseline ?? null, GATE, 0);
    const at512 = verdict.comparisons.find((row) => row.kind === 'cost' && row.memoryMb === 512);
    expect(at512?.metric).toMatch(/recommended/);
    expect(at512?.deltaPct).toBe(0);
    expect(verdict.comparisons.some((row) => row.metric.includes("base's"))).toBe(false);
  });

  it('baseline-full-curve (and the policy before) plan the baseline at every power value', async () => {
    for (const [gate, policy] of [
      [{ ...GATE, baselineFullCurve: true }, undefined],
      [GATE, POLICY_BEFORE],
    ] as const) {
      const pr = createFakeLambda({ behaviour: flat });
      const base = createFakeLambda({ behaviour: flat });
      const outcome = await tuneWithLiveBaseline(
        settingsFor(),
        { functionName: 'fake-fn', region: 'eu-west-1' },
        { ...deps(pr.client), clientFor: () => base.client },
        undefined,
        gate,
        [],
        policy,
      );
      const baseline = outcome.baseline?.result;
      expect(baseline?.curve).toBeUndefined();
      expect(baseline?.recommendation?.memoryMb).toBe(512);
      for (const entry of baseline?.powerValues ?? []) expect(byEnvironment(entry.samples)['0']).toBe(4);
    }
  });

  it('only when the gate samples further, with room at the recommendation for the environments a fail needs', () => {
    const settings = settingsFor({ invocationsPerValue: 10 });
    expect(reducedBaseline(settings, GATE)).toBe(true);
    expect(reducedBaseline(settings, undefined)).toBe(false);
    expect(reducedBaseline(settings, { ...GATE, baselineFullCurve: true })).toBe(false);
    // 10 planned + 7 blocks at 95%: 80 invocations; the PR's planned ones pair with nothing, so one block more.
    expect(reducedBaseline(settings, { ...GATE, maxInvocations: 80 })).toBe(true);
    expect(reducedBaseline(settings, { ...GATE, maxInvocations: 79 })).toBe(false);
    expect(reducedBaseline(settings, { ...GATE, maxInvocations: 0 })).toBe(false);
    expect(reducedBaseline({ ...settings, onlyColdStarts: true }, GATE)).toBe(false);
  });
});
