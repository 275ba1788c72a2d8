// hostile — a pull request's function written to attack the job that measures it (for the security tests).
// It fails with an error whose type and message are event.errorType / event.errorMessage (or env HOSTILE_TYPE),
// after logging event.log lines; event.mode 'ok' succeeds and answers event.body instead. Typical texts: a
// workflow command after a line break ("x\n::stop-commands::pwnd", "x\n::set-output name=verdict::pass"), the legacy
// "##[error]" form, ANSI escapes, OSC-8 hyperlinks, RTL overrides, or 100 KB of text.
export const handler = async (event) => {
  for (const line of event?.log ?? []) console.log(line);
  if (event?.mode === 'ok') return event?.body ?? 'ok';
  const error = new Error(event?.errorMessage ?? 'hostile message');
  error.name = event?.errorType ?? process.env.HOSTILE_TYPE ?? 'Hostile';
  throw error;
};
