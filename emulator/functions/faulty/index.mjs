// faulty — misbehaves on request, for tests of error handling. event.mode (or env FAULT_MODE):
//   'throw' (Error), 'reject' (TypeError from a rejected promise), 'custom' (error named 'PaymentDeclined'),
//   'exit' (process.exit(3)), 'uncaught' (exception thrown from a timer), 'hang' (never returns),
//   'log' (logs at every level, then succeeds); anything else succeeds.
console.log('faulty: module loaded');

export const handler = async (event, context) => {
  const mode = event?.mode ?? process.env.FAULT_MODE ?? 'ok';
  switch (mode) {
    case 'throw':
      throw new Error('something broke');
    case 'reject':
      return Promise.reject(new TypeError('bad input'));
    case 'custom': {
      const error = new Error('card declined');
      error.name = 'PaymentDeclined';
      throw error;
    }
    case 'exit':
      process.exit(3);
      break;
    case 'uncaught':
      setTimeout(() => {
        throw new RangeError('thrown from a timer');
      }, 5);
      return new Promise(() => {});
    case 'hang':
      return new Promise(() => {});
    case 'log':
      console.log('info line', { a: 1 });
      console.warn('warn line');
      console.error('error line');
      process.stdout.write('raw stdout line\n');
      return { remainingMs: context.getRemainingTimeInMillis() };
    default:
      return { ok: true, requestId: context.awsRequestId };
  }
};
