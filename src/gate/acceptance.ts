// A regression accepted on purpose (issue 16 item 4): a pull request label (`accept-label`) turns a failing verdict
// into an accepted one, so the job passes and the report says who accepted it, when, and which checks it covers.
// Pure: what GitHub said (the label events, the actor's permission, the pull request's head) in, a decision
// out. The reader that asks GitHub is src/action/acceptance.ts. The rules, as docs/gate.md states them:
// - the label counts while it stays on the pull request: the newest labeled/unlabeled event of that name decides,
//   so removing the label revokes it;
// - it counts only when the person who added it (that newest labeled event's actor) has write, maintain or admin
//   permission on the repository. GitHub's `permission` field gives the base role: admin, write, read or none,
//   "where the maintain role is mapped to write and the triage role is mapped to read" (the REST description of
//   repos/get-collaborator-permission-level), so admin or write is the test, custom roles included by their base;
// - it covers the commit it was added on and every later one while it stays. GitHub records no commit on a
//   labeled event, and a commit's dates are set by whoever made it, so the run checks what GitHub does give
//   reliably: the measured commit must be the pull request's head now. The newest head was the head when the label
//   was added or came after it; an older commit (a re-run of a superseded run) is not covered;
// - it covers regressions the gate found (the verdict's fail rows), never a function that could not be measured.
// Logins and label names are chosen by users: they pass the one sanitiser before any sentence.

import { inertText } from '../lib/untrusted.js';
import type { Verdict } from './verdict.js';

/** GitHub's base roles that may accept: maintain reads as write in the `permission` field. */
export const ACCEPTING_PERMISSIONS: readonly string[] = ['admin', 'write'];

/** One issue event as GitHub lists it (GET /repos/{owner}/{repo}/issues/{n}/events), the fields used here. */
export interface LabelEvent {
  event: string;
  /** The label's name for labeled and unlabeled events. */
  label?: string;
  /** The login of who added or removed it; null for a deleted account ("ghost"). */
  actor: string | null;
  /** ISO 8601. */
  createdAt: string;
}

/** A label that counts: who added it, when, and what that person may do. */
export interface Acceptance {
  label: string;
  /** The login that added the label. */
  by: string;
  /** When the label was added (the labeled event's created_at, ISO 8601). */
  at: string;
  /** The base role GitHub reports (admin or write), and the role's own name when it says more (maintain, a custom role). */
  permission: string;
  role?: string;
  /** The commit it covers in this run: the pull request's head. */
  headSha: string;
}

/** What a verdict carries once accepted: the acceptance and the checks it covers (the fail rows' names). */
export interface AcceptedNote extends Acceptance {
  checks: string[];
}

/** What the reader found: an acceptance, or why the label does not count (a notice for the log), or nothing. */
export type AcceptanceDecision =
  { kind: 'accepted'; acceptance: Acceptance } | { kind: 'ignored'; notice: string } | { kind: 'none' };

const LOGIN_CHARS = 64;
const LABEL_CHARS = 100;

/**
 * The labeled event that put the label on the pull request, when it is still there: the newest labeled or unlabeled
 * event of that name (label names compare as GitHub does, without regard to case). Events are ordered by time, then
 * by their order in the list (GitHub lists them oldest first).
 */
export function currentLabelEvent(events: readonly LabelEvent[], label: string): LabelEvent | null {
  const wanted = label.toLowerCase();
  let newest: { event: LabelEvent; index: number } | null = null;
  events.forEach((event, index) => {
    if ((event.event !== 'labeled' && event.event !== 'unlabeled') || event.label?.toLowerCase() !== wanted) return;
    const time = Date.parse(event.createdAt);
    const newestTime = newest ? Date.parse(newest.event.createdAt) : Number.NEGATIVE_INFINITY;
    // Equal times (one-second resolution): the later in the list wins.
    if (!newest || !(time < newestTime)) newest = { event, index };
  });
  const found = newest as { event: LabelEvent; index: number } | null;
  return found && found.event.event === 'labeled' ? found.event : null;
}

/** What the reader gathered from GitHub, for decideAcceptance. */
export interface AcceptanceFacts {
  label: string;
  events: readonly LabelEvent[];
  /** The commit this run judged, and the pull request's head now (undefined when it could not be read). */
  measuredSha: string | undefined;
  pullHeadSha: string | undefined;
  /** The actor's permission, read only when there is an actor: `permission` and `role_name` as GitHub gives them. */
  permissionOf: (login: string) => Promise<{ permission: string; roleName?: string } | null>;
}

/** The decision, from GitHub's answers. Asks for a permission only when the label is on and has an actor. */
export async function decideAcceptance(facts: AcceptanceFacts): Promise<AcceptanceDecision> {
  const event = currentLabelEvent(facts.events, facts.label);
  if (!event) return { kind: 'none' };
  const label = inertText(facts.label, LABEL_CHARS);
  if (!event.actor)
    return {
      kind: 'ignored',
      notice: `Label "${label}" ignored: GitHub does not say who added it (a deleted account).`,
    };
  const who = inertText(event.actor, LOGIN_CHARS);
  const found = await facts.permissionOf(event.actor);
  if (!found || !ACCEPTING_PERMISSIONS.includes(found.permission)) {
    const has = found
      ? `${inertText(found.roleName || found.permission, 40)} permission`
      : 'no permission GitHub reports';
    return {
      kind: 'ignored',
      notice: `Label "${label}" ignored: it was added by ${who}, who has ${has} on the repository; only someone with write, maintain or admin permission can accept a regression.`,
    };
  }
  if (!facts.measuredSha || !facts.pullHeadSha || facts.measuredSha !== facts.pullHeadSha) {
    const measured = facts.measuredSha ? facts.measuredSha.slice(0, 7) : 'an unknown commit';
    const head = facts.pullHeadSha ? facts.pullHeadSha.slice(0, 7) : 'unknown';
    return {
      kind: 'ignored',
      notice: `Label "${label}" (added by ${who}) ignored for this run: it covers the pull request's head (${head}) and the commits after it, and this run measured ${measured}.`,
    };
  }
  const role = found.roleName && found.roleName !== found.permission ? { role: found.roleName } : {};
  return {
    kind: 'accepted',
    acceptance: {
      label: facts.label,
      by: event.actor,
      at: event.createdAt,
      permission: found.permission,
      ...role,
      headSha: facts.pullHeadSha,
    },
  };
}

/** The checks a fail verdict is failing on: its fail rows, by name (the verdict's reason when no row is at fail). */
export function failingChecks(verdict: Pick<Verdict, 'comparisons' | 'reason'>): string[] {
  const rows = verdict.comparisons.filter((row) => row.level === 'fail').map((row) => row.metric);
  return rows.length > 0 ? [...new Set(rows)] : [verdict.reason];
}

/**
 * A verdict with the acceptance applied: a fail verdict keeps its level and figures and gains `accepted` (who, when,
 * the checks it covers); anything else, or no acceptance, comes back as it was. The level stays fail so every reader
 * that knows nothing of acceptance (the `verdict` output, the app's counts) still sees a regression; the job's
 * failure and the report look at `accepted`.
 */
export function applyAcceptance<V extends Verdict>(verdict: V, acceptance: Acceptance | null | undefined): V {
  if (!acceptance || verdict.level !== 'fail') return verdict;
  return { ...verdict, accepted: { ...acceptance, checks: failingChecks(verdict) } };
}

/** True when a verdict failed and was accepted. */
export function isAccepted(verdict: Pick<Verdict, 'level' | 'accepted'> | null | undefined): boolean {
  return verdict?.level === 'fail' && verdict.accepted !== undefined;
}

/** One sentence for the log and the report: "Accepted by octocat (write) on 2026-03-01 12:00 UTC with the label …". */
export function acceptedSentence(note: AcceptedNote): string {
  const role = note.role ? `${inertText(note.role, 40)}` : note.permission;
  const at = formatUtc(note.at);
  const checks = note.checks.map((check) => inertText(check, 160));
  return `Regression accepted by ${inertText(note.by, LOGIN_CHARS)} (${role}) on ${at} with the label "${inertText(note.label, LABEL_CHARS)}", for ${note.headSha.slice(0, 7)} and later commits while the label stays; it covers: ${checks.join('; ')}.`;
}

/** "2026-03-01 12:00 UTC"; the text as given when it is not a time. */
export function formatUtc(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return inertText(iso, 40);
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
