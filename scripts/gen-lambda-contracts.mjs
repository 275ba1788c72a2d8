#!/usr/bin/env node
// Generates emulator/contracts/lambda-2015-03-31.json: the request constraints of every operation in the official
// Lambda API model (botocore's data/lambda/2015-03-31/service-2.json[.gz], which keeps every constraint; the aws-sdk
// v2 model has them stripped). The emulator validates each request against it (emulator/contracts/lambda.ts).
// With --service cloudformation it generates emulator/contracts/cloudformation-2010-05-15.json the same way, from
// botocore's data/cloudformation/2010-05-15 (the emulator's ListStackResources, emulator/contracts/cloudformation.ts).
// --service cloudwatch and --service logs generate the CloudWatch (GetMetricData) and CloudWatch Logs (StartQuery,
// GetQueryResults) constraints of the emulator's usage stand-in (emulator/contracts/json-rpc.ts).
//
//   node scripts/gen-lambda-contracts.mjs                 # finds botocore through python3
//   node scripts/gen-lambda-contracts.mjs --model <path>  # service-2.json or service-2.json.gz
//   node scripts/gen-lambda-contracts.mjs --check         # exit 1 when the committed file differs
//   node scripts/gen-lambda-contracts.mjs --service cloudformation [--check]
//   node scripts/gen-lambda-contracts.mjs --service cloudwatch|logs [--check]
//
// Patterns are Java regular expressions that the service FULL-matches (String.matches). They are converted to a
// JavaScript source anchored as ^(?:…)$; a construct JavaScript cannot express is recorded as `patternUnsupported`
// (the emulator then does not check that pattern) and listed in provenance.unsupportedPatterns. Remaining known
// difference: Java's `.` refuses U+0085 (and `\s` is ASCII-only), JavaScript's `.` takes it; no Lambda pattern
// depends on that.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The services whose models the stand-ins hold clients to: where the model is in botocore, where its file goes. */
export const SERVICES = {
  lambda: { title: 'Lambda', model: 'data/lambda/2015-03-31', file: 'lambda-2015-03-31.json' },
  cloudformation: {
    title: 'CloudFormation',
    model: 'data/cloudformation/2010-05-15',
    file: 'cloudformation-2010-05-15.json',
  },
  // botocore keeps CloudWatch under data/cloudwatch (its endpoint prefix is monitoring).
  cloudwatch: { title: 'CloudWatch', model: 'data/cloudwatch/2010-08-01', file: 'cloudwatch-2010-08-01.json' },
  logs: { title: 'CloudWatch Logs', model: 'data/logs/2014-03-28', file: 'logs-2014-03-28.json' },
};
export const contractsPath = (service = 'lambda') => join(ROOT, 'emulator', 'contracts', SERVICES[service].file);
export const CONTRACTS_PATH = contractsPath('lambda');

/** botocore's directory and version through the machine's python3, or undefined when there is none. */
export function findBotocore() {
  try {
    const out = execFileSync(
      'python3',
      ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__));print(botocore.__version__)'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const [dir, version] = out.trim().split('\n');
    return dir ? { dir, version } : undefined;
  } catch {
    return undefined;
  }
}

/** The model file (plain or gzipped) and what we know of where it came from, or undefined. */
export function locateModel(explicitPath, service = 'lambda') {
  if (explicitPath) return { path: explicitPath, botocoreVersion: undefined };
  const botocore = findBotocore();
  if (!botocore) return undefined;
  for (const name of ['service-2.json', 'service-2.json.gz']) {
    const path = join(botocore.dir, ...SERVICES[service].model.split('/'), name);
    if (existsSync(path)) return { path, botocoreVersion: botocore.version };
  }
  return undefined;
}

export function readModelText(path) {
  const bytes = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
}

// Java constructs with no JavaScript equivalent (or a different meaning). Checked outside character classes too,
// which is conservative: a false positive only means a pattern goes unchecked, and it is listed.
const UNSUPPORTED = [
  [/\\p\{|\\P\{/, 'Unicode property classes (\\p{…}) need the u flag, which rejects other Java escapes'],
  [/[*+?}]\+/, 'possessive quantifiers'],
  [/\(\?>/, 'atomic groups'],
  [/\\[AZzGhHRQE]/, 'Java-only escapes (\\A \\Z \\z \\G \\h \\H \\R \\Q…\\E)'],
  [/&&/, 'character-class intersection'],
  [/\(\?[a-zA-Z]+[):]/, 'inline flags'],
];

/** { jsPattern } for a Java pattern full-matched, or { unsupported } saying why it cannot be converted. */
export function javaPatternToJs(pattern) {
  for (const [construct, why] of UNSUPPORTED) if (construct.test(pattern)) return { unsupported: why };
  const source = `^(?:${pattern})$`;
  try {
    new RegExp(source);
  } catch (error) {
    return { unsupported: `not a valid JavaScript pattern: ${error.message}` };
  }
  return { jsPattern: source };
}

/** The constraint-bearing parts of one shape; documentation and output-only traits are dropped. */
function compactShape(shape, unsupported, name) {
  const out = { type: shape.type };
  for (const key of ['min', 'max']) if (shape[key] !== undefined) out[key] = shape[key];
  if (shape.enum) out.enum = shape.enum;
  if (shape.sensitive) out.sensitive = true;
  if (shape.pattern !== undefined) {
    out.pattern = shape.pattern;
    const converted = javaPatternToJs(shape.pattern);
    if (converted.jsPattern) out.jsPattern = converted.jsPattern;
    else {
      out.patternUnsupported = converted.unsupported;
      unsupported.push({ shape: name, pattern: shape.pattern, why: converted.unsupported });
    }
  }
  if (shape.type === 'structure') {
    if (shape.required?.length) out.required = shape.required;
    if (shape.payload) out.payload = shape.payload;
    out.members = {};
    for (const [memberName, member] of Object.entries(shape.members ?? {})) {
      const entry = { shape: member.shape };
      if (member.location) entry.location = member.location;
      if (member.locationName && member.locationName !== memberName) entry.locationName = member.locationName;
      else if (member.location && member.locationName) entry.locationName = member.locationName;
      out.members[memberName] = entry;
    }
  }
  if (shape.type === 'list') out.member = shape.member.shape;
  if (shape.type === 'map') {
    out.key = shape.key.shape;
    out.value = shape.value.shape;
  }
  return out;
}

/** The constraints file's content (a stable JSON text) from the model's text. */
export function generate(modelText, source, service = 'lambda') {
  const { title, model: modelDir } = SERVICES[service];
  const model = JSON.parse(modelText);
  const operations = {};
  const reachable = new Set();
  const visit = (name) => {
    if (reachable.has(name)) return;
    reachable.add(name);
    const shape = model.shapes[name];
    if (!shape) throw new Error(`model has no shape ${name}`);
    if (shape.type === 'structure') for (const member of Object.values(shape.members ?? {})) visit(member.shape);
    if (shape.type === 'list') visit(shape.member.shape);
    if (shape.type === 'map') {
      visit(shape.key.shape);
      visit(shape.value.shape);
    }
  };
  for (const name of Object.keys(model.operations).sort()) {
    const op = model.operations[name];
    operations[name] = {
      method: op.http.method,
      requestUri: op.http.requestUri,
      ...(op.input ? { input: op.input.shape } : {}),
    };
    if (op.input) visit(op.input.shape);
  }
  const unsupported = [];
  const shapes = {};
  for (const name of [...reachable].sort()) shapes[name] = compactShape(model.shapes[name], unsupported, name);
  const contracts = {
    comment:
      `Generated by scripts/gen-lambda-contracts.mjs from the official ${title} API model; do not edit. Regenerate: node scripts/gen-lambda-contracts.mjs` +
      (service === 'lambda' ? '' : ` --service ${service}`),
    provenance: {
      model: `botocore ${modelDir}/service-2.json`,
      botocoreVersion: source.botocoreVersion ?? 'unknown',
      modelFile: source.fileName,
      modelJsonSha256: createHash('sha256').update(modelText).digest('hex'),
      apiVersion: model.metadata.apiVersion,
      protocol: model.metadata.protocol,
      // JSON RPC services (CloudWatch, CloudWatch Logs) name the operation in X-Amz-Target: <targetPrefix>.<operation>.
      ...(model.metadata.targetPrefix
        ? {
            targetPrefix: model.metadata.targetPrefix,
            protocols: model.metadata.protocols ?? [model.metadata.protocol],
          }
        : {}),
      operations: Object.keys(operations).length,
      unsupportedPatterns: unsupported,
    },
    operations,
    shapes,
  };
  return `${JSON.stringify(contracts, null, 1)}\n`;
}

/** Generates from the model this machine has; undefined when it has none. */
export function generateFromMachine(explicitPath, service = 'lambda') {
  const located = locateModel(explicitPath, service);
  if (!located) return undefined;
  const fileName = located.path.endsWith('.gz') ? 'service-2.json.gz' : 'service-2.json';
  return {
    text: generate(readModelText(located.path), { botocoreVersion: located.botocoreVersion, fileName }, service),
    modelPath: located.path,
  };
}

function main(argv) {
  const modelIndex = argv.indexOf('--model');
  const explicit = modelIndex >= 0 ? argv[modelIndex + 1] : undefined;
  const serviceIndex = argv.indexOf('--service');
  const service = serviceIndex >= 0 ? argv[serviceIndex + 1] : 'lambda';
  if (!Object.hasOwn(SERVICES, service)) {
    console.error(`--service must be one of ${Object.keys(SERVICES).join(', ')}, got ${service}`);
    return 2;
  }
  const CONTRACTS_PATH = contractsPath(service);
  const generated = generateFromMachine(explicit, service);
  if (!generated) {
    console.error(
      `No ${SERVICES[service].title} model found: install botocore (pip install botocore) or pass --model <service-2.json[.gz]>.`,
    );
    return 2;
  }
  if (argv.includes('--check')) {
    const current = existsSync(CONTRACTS_PATH) ? readFileSync(CONTRACTS_PATH, 'utf8') : '';
    if (current === generated.text) return 0;
    console.error(
      `${CONTRACTS_PATH} is not current for ${generated.modelPath}: run node scripts/gen-lambda-contracts.mjs${service === 'lambda' ? '' : ` --service ${service}`}`,
    );
    return 1;
  }
  mkdirSync(dirname(CONTRACTS_PATH), { recursive: true });
  writeFileSync(CONTRACTS_PATH, generated.text);
  console.log(`Wrote ${CONTRACTS_PATH} from ${generated.modelPath}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
