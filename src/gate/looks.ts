// How much evidence the live gate can gather, and how many times it looks at it: the schedule of environment
// blocks that sequential sampling (sequential.ts) follows, and the two numbers the verdict (compare.ts) takes
// from it — the least evidence a fail needs, and how many looks share the verdict's error rate. Pure.

/** Invocations per extra environment block, the first of them its cold start. */
export const BLOCK_INVOCATIONS = 10;

/**
 * The fewest pairs of execution environments (blocks measured on both sides) a live comparison needs before it
 * can fail: the fewest with which the sign test over blocks (stats.ts signTestPValue) can reach significance at
 * all, for the smallest family (cost and duration at one memory size) in one look — 2·½^J ≤ (1 − confidence) / 2,
 * so 7 at 95%, 9 at 99%. Why not fewer: with 2 pairs Student's t has one degree of freedom, and two block
 * differences that happen to agree give a narrow interval anyway (a noop's 0.1 ms samples did: "+41.9%, 95% CI
 * +32.8% to +59.3% over 2 pairs"); with 3 to 6, environments with heavy tails (a short CPU-bound handler at 128 MB)
 * still failed identical code in 1.1–1.4% of replays (bench/gate-replay.ts, docs/gate.md). With less evidence a
 * regression is a warning that says what is missing.
 */
export function minFailEnvironments(confidence: number): number {
  const alpha = (1 - confidence) / 2;
  return Math.max(3, Math.ceil(1 + Math.log2(1 / alpha) - 1e-9));
}

/**
 * Environments per function after each round of sequential sampling: 1 (the planned invocations), then at least
 * doubling (two more to start with), as long as the cap leaves room for a block.
 */
export function environmentSchedule(maxInvocations: number, plannedInvocations: number): number[] {
  const room =
    maxInvocations > 0 ? Math.max(0, Math.floor((maxInvocations - plannedInvocations) / BLOCK_INVOCATIONS)) : 0;
  const schedule = [1];
  let environments = 1;
  while (environments - 1 < room) {
    environments += Math.min(Math.max(environments, 2), room - (environments - 1));
    schedule.push(environments);
  }
  return schedule;
}

/** The least gate-max-invocations with which a live comparison can fail: the planned invocations and enough blocks. */
export function invocationsForFail(plannedInvocations: number, confidence: number): number {
  return plannedInvocations + (minFailEnvironments(confidence) - 1) * BLOCK_INVOCATIONS;
}

/**
 * The looks at which a live comparison could fail: rounds that end with at least minFailEnvironments pairs.
 * Sequential sampling stops a comparison as soon as it is decided, so each of these looks is a chance for noise to
 * fail the verdict; the verdict's error rate is split evenly between them (Bonferroni across looks: the chance of a
 * false fail at any look is at most the sum over looks). At least 1.
 */
export function failableLooks(maxInvocations: number, plannedInvocations: number, confidence: number): number {
  const needed = minFailEnvironments(confidence);
  return Math.max(
    1,
    environmentSchedule(maxInvocations, plannedInvocations).filter((environments) => environments >= needed).length,
  );
}
