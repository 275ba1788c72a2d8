// The emulator's execution environments (see pool.ts for how they are limited and scheduled):
//   spec.ts            what the pool runs and answers (FunctionRuntimeSpec, InvokeResult, options)
//   environment.ts     one environment's child process: spawn, IPC, output, freeze/thaw, memory poll
//   scheduler.ts       the CPU share of a memory size, FIFO admission of shares, the CPU-time model
//   outcome.ts         the pure invocation outcome: response, figures and log from what happened
//   invocation-log.ts  the invocation's log, composed in one place from logformat.ts's lines
//   memory.ts          Max Memory Used: the process tree's resident peak plus the sandbox's share; the process budget
//   pool.ts            the pool: warm reuse, cold starts, init retries, cgroups created and removed
export { INIT_TIMEOUT_MS, SandboxPool } from './pool.js';
export {
  MAX_RESPONSE_BYTES,
  classifyExit,
  invocationOutcome,
  type ExitClassification,
  type Happened,
  type InvocationFacts,
  type InvocationOutcome,
} from './outcome.js';
export { CpuScheduler, modeledDurationMs } from './scheduler.js';
export type { EnvironmentInfo, FunctionRuntimeSpec, InvokeResult, SandboxPoolOptions } from './spec.js';
