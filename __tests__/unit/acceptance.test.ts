// A regression accepted on purpose (src/gate/acceptance.ts): who may accept, which commit, unlabeled revokes, a
// label from someone without write permission is ignored with a notice naming them.

import {
  acceptedSentence,
  applyAcceptance,
  currentLabelEvent,
  decideAcceptance,
  isAccepted,
  type Acceptance,
  type AcceptanceFacts,
  type LabelEvent,
} from '../../src/gate/acceptance.js';
import { comparisonRow, type Verdict } from '../../src/gate/verdict.js';

const LABEL = 'lambda-power-gate: accept regression';
const HEAD = 'a'.repeat(40);
const OLD = 'b'.repeat(40);

const labeled = (actor: string | null, at: string, label = LABEL): LabelEvent => ({
  event: 'labeled',
  label,
  actor,
  createdAt: at,
});
const unlabeled = (actor: string, at: string, label = LABEL): LabelEvent => ({
  event: 'unlabeled',
  label,
  actor,
  createdAt: at,
});

const PERMISSIONS: Record<string, { permission: string; roleName?: string }> = {
  maintainer: { permission: 'write', roleName: 'maintain' },
  writer: { permission: 'write', roleName: 'write' },
  owner: { permission: 'admin', roleName: 'admin' },
  triager: { permission: 'read', roleName: 'triage' },
  reader: { permission: 'read', roleName: 'read' },
  stranger: { permission: 'none', roleName: 'none' },
};

function facts(events: LabelEvent[], over: Partial<AcceptanceFacts> = {}): AcceptanceFacts & { asked: string[] } {
  const asked: string[] = [];
  return {
    label: LABEL,
    events,
    measuredSha: HEAD,
    pullHeadSha: HEAD,
    permissionOf: async (login) => {
      asked.push(login);
      return PERMISSIONS[login] ?? null;
    },
    asked,
    ...over,
  };
}

describe('the label that stays', () => {
  it('is the newest labeled event of that name; an unlabeled after it revokes it', () => {
    const add = labeled('writer', '2026-03-01T10:00:00Z');
    expect(currentLabelEvent([add], LABEL)).toBe(add);
    expect(currentLabelEvent([add, unlabeled('writer', '2026-03-01T11:00:00Z')], LABEL)).toBeNull();
    const again = labeled('owner', '2026-03-01T12:00:00Z');
    expect(currentLabelEvent([add, unlabeled('writer', '2026-03-01T11:00:00Z'), again], LABEL)).toBe(again);
  });

  it('ignores other labels and other events, and compares names without regard to case as GitHub does', () => {
    const events: LabelEvent[] = [
      labeled('writer', '2026-03-01T10:00:00Z', LABEL.toUpperCase()),
      { event: 'committed', actor: 'someone', createdAt: '2026-03-01T10:30:00Z' },
      unlabeled('writer', '2026-03-01T11:00:00Z', 'other'),
    ];
    expect(currentLabelEvent(events, LABEL)?.actor).toBe('writer');
  });

  it('orders by time, the later in the list at the same second', () => {
    const events = [unlabeled('writer', '2026-03-01T11:00:00Z'), labeled('writer', '2026-03-01T10:00:00Z')];
    expect(currentLabelEvent(events, LABEL)).toBeNull();
    const same = [labeled('writer', '2026-03-01T10:00:00Z'), unlabeled('writer', '2026-03-01T10:00:00Z')];
    expect(currentLabelEvent(same, LABEL)).toBeNull();
  });
});

describe('who may accept', () => {
  it.each(['writer', 'maintainer', 'owner'])('%s: accepted', async (login) => {
    const decision = await decideAcceptance(facts([labeled(login, '2026-03-01T10:00:00Z')]));
    expect(decision).toEqual({
      kind: 'accepted',
      acceptance: expect.objectContaining({ by: login, at: '2026-03-01T10:00:00Z', headSha: HEAD, label: LABEL }),
    });
  });

  it('keeps the role name when it says more than the base permission (maintain reads as write)', async () => {
    const decision = await decideAcceptance(facts([labeled('maintainer', '2026-03-01T10:00:00Z')]));
    expect(decision.kind === 'accepted' && decision.acceptance).toMatchObject({
      permission: 'write',
      role: 'maintain',
    });
  });

  it.each([
    ['triager', 'triage permission'],
    ['reader', 'read permission'],
    ['stranger', 'none permission'],
    ['ghost-like', 'no permission GitHub reports'],
  ])('%s: ignored with a notice naming who added it', async (login, has) => {
    const decision = await decideAcceptance(facts([labeled(login, '2026-03-01T10:00:00Z')]));
    expect(decision.kind).toBe('ignored');
    expect(decision.kind === 'ignored' && decision.notice).toContain(`added by ${login}, who has ${has}`);
  });

  it('judges the one who added the label now on the PR, not an earlier one', async () => {
    const events = [
      labeled('owner', '2026-03-01T10:00:00Z'),
      unlabeled('owner', '2026-03-01T11:00:00Z'),
      labeled('reader', '2026-03-01T12:00:00Z'),
    ];
    const given = facts(events);
    expect((await decideAcceptance(given)).kind).toBe('ignored');
    expect(given.asked).toEqual(['reader']);
  });

  it('a label without an actor (a deleted account) is ignored', async () => {
    const decision = await decideAcceptance(facts([labeled(null, '2026-03-01T10:00:00Z')]));
    expect(decision.kind).toBe('ignored');
  });

  it('no label, or a removed one: nothing to say, and no permission asked', async () => {
    const none = facts([]);
    expect(await decideAcceptance(none)).toEqual({ kind: 'none' });
    const removed = facts([labeled('owner', '2026-03-01T10:00:00Z'), unlabeled('reader', '2026-03-01T11:00:00Z')]);
    expect(await decideAcceptance(removed)).toEqual({ kind: 'none' });
    expect([...none.asked, ...removed.asked]).toEqual([]);
  });

  it('a login that tries to write a workflow command or a line break is made inert in the notice', async () => {
    const decision = await decideAcceptance(facts([labeled('x\n::error::pwned', '2026-03-01T10:00:00Z')]));
    expect(decision.kind === 'ignored' && decision.notice).not.toContain('\n');
  });
});

describe('which commit', () => {
  it('covers the pull request head (the commit it was added on, or a later one)', async () => {
    const decision = await decideAcceptance(facts([labeled('writer', '2026-03-01T10:00:00Z')]));
    expect(decision.kind).toBe('accepted');
  });

  it('does not cover a commit the pull request has moved past (a re-run of an older run)', async () => {
    const decision = await decideAcceptance(
      facts([labeled('writer', '2026-03-01T10:00:00Z')], { measuredSha: OLD, pullHeadSha: HEAD }),
    );
    expect(decision.kind).toBe('ignored');
    expect(decision.kind === 'ignored' && decision.notice).toContain(`this run measured ${OLD.slice(0, 7)}`);
  });

  it('does not cover anything when the head or the measured commit is unknown', async () => {
    for (const over of [{ measuredSha: undefined }, { pullHeadSha: undefined }]) {
      const decision = await decideAcceptance(facts([labeled('writer', '2026-03-01T10:00:00Z')], over));
      expect(decision.kind).toBe('ignored');
    }
  });
});

describe('applying it to a verdict', () => {
  const verdict = (level: Verdict['level']): Verdict => ({
    level,
    reason: 'Cost per invocation +18.0% at 512 MB.',
    comparisons: [
      { ...comparisonRow({ metric: 'cost per invocation at 512 MB', kind: 'cost' }), level },
      { ...comparisonRow({ metric: 'duration at 512 MB', kind: 'duration' }), level: 'warn' },
    ],
    baselineDescription: 'the PR base',
    costDeltaPct: 18,
    durationDeltaPct: 5,
    monthlyCostDeltaUsd: 12,
  });
  const acceptance: Acceptance = {
    label: LABEL,
    by: 'writer',
    at: '2026-03-01T10:00:00Z',
    permission: 'write',
    headSha: HEAD,
  };

  it('a fail verdict keeps its level and figures and says who accepted it and which checks it covers', () => {
    const accepted = applyAcceptance(verdict('fail'), acceptance);
    expect(accepted.level).toBe('fail');
    expect(accepted.costDeltaPct).toBe(18);
    expect(accepted.accepted).toEqual({ ...acceptance, checks: ['cost per invocation at 512 MB'] });
    expect(isAccepted(accepted)).toBe(true);
    expect(acceptedSentence(accepted.accepted!)).toBe(
      `Regression accepted by writer (write) on 2026-03-01 10:00 UTC with the label "${LABEL}", for aaaaaaa and later commits while the label stays; it covers: cost per invocation at 512 MB.`,
    );
  });

  it('a pass or a warn is left as it is; no acceptance leaves a fail as it is', () => {
    expect(applyAcceptance(verdict('pass'), acceptance).accepted).toBeUndefined();
    expect(applyAcceptance(verdict('warn'), acceptance).accepted).toBeUndefined();
    expect(applyAcceptance(verdict('fail'), null).accepted).toBeUndefined();
    expect(isAccepted(verdict('fail'))).toBe(false);
  });

  it('a fail with no fail row (an absolute limit in the reason only) covers the reason', () => {
    const bare: Verdict = { ...verdict('fail'), comparisons: [] };
    expect(applyAcceptance(bare, acceptance).accepted?.checks).toEqual([bare.reason]);
  });
});
