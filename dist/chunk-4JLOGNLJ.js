import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  inertText
} from "./chunk-TM45P2KR.js";

// src/gate/acceptance.ts
var ACCEPTING_PERMISSIONS = ["admin", "write"];
var LOGIN_CHARS = 64;
var LABEL_CHARS = 100;
function currentLabelEvent(events, label) {
  const wanted = label.toLowerCase();
  let newest = null;
  events.forEach((event, index) => {
    if (event.event !== "labeled" && event.event !== "unlabeled" || event.label?.toLowerCase() !== wanted) return;
    const time = Date.parse(event.createdAt);
    const newestTime = newest ? Date.parse(newest.event.createdAt) : Number.NEGATIVE_INFINITY;
    if (!newest || !(time < newestTime)) newest = { event, index };
  });
  const found = newest;
  return found && found.event.event === "labeled" ? found.event : null;
}
async function decideAcceptance(facts) {
  const event = currentLabelEvent(facts.events, facts.label);
  if (!event) return { kind: "none" };
  const label = inertText(facts.label, LABEL_CHARS);
  if (!event.actor)
    return {
      kind: "ignored",
      notice: `Label "${label}" ignored: GitHub does not say who added it (a deleted account).`
    };
  const who = inertText(event.actor, LOGIN_CHARS);
  const found = await facts.permissionOf(event.actor);
  if (!found || !ACCEPTING_PERMISSIONS.includes(found.permission)) {
    const has = found ? `${inertText(found.roleName || found.permission, 40)} permission` : "no permission GitHub reports";
    return {
      kind: "ignored",
      notice: `Label "${label}" ignored: it was added by ${who}, who has ${has} on the repository; only someone with write, maintain or admin permission can accept a regression.`
    };
  }
  if (!facts.measuredSha || !facts.pullHeadSha || facts.measuredSha !== facts.pullHeadSha) {
    const measured = facts.measuredSha ? facts.measuredSha.slice(0, 7) : "an unknown commit";
    const head = facts.pullHeadSha ? facts.pullHeadSha.slice(0, 7) : "unknown";
    return {
      kind: "ignored",
      notice: `Label "${label}" (added by ${who}) ignored for this run: it covers the pull request's head (${head}) and the commits after it, and this run measured ${measured}.`
    };
  }
  const role = found.roleName && found.roleName !== found.permission ? { role: found.roleName } : {};
  return {
    kind: "accepted",
    acceptance: {
      label: facts.label,
      by: event.actor,
      at: event.createdAt,
      permission: found.permission,
      ...role,
      headSha: facts.pullHeadSha
    }
  };
}
function failingChecks(verdict) {
  const rows = verdict.comparisons.filter((row) => row.level === "fail").map((row) => row.metric);
  return rows.length > 0 ? [...new Set(rows)] : [verdict.reason];
}
function applyAcceptance(verdict, acceptance) {
  if (!acceptance || verdict.level !== "fail") return verdict;
  return { ...verdict, accepted: { ...acceptance, checks: failingChecks(verdict) } };
}
function isAccepted(verdict) {
  return verdict?.level === "fail" && verdict.accepted !== void 0;
}
function acceptedSentence(note) {
  const role = note.role ? `${inertText(note.role, 40)}` : note.permission;
  const at = formatUtc(note.at);
  const checks = note.checks.map((check) => inertText(check, 160));
  return `Regression accepted by ${inertText(note.by, LOGIN_CHARS)} (${role}) on ${at} with the label "${inertText(note.label, LABEL_CHARS)}", for ${note.headSha.slice(0, 7)} and later commits while the label stays; it covers: ${checks.join("; ")}.`;
}
function formatUtc(iso) {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return inertText(iso, 40);
  return `${new Date(time).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export {
  ACCEPTING_PERMISSIONS,
  currentLabelEvent,
  decideAcceptance,
  failingChecks,
  applyAcceptance,
  isAccepted,
  acceptedSentence,
  formatUtc
};
