// The Node.js runtime of one emulated execution environment: the child process a SandboxPool spawns.
// Plays the part of Lambda's runtime interface client: imports the handler once (init), then runs one
// invocation at a time as the parent asks over the IPC channel, and routes every console call and
// stdout/stderr write to the parent, which formats the invocation log (emulator/lambda/logformat.ts).
//
// Configuration comes from the environment Lambda itself sets: LAMBDA_TASK_ROOT, _HANDLER,
// AWS_LAMBDA_FUNCTION_NAME, AWS_LAMBDA_FUNCTION_VERSION, AWS_LAMBDA_FUNCTION_MEMORY_SIZE, AWS_LAMBDA_LOG_*.
//
// Messages to the parent:
//   {type:'ready', rssBytes, maxRssKb} | {type:'initError', error, rssBytes, maxRssKb}
//   {type:'log', level, time, requestId, message} | {type:'raw', text}
//   {type:'result', requestId, ok, payload | error, wallMs, cpuMs, runQueueWaitMs, maxRssKb}
//   {type:'fatal', label, requestId, error}   then the process exits (as Lambda's runtime does)
// Messages from the parent: {type:'invoke', requestId, payload, deadlineMs, invokedFunctionArn}
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** @type {string | undefined} */
let currentRequestId;

const send = (message) => {
  if (process.connected) process.send(message);
};

// The parent is the log collector. When it goes away (killed, crashed), so do we.
process.on('disconnect', () => process.exit(0));

// --- logging: Lambda's Node runtime patches console the same way (log/info → INFO, warn → WARN…) -------------
const consoleLevels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
for (const [method, level] of Object.entries(consoleLevels)) {
  console[method] = (...args) =>
    send({ type: 'log', level, time: Date.now(), requestId: currentRequestId, message: util.format(...args) });
}
// Anything written to the streams directly (worker threads, libraries that bypass console) is passed through
// raw, as Lambda does. Going through the IPC channel keeps it in order with the result message.
const rawWrite = (chunk, encoding, callback) => {
  const text =
    typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
  send({ type: 'raw', text });
  const done = typeof encoding === 'function' ? encoding : callback;
  if (typeof done === 'function') process.nextTick(done);
  return true;
};
process.stdout.write = rawWrite;
process.stderr.write = rawWrite;

// --- errors, shaped like the runtime interface client shapes them --------------------------------------------
const toLambdaError = (error) => {
  if (error instanceof Error || util.types.isNativeError(error)) {
    return {
      errorType: error.name || error.constructor?.name || 'Error',
      errorMessage: error.message,
      trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
    };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
};

const fatal = (label, error, exitCode) => {
  const message = { type: 'fatal', label, requestId: currentRequestId, error };
  if (!process.connected) process.exit(exitCode);
  process.send(message, () => process.exit(exitCode));
};
process.on('uncaughtException', (error) => fatal('Uncaught Exception', toLambdaError(error), 129));
process.on('unhandledRejection', (reason) => {
  const error = toLambdaError(reason);
  fatal(
    'Unhandled Promise Rejection',
    {
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: `${error.errorType}: ${error.errorMessage}`,
      trace: error.trace,
    },
    128,
  );
});

// --- init: import the handler module ---------------------------------------------------------------------------
const handlerSpec = process.env._HANDLER ?? 'index.handler';
const taskRoot = process.env.LAMBDA_TASK_ROOT ?? process.cwd();

/** 'dir/index.handler' → module 'dir/index', export 'handler' (Lambda splits at the last dot). */
const splitHandler = (spec) => {
  const dot = spec.lastIndexOf('.');
  return dot <= 0
    ? { modulePath: spec, exportName: 'handler' }
    : { modulePath: spec.slice(0, dot), exportName: spec.slice(dot + 1) };
};

const loadHandler = async () => {
  const { modulePath, exportName } = splitHandler(handlerSpec);
  const file = ['.js', '.mjs', '.cjs']
    .map((extension) => path.resolve(taskRoot, modulePath + extension))
    .find((candidate) => fs.existsSync(candidate));
  if (file === undefined) {
    const error = {
      errorType: 'Runtime.ImportModuleError',
      errorMessage: `Error: Cannot find module '${modulePath}'`,
      trace: [],
    };
    return { error };
  }
  let module;
  try {
    module = await import(pathToFileURL(file).href);
  } catch (thrown) {
    const error = toLambdaError(thrown);
    if (error.errorType === 'SyntaxError') return { error: { ...error, errorType: 'Runtime.UserCodeSyntaxError' } };
    return { error };
  }
  const handler = module[exportName] ?? module.default?.[exportName];
  if (typeof handler !== 'function') {
    const errorMessage = `${modulePath}.${exportName} is undefined or not exported`;
    return { error: { errorType: 'Runtime.HandlerNotFound', errorMessage, trace: [] } };
  }
  return { handler };
};

const { handler, error: initError } = await loadHandler();
/**
 * This process's resident peak, kB: VmHWM, which belongs to the process image and starts afresh at exec. Not
 * resourceUsage().maxRSS (ru_maxrss): the kernel carries that over exec, so it holds the RSS of the emulator this
 * process was forked from (a 386 MB parent made a no-op report all of its 128 MB). ru_maxrss only where /proc is not.
 */
const maxRssKb = () => {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
};
const memory = () => ({ rssBytes: process.memoryUsage().rss, maxRssKb: maxRssKb() });
if (initError) send({ type: 'initError', error: initError, ...memory() });
else send({ type: 'ready', ...memory() });

// --- invocations -----------------------------------------------------------------------------------------------
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'function';
const functionVersion = process.env.AWS_LAMBDA_FUNCTION_VERSION ?? '$LATEST';
const memoryLimitInMB = process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '128';

/** Runs the handler in either style: a returned promise, or the (event, context, callback) callback. */
const runHandler = (event, context) =>
  new Promise((resolve, reject) => {
    let settled = false;
    const callback = (error, result) => {
      if (settled) return;
      settled = true;
      if (error !== undefined && error !== null) reject(error);
      else resolve(result);
    };
    context.done = callback;
    context.succeed = (result) => callback(null, result);
    context.fail = (error) => callback(error ?? 'handled');
    let returned;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      callback(error);
      return;
    }
    if (returned && typeof returned.then === 'function')
      returned.then(
        (result) => callback(null, result),
        (error) => callback(error ?? 'rejected'),
      );
    // A non-async handler that neither returns a promise nor takes a callback gets a null response, as in Lambda.
    else if (handler.length < 3) callback(null, null);
  });

/**
 * Time the main thread spent runnable but waiting for a CPU (Linux /proc/self/schedstat, 2nd field, ns): waiting
 * behind other processes of this machine, which a Lambda environment would not have done. The CPU-time model
 * subtracts it; 0 elsewhere.
 */
const runQueueWaitNs = () => {
  try {
    return Number(fs.readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1] ?? 0);
  } catch {
    return 0;
  }
};

const parseEvent = (payload) => {
  if (payload.length === 0) return {};
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
};

const invoke = async ({ requestId, payload, deadlineMs, invokedFunctionArn }) => {
  currentRequestId = requestId;
  const context = {
    awsRequestId: requestId,
    functionName,
    functionVersion,
    memoryLimitInMB,
    invokedFunctionArn,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - Date.now()),
  };
  const waitBefore = runQueueWaitNs();
  const cpuBefore = process.cpuUsage();
  const startMs = performance.now();
  let message;
  try {
    const result = await runHandler(parseEvent(payload), context);
    message = { ok: true, payload: JSON.stringify(result === undefined ? null : result) };
  } catch (error) {
    message = { ok: false, error: toLambdaError(error) };
  }
  const wallMs = performance.now() - startMs;
  const cpu = process.cpuUsage(cpuBefore);
  const runQueueWaitMs = Math.max(0, (runQueueWaitNs() - waitBefore) / 1e6);
  send({
    type: 'result',
    requestId,
    ...message,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    runQueueWaitMs,
    maxRssKb: maxRssKb(),
  });
  currentRequestId = undefined;
};

process.on('message', (message) => {
  if (message?.type === 'invoke' && handler) void invoke(message);
});
