import { decodeLogResult, parseReport } from '../../src/tuning/logs.js';

// The Node.js example log from the AWS Lambda Developer Guide ("Log and monitor Node.js Lambda functions"),
// text format, cold start with X-Ray fields.
const AWS_DOCS_NODE_TAIL = [
  'START RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac Version: $LATEST',
  '2019-06-07T19:11:20.562Z\tc793869b-ee49-115b-a5b6-4fd21e8dedac\tINFO\tENVIRONMENT VARIABLES',
  '{',
  '  "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",',
  '  "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/my-function"',
  '}',
  '2019-06-07T19:11:20.563Z\tc793869b-ee49-115b-a5b6-4fd21e8dedac\tINFO\tEVENT',
  '{',
  '  "key": "value"',
  '}',
  '2019-06-07T19:11:20.564Z\tc793869b-ee49-115b-a5b6-4fd21e8dedac\tWARN\tEvent not processed.',
  'END RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac',
  'REPORT RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac\tDuration: 128.83 ms\tBilled Duration: 200 ms\t' +
    'Memory Size: 128 MB\tMax Memory Used: 74 MB\tInit Duration: 166.62 ms\t' +
    'XRAY TraceId: 1-5d9d007f-0a8c7fd02xmpl480aed55ef0\tSegmentId: 3d752xmpl1bbe37e\tSampled: true',
  '',
].join('\n');

const AWS_DOCS_NODE_REPORT = {
  requestId: 'c793869b-ee49-115b-a5b6-4fd21e8dedac',
  durationMs: 128.83,
  billedDurationMs: 200,
  memorySizeMb: 128,
  maxMemoryUsedMb: 74,
  initDurationMs: 166.62,
};

// A SnapStart (Java) REPORT line as CloudWatch stored it in a public log dump: Restore fields, trailing tab.
const SNAPSTART_REPORT =
  'REPORT RequestId: b771fecc-1b53-4faf-922d-1d74357b1676\tDuration: 306.34 ms\tBilled Duration: 610 ms\t' +
  'Memory Size: 3009 MB\tMax Memory Used: 155 MB\tRestore Duration: 511.25 ms\tBilled Restore Duration: 303 ms\t';

// An older warm REPORT (100 ms billing era), with the stray space after "Billed Duration: 100 ms".
const OLD_WARM_REPORT =
  'REPORT RequestId: faff6a71-7ea0-11e8-ac94-1710ce2fc493\tDuration: 1.79 ms\tBilled Duration: 100 ms \t' +
  'Memory Size: 128 MB\tMax Memory Used: 46 MB\t\n';

// JSON format: the platform.report example of the AWS Logs API documentation, as the single line Lambda writes.
const JSON_COLD_LINE =
  '{"time":"2020-08-20T12:31:32.123Z","type":"platform.report","record":{"requestId":"6f7f0961f83442118a7af6fe80b88d56",' +
  '"metrics":{"durationMs":101.51,"billedDurationMs":300,"memorySizeMB":512,"maxMemoryUsedMB":33,"initDurationMs":116.67}}}';

// The same shape for a warm invocation: no initDurationMs at all (the original tool's bug #305).
const JSON_WARM_LINE =
  '{"time":"2020-08-20T12:31:40.001Z","type":"platform.report","record":{"requestId":"0b4a7e3c5d2f4e6a8b9c0d1e2f3a4b5c",' +
  '"metrics":{"durationMs":2.13,"billedDurationMs":3,"memorySizeMB":512,"maxMemoryUsedMB":34},"status":"success"}}';

function jsonTail(...lines: string[]): string {
  return [
    '{"time":"2020-08-20T12:31:39.990Z","type":"platform.start","record":{"requestId":"0b4a7e3c","version":"$LATEST"}}',
    '{"timestamp":"2020-08-20T12:31:39.995Z","level":"INFO","requestId":"0b4a7e3c","message":"hello"}',
    ...lines,
    '',
  ].join('\n');
}

describe('decodeLogResult', () => {
  it('decodes base64 to UTF-8', () => {
    const text = 'START RequestId: abc\nhéllo ✓\n';
    expect(decodeLogResult(Buffer.from(text, 'utf8').toString('base64'))).toBe(text);
  });

  it('returns an empty string when there is no LogResult', () => {
    expect(decodeLogResult(undefined)).toBe('');
    expect(decodeLogResult('')).toBe('');
  });

  it('survives a 4 KB cut through a multi-byte character', () => {
    const whole = Buffer.from(`é${OLD_WARM_REPORT}`, 'utf8');
    const cut = whole.subarray(1); // starts with the second byte of "é"
    const text = decodeLogResult(cut.toString('base64'));
    expect(text.endsWith(OLD_WARM_REPORT)).toBe(true);
    expect(parseReport(text)?.durationMs).toBe(1.79);
  });
});

describe('parseReport, text format', () => {
  it('parses the AWS documentation example, Init Duration included and X-Ray fields ignored', () => {
    expect(parseReport(AWS_DOCS_NODE_TAIL)).toEqual(AWS_DOCS_NODE_REPORT);
  });

  it('parses SnapStart Restore Duration and Billed Restore Duration without mixing up the labels', () => {
    expect(parseReport(SNAPSTART_REPORT)).toEqual({
      requestId: 'b771fecc-1b53-4faf-922d-1d74357b1676',
      durationMs: 306.34,
      billedDurationMs: 610,
      memorySizeMb: 3009,
      maxMemoryUsedMb: 155,
      restoreDurationMs: 511.25,
      billedRestoreDurationMs: 303,
    });
  });

  it('leaves the optional fields out of a warm REPORT, and tolerates extra spaces', () => {
    expect(parseReport(OLD_WARM_REPORT)).toEqual({
      requestId: 'faff6a71-7ea0-11e8-ac94-1710ce2fc493',
      durationMs: 1.79,
      billedDurationMs: 100,
      memorySizeMb: 128,
      maxMemoryUsedMb: 46,
    });
  });

  it('parses a REPORT with space separators and a Status field (timeouts)', () => {
    const line =
      'REPORT RequestId: 8fc6f963-411b-58b5-8483-a32130c0f45d Duration: 3000.00 ms Billed Duration: 3000 ms ' +
      'Memory Size: 2048 MB Max Memory Used: 81 MB Status: timeout';
    expect(parseReport(line)).toMatchObject({ durationMs: 3000, billedDurationMs: 3000, memorySizeMb: 2048 });
  });

  it('takes the LAST REPORT in the tail', () => {
    const tail = `${OLD_WARM_REPORT}START RequestId: x\n${AWS_DOCS_NODE_TAIL}`;
    expect(parseReport(tail)?.requestId).toBe('c793869b-ee49-115b-a5b6-4fd21e8dedac');
  });

  it('still parses when the 4 KB tail starts in the middle of an earlier line', () => {
    const tail = AWS_DOCS_NODE_TAIL.slice(AWS_DOCS_NODE_TAIL.indexOf('sed.\nEND'));
    expect(tail.startsWith('sed.')).toBe(true);
    expect(parseReport(tail)).toEqual(AWS_DOCS_NODE_REPORT);
  });

  it('returns null when the cut went through the REPORT line itself', () => {
    const report = AWS_DOCS_NODE_TAIL.indexOf('REPORT');
    expect(parseReport(AWS_DOCS_NODE_TAIL.slice(report + 3))).toBeNull();
  });

  it('ignores a REPORT without Duration or Billed Duration and falls back to an earlier complete one', () => {
    expect(parseReport('REPORT RequestId: abc\tMemory Size: 128 MB')).toBeNull();
    expect(parseReport(`${OLD_WARM_REPORT}REPORT RequestId: zzz\tDuration: 5 ms\n`)?.requestId).toBe(
      'faff6a71-7ea0-11e8-ac94-1710ce2fc493',
    );
  });

  it('ignores a number with the wrong unit', () => {
    const line = 'REPORT RequestId: a\tDuration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 128 ms';
    expect(parseReport(line)).toEqual({ requestId: 'a', durationMs: 5, billedDurationMs: 5 });
  });
});

describe('parseReport, JSON format', () => {
  it('parses the AWS documentation platform.report record with initDurationMs', () => {
    expect(parseReport(jsonTail(JSON_COLD_LINE))).toEqual({
      requestId: '6f7f0961f83442118a7af6fe80b88d56',
      durationMs: 101.51,
      billedDurationMs: 300,
      memorySizeMb: 512,
      maxMemoryUsedMb: 33,
      initDurationMs: 116.67,
    });
  });

  it('parses a warm record with no initDurationMs (the original tool’s bug #305)', () => {
    expect(parseReport(jsonTail(JSON_WARM_LINE))).toEqual({
      requestId: '0b4a7e3c5d2f4e6a8b9c0d1e2f3a4b5c',
      durationMs: 2.13,
      billedDurationMs: 3,
      memorySizeMb: 512,
      maxMemoryUsedMb: 34,
    });
  });

  it('parses a record with only the required metrics', () => {
    const line = '{"type":"platform.report","record":{"metrics":{"durationMs":7.5,"billedDurationMs":8}}}';
    expect(parseReport(line)).toEqual({ durationMs: 7.5, billedDurationMs: 8 });
  });

  it('parses SnapStart metrics in JSON', () => {
    const line =
      '{"time":"2024-01-01T00:00:00.000Z","type":"platform.report","record":{"requestId":"r1","metrics":' +
      '{"durationMs":127.1,"billedDurationMs":154,"memorySizeMB":2048,"maxMemoryUsedMB":212,' +
      '"restoreDurationMs":325.93,"billedRestoreDurationMs":26}}}';
    expect(parseReport(line)).toMatchObject({ restoreDurationMs: 325.93, billedRestoreDurationMs: 26 });
  });

  it('accepts the keys in any order and pretty-printed (Telemetry API reference example)', () => {
    const pretty = [
      '{',
      '  "time": "2022-10-12T00:01:15.000Z",',
      '  "record": {',
      '    "metrics": {',
      '      "billedDurationMs": 694,',
      '      "durationMs": 693.92,',
      '      "initDurationMs": 397.68,',
      '      "maxMemoryUsedMB": 84,',
      '      "memorySizeMB": 128',
      '    },',
      '    "requestId": "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa"',
      '  },',
      '  "type": "platform.report"',
      '}',
    ].join('\n');
    expect(parseReport(pretty)).toEqual({
      requestId: '6d68ca91-49c9-448d-89b8-7ca3e6dc66aa',
      durationMs: 693.92,
      billedDurationMs: 694,
      memorySizeMb: 128,
      maxMemoryUsedMb: 84,
      initDurationMs: 397.68,
    });
  });

  it('takes the LAST platform.report', () => {
    expect(parseReport(jsonTail(JSON_COLD_LINE, JSON_WARM_LINE))?.durationMs).toBe(2.13);
  });

  it('skips a later log line that merely mentions platform.report', () => {
    const chatter = '{"timestamp":"t","level":"INFO","message":"next: {\\"type\\":\\"platform.report\\"}"}';
    expect(parseReport(jsonTail(JSON_COLD_LINE, chatter))?.durationMs).toBe(101.51);
  });

  it('still parses when the tail starts in the middle of an earlier JSON line', () => {
    const tail = jsonTail(JSON_COLD_LINE);
    expect(parseReport(tail.slice(tail.indexOf('Id":"0b4a7e3c","ver')))?.durationMs).toBe(101.51);
  });

  it('returns null when the cut went through the platform.report record', () => {
    expect(parseReport(JSON_COLD_LINE.slice(5))).toBeNull();
  });

  it('rejects records whose required metrics are missing or not numbers', () => {
    expect(parseReport('{"type":"platform.report","record":{"metrics":{"durationMs":5}}}')).toBeNull();
    expect(
      parseReport('{"type":"platform.report","record":{"metrics":{"durationMs":"5","billedDurationMs":5}}}'),
    ).toBeNull();
    expect(parseReport('{"type":"platform.report","record":{"requestId":"x"}}')).toBeNull();
  });

  it('drops optional metrics of the wrong type instead of failing', () => {
    const line =
      '{"type":"platform.report","record":{"metrics":{"durationMs":1,"billedDurationMs":1,"initDurationMs":null}}}';
    expect(parseReport(line)).toEqual({ durationMs: 1, billedDurationMs: 1 });
  });
});

describe('parseReport, anything else', () => {
  it.each([
    ['empty', ''],
    ['only START/END', 'START RequestId: a Version: $LATEST\nEND RequestId: a\n'],
    ['garbage', '\u0000\u0001 }{ ]] {"type": platform.report REPORT'],
    ['unbalanced JSON', '{"type":"platform.report","record":{"metrics":{"durationMs":1,"billedDurationMs":1}'],
  ])('returns null for %s', (_name, tail) => {
    expect(parseReport(tail)).toBeNull();
  });

  it('picks whichever format’s record comes last', () => {
    expect(parseReport(`${JSON_COLD_LINE}\n${OLD_WARM_REPORT}`)?.durationMs).toBe(1.79);
    expect(parseReport(`${OLD_WARM_REPORT}${JSON_COLD_LINE}\n`)?.durationMs).toBe(101.51);
  });
});
