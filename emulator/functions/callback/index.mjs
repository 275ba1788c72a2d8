// callback — the legacy callback style, handler(event, context, callback): answers through callback(null, result),
// or callback(error) when event.fail is set. Echoes the context fields Lambda provides.
export const handler = (event, context, callback) => {
  setTimeout(() => {
    if (event?.fail) {
      callback(new Error('callback failure'));
      return;
    }
    callback(null, {
      awsRequestId: context.awsRequestId,
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      memoryLimitInMB: context.memoryLimitInMB,
      invokedFunctionArn: context.invokedFunctionArn,
      remainingPositive: context.getRemainingTimeInMillis() > 0,
      echo: event,
    });
  }, 1);
};
