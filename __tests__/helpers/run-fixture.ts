// The hand-made RunResults live beside the stand-ins (emulator/fixtures/), shared with bench/gate-replay.ts.
export {
  ROUND_PRICES,
  blocked,
  makeRun,
  repeat,
  sample,
  type PowerValueSpec,
  type RunSpec,
} from '../../emulator/fixtures/runs.js';
