// The sampling rounds after the planned invocations, as plug-ins behind one interface: adaptive sampling
// (adaptive.ts: more invocations where the recommendation is still open) and the live gate's environment blocks
// (environment-blocks.ts: fresh versions where the gate's comparison is still open). tuner.ts runs each in turn;
// a plug-in adds samples to run.measured and says what each function's result records about its rounds.

import type { RunResult, TuningSettings } from '../../types.js';
import type { PowerValuePlan, RunState } from '../run-state.js';

/** What one plug-in's rounds leave on a function's result. */
export type RoundsRecord = Partial<Pick<RunResult, 'sampling' | 'gateSampling'>>;

export interface SamplingRounds {
  /** How much of a planned power value the first pass runs, the rest being the rounds' to decide. Default: all. */
  firstPass?(plan: PowerValuePlan, settings: TuningSettings): PowerValuePlan;
  /** Runs the rounds, adding to run.measured in place; returns what each function's result records, in subject order. */
  run(run: RunState): Promise<RoundsRecord[]>;
}
