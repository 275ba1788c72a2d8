// echo — returns, logs and (with event.fail) throws what it was sent: a test sends a unique marker and greps every
// output the tool produces for it, to prove payloads and function output stay out of logs and reports.
export const handler = async (event) => {
  console.log('event received', JSON.stringify(event));
  if (event?.fail) throw new Error(`handler failed on ${event.marker} with ${process.env.ECHO_SECRET ?? ''}`);
  return { echoed: event, secret: process.env.ECHO_SECRET ?? '' };
};
