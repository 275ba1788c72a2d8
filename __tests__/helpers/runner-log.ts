// What GitHub's runner does with a step's output lines, for tests: which lines it would execute as workflow
// commands. Modelled on actions/runner's ActionCommandManager: a line whose trimmed text starts with `::` is a
// command (ActionCommand.TryParseV2), `##[` anywhere in a line is the legacy form (ActionCommand.TryParse:
// message.IndexOf("##[")), and after `::stop-commands::<token>` nothing is a command until a line `::<token>::`.

export interface ExecutedCommand {
  line: number;
  name: string;
  data: string;
}

export function executedCommands(lines: string[]): ExecutedCommand[] {
  const executed: ExecutedCommand[] = [];
  let stopToken: string | undefined;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (stopToken !== undefined) {
      if (line.trim() === `::${stopToken}::`) {
        executed.push({ line: index, name: 'resume-commands', data: stopToken });
        stopToken = undefined;
      }
      return;
    }
    const trimmed = line.trim();
    const v2 = /^::([^\s:]+)(?:\s[^:]*)?::(.*)$/s.exec(trimmed);
    if (v2) {
      const [, name = '', data = ''] = v2;
      executed.push({ line: index, name: name.toLowerCase(), data });
      if (name.toLowerCase() === 'stop-commands') stopToken = data;
      return;
    }
    const legacy = line.indexOf('##[');
    if (legacy >= 0 && line.indexOf(']', legacy) > legacy) {
      const info = line.slice(legacy + 3, line.indexOf(']', legacy));
      executed.push({
        line: index,
        name: (info.split(' ')[0] ?? '').toLowerCase(),
        data: line.slice(line.indexOf(']', legacy) + 1),
      });
    }
  });
  return executed;
}

/** The commands the action itself may issue (src/action/runner.ts), and the stop/resume pair of the sanitiser. */
export const ACTION_COMMANDS = new Set([
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'add-mask',
  'stop-commands',
  'resume-commands',
]);

/** Characters no output may carry: C0 and C1 controls (but line feed), DEL, bidi controls, invisible operators. */
export const UNSAFE_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/;
