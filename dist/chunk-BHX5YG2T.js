import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/gate/looks.ts
var BLOCK_INVOCATIONS = 10;
function minFailEnvironments(confidence) {
  const alpha = (1 - confidence) / 2;
  return Math.max(3, Math.ceil(1 + Math.log2(1 / alpha) - 1e-9));
}
function environmentSchedule(maxInvocations, plannedInvocations) {
  const room = maxInvocations > 0 ? Math.max(0, Math.floor((maxInvocations - plannedInvocations) / BLOCK_INVOCATIONS)) : 0;
  const schedule = [1];
  let environments = 1;
  while (environments - 1 < room) {
    environments += Math.min(Math.max(environments, 2), room - (environments - 1));
    schedule.push(environments);
  }
  return schedule;
}
function invocationsForFail(plannedInvocations, confidence) {
  return plannedInvocations + (minFailEnvironments(confidence) - 1) * BLOCK_INVOCATIONS;
}
function failableLooks(maxInvocations, plannedInvocations, confidence) {
  const needed = minFailEnvironments(confidence);
  return Math.max(
    1,
    environmentSchedule(maxInvocations, plannedInvocations).filter((environments) => environments >= needed).length
  );
}

export {
  BLOCK_INVOCATIONS,
  minFailEnvironments,
  environmentSchedule,
  invocationsForFail,
  failableLooks
};
