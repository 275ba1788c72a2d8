// The words of an IaC suggestion: the review comment with its ```suggestion block, and the section of the PR
// comment that says, per function, what was suggested, where the change belongs, or why nothing was changed.
// Paths, labels and lines come from the pull request's own files: paths and labels pass the markdown escapes, and
// a suggestion holds the file's own line with only the number changed (propose.ts refuses lines with hidden
// characters), in a fence longer than any backtick run in it.

import { codeSpan, escapeMarkdown, formatMemory, formatUnsignedPct } from '../lib/format.js';
import { FORMAT_NAMES, type FunctionDeclaration } from './declarations.js';
import type { Proposal } from './propose.js';

/** The hidden first line of our review comments: one per function key and head commit. */
export function suggestionMarker(key: string, headSha: string): string {
  return `<!-- lambda-power-gate iac key=${encodeURIComponent(key)} sha=${headSha.toLowerCase()} -->`;
}

const MARKER = /^<!-- lambda-power-gate iac key=(\S+) sha=([0-9a-f]{7,40}) -->/;

export function parseSuggestionMarker(body: string | null | undefined): { key: string; sha: string } | null {
  const found = MARKER.exec(body ?? '');
  if (!found) return null;
  try {
    return { key: decodeURIComponent(found[1] ?? ''), sha: found[2] ?? '' };
  } catch {
    return null;
  }
}

/** Why the recommendation is worth a change, in one sentence's worth of words. */
export interface Why {
  key: string;
  functionName: string;
  currentMb: number;
  recommendedMb: number;
  strategy: string;
  /** The monthly cost saving in percent (negative: the recommendation costs more). */
  savingPct: number;
}

export function whyText(why: Why): string {
  const change =
    why.savingPct >= 0
      ? `${formatUnsignedPct(why.savingPct)} less per month`
      : `${formatUnsignedPct(-why.savingPct)} more per month`;
  return `${codeSpan(why.key)} at ${formatMemory(why.recommendedMb)} instead of ${formatMemory(why.currentMb)}: ${change} (strategy ${why.strategy})`;
}

export function reviewCommentBody(why: Why, proposal: Extract<Proposal, { kind: 'change' }>, headSha: string): string {
  const longest = Math.max(2, ...Array.from(proposal.newLineText.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const differs =
    proposal.value.memoryMb !== undefined && proposal.value.memoryMb !== why.currentMb
      ? ` The file says ${formatMemory(proposal.value.memoryMb)}; the function measured runs with ${formatMemory(why.currentMb)}.`
      : '';
  const shared = proposal.sharedSetting
    ? ` This is ${proposal.sharedSetting}, which only ${codeSpan(proposal.declaration.label)} in this file inherits.`
    : '';
  return [
    suggestionMarker(why.key, headSha),
    `**lambda-power-gate:** ${whyText(why)}, measured on ${headSha.slice(0, 7)}.${shared}${differs}`,
    '',
    `${fence}suggestion`,
    proposal.newLineText,
    fence,
  ].join('\n');
}

/** Where the suggestion went, or why it is a hint only. */
export type Delivery = { kind: 'posted'; url: string; reused: boolean } | { kind: 'hint'; why: string };

export interface Line {
  why: Why;
  proposal: Proposal;
  delivery?: Delivery;
}

const place = (file: string, line: number) => `${codeSpan(file)} line ${line}`;
const declared = (decl: FunctionDeclaration) => `${codeSpan(decl.label)} (${place(decl.file, decl.line)})`;
const settingName = (decl: FunctionDeclaration) =>
  decl.format === 'cloudformation' ? 'MemorySize' : decl.format === 'terraform' ? 'memory_size' : 'memorySize';

/** One list item per function. */
export function proposalLine({ why, proposal, delivery }: Line): string {
  const head = `- ${whyText(why)}. `;
  const target = formatMemory(why.recommendedMb);
  switch (proposal.kind) {
    case 'change': {
      const where = `${place(proposal.declaration.file, proposal.value.line)} (${codeSpan(proposal.declaration.label)}, ${FORMAT_NAMES[proposal.declaration.format]})`;
      if (delivery?.kind === 'posted') return `${head}Suggested in [a review comment](${delivery.url}) on ${where}.`;
      return `${head}Change ${codeSpan(proposal.value.text)} to ${why.recommendedMb} in ${where}${delivery?.kind === 'hint' ? `; ${escapeMarkdown(delivery.why)}` : ''}.`;
    }
    case 'already':
      return `${head}${place(proposal.declaration.file, proposal.value.line)} already sets ${target} for ${codeSpan(proposal.declaration.label)}: deploy it.`;
    case 'expression':
      return `${head}Not changed: ${settingName(proposal.declaration)} of ${declared(proposal.declaration)} is ${codeSpan(proposal.value.text)} at line ${proposal.value.line}, not a number; set ${target} where its value is given.`;
    case 'shared':
      return `${head}Not changed: its memory comes from ${codeSpan(proposal.where)} (${place(proposal.declaration.file, proposal.value.line)}), which ${proposal.sharedWith.map((label) => codeSpan(label)).join(', ')} inherit${proposal.sharedWith.length === 1 ? 's' : ''} too; set ${settingName(proposal.declaration)} to ${why.recommendedMb} on ${declared(proposal.declaration)} itself.`;
    case 'not-set':
      return `${head}${declared(proposal.declaration)} sets no ${settingName(proposal.declaration)} (the default, ${formatMemory(proposal.defaultMb)}, applies): add ${settingName(proposal.declaration)} ${why.recommendedMb} there.`;
    case 'unknown':
      return `${head}Not changed: the memory of ${declared(proposal.declaration)} cannot be read from the code (${proposal.why}).`;
    case 'ambiguous':
      return `${head}Not changed: ${proposal.candidates.length} declarations could be this function (${proposal.candidates
        .slice(0, 5)
        .map(declared)
        .join(', ')}), and the code does not tell which.`;
    case 'not-found':
      return `${head}Not changed: no SAM/CloudFormation, Serverless, Terraform or CDK declaration in the repository names ${codeSpan(why.functionName)}${
        proposal.unreadable.length > 0
          ? ` (${proposal.unreadable.length} set${proposal.unreadable.length === 1 ? 's' : ''} its name by an expression: ${proposal.unreadable
              .slice(0, 3)
              .map(declared)
              .join(', ')})`
          : ''
      }.`;
  }
}

export function iacSection(lines: readonly Line[]): string {
  if (lines.length === 0) return '';
  return ['### Memory in the infrastructure code', '', ...lines.map(proposalLine)].join('\n');
}
