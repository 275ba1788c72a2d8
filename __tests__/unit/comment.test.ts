import { commentMarker, isStale, markedBody, parseMarker } from '../../src/report/comment.js';

describe('marker', () => {
  test('round-trips key, SHA and time', () => {
    const marker = { key: 'checkout-api', sha: 'a'.repeat(40), at: '2026-11-28T10:00:00Z' };
    const line = commentMarker(marker);
    expect(line).toBe(`<!-- lambda-power-gate key=checkout-api sha=${'a'.repeat(40)} at=2026-11-28T10:00:00.000Z -->`);
    expect(parseMarker(`${line}\nbody`)).toEqual({ ...marker, at: '2026-11-28T10:00:00.000Z' });
  });

  test('a hostile key cannot end the HTML comment, and still round-trips', () => {
    const key = 'fn --> <img src=x> key=other';
    const line = commentMarker({ key });
    expect(line.indexOf('-->')).toBe(line.length - 3);
    expect(parseMarker(line)).toEqual({ key });
  });

  test('an invalid SHA or time is left out rather than written', () => {
    expect(commentMarker({ key: 'k', sha: 'not-a-sha', at: 'yesterday' })).toBe('<!-- lambda-power-gate key=k -->');
  });

  test('only a marker on the first line counts', () => {
    expect(parseMarker('quoted:\n<!-- lambda-power-gate key=k -->')).toBeNull();
    expect(parseMarker(null)).toBeNull();
    expect(parseMarker('<!-- lambda-power-gate key=%E0%A4%A -->')).toBeNull();
  });
});

describe('isStale', () => {
  const older = { key: 'k', sha: '1'.repeat(40), at: '2026-11-28T09:00:00.000Z' };
  const newer = { key: 'k', sha: '2'.repeat(40), at: '2026-11-28T10:00:00.000Z' };
  test('an older commit than the comment’s is stale; a newer or the same is not', () => {
    expect(isStale(older, newer)).toBe(true);
    expect(isStale(newer, older)).toBe(false);
    expect(isStale(newer, newer)).toBe(false);
  });
  test('the same commit is never stale, whatever the times say (a re-run)', () => {
    expect(isStale({ ...newer, at: '2026-11-28T08:00:00.000Z' }, newer)).toBe(false);
  });
  test('without a time on either side nothing is stale', () => {
    expect(isStale({ key: 'k', sha: older.sha }, newer)).toBe(false);
    expect(isStale(older, { key: 'k' })).toBe(false);
  });
});

test('markedBody keeps short bodies whole', () => {
  expect(markedBody('hello\n', { key: 'k' })).toEqual({
    body: '<!-- lambda-power-gate key=k -->\nhello\n',
    truncated: false,
  });
});
