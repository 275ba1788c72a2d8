// Generates emulator/contracts/github-rest.json, the GitHub REST contract the GitHub API stand-in
// (emulator/github/api.ts) validates every request against, from GitHub's OpenAPI description as Octokit publishes it
// (@octokit/openapi, generated/api.github.com.json: github/rest-api-description plus Octokit's extensions).
//
// The package is 29 MB packed and 404 MB unpacked (every GitHub plan, each also dereferenced), so it is not a
// dependency: this script fetches the pinned version with `npm pack` into a temporary directory, keeps
// - every path template with its methods (an unknown operation is a contract violation, not a silent 404), and
// - for the operations the stand-in serves (SERVED below): parameters, the request body's schema with its $refs
//   resolved and only the validation keywords kept, the success status and the documentation URL.
//
//   node scripts/github-contract.mjs                          # fetch @octokit/openapi@VERSION and regenerate
//   node scripts/github-contract.mjs path/to/api.github.com.json   # from a local copy of the description
//   node scripts/github-contract.mjs --check [same]           # exit 1 when the committed file differs
//
// When the stand-in learns a new operation, add its operationId to SERVED and rerun.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = '@octokit/openapi';
const VERSION = '23.0.2';
const OUTPUT = new URL('../emulator/contracts/github-rest.json', import.meta.url);

/** The operations emulator/github/api.ts implements, by operationId. */
const SERVED = [
  'git/get-ref',
  'git/create-ref',
  'git/update-ref',
  'git/get-commit',
  'git/create-commit',
  'git/get-tree',
  'git/create-tree',
  'git/get-blob',
  'git/create-blob',
  'repos/list-commits',
  'repos/get-commit',
  'pulls/get',
  'pulls/list-files',
  'pulls/list-review-comments',
  'pulls/create-review-comment',
  'issues/list-events',
  'repos/get-collaborator-permission-level',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'users/get-authenticated',
];

/** JSON Schema keywords that constrain a value; descriptions, examples and defaults are dropped. */
const KEPT = [
  'type',
  'nullable',
  'enum',
  'required',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'additionalProperties',
];

function loadDescription(path) {
  if (path) return JSON.parse(readFileSync(path, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'github-contract-'));
  try {
    const tarball = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--silent'], { cwd: dir, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['-xzf', tarball, 'package/generated/api.github.com.json'], { cwd: dir });
    return JSON.parse(readFileSync(join(dir, 'package/generated/api.github.com.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function resolver(description) {
  const deref = (node) => {
    if (!node || typeof node !== 'object' || !('$ref' in node)) return node;
    const target = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((at, key) => at?.[key], description);
    if (!target) throw new Error(`unresolved ${node.$ref}`);
    return deref(target);
  };
  const compact = (raw, depth = 0) => {
    if (depth > 12) throw new Error('schema nests deeper than 12 levels');
    const schema = deref(raw);
    if (!schema || typeof schema !== 'object') return schema;
    const out = {};
    for (const key of KEPT) {
      if (!(key in schema)) continue;
      out[key] =
        key === 'additionalProperties' && typeof schema[key] === 'object'
          ? compact(schema[key], depth + 1)
          : schema[key];
    }
    if (schema.properties)
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([name, value]) => [name, compact(value, depth + 1)]),
      );
    if (schema.items) out.items = compact(schema.items, depth + 1);
    for (const key of ['oneOf', 'anyOf', 'allOf'])
      if (schema[key]) out[key] = schema[key].map((entry) => compact(entry, depth + 1));
    return out;
  };
  return { deref, compact };
}

function build(description) {
  // Octokit's info.version is the package's version.
  const from = `${PACKAGE}@${description.info.version} generated/api.github.com.json`;
  const { deref, compact } = resolver(description);
  const paths = {};
  const operations = {};
  for (const [template, item] of Object.entries(description.paths)) {
    const methods = [];
    const multiSegment = new Set();
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== 'object' || !operation.operationId) continue;
      methods.push(method.toUpperCase());
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(deref);
      for (const parameter of parameters)
        if (parameter.in === 'path' && parameter['x-multi-segment']) multiSegment.add(parameter.name);
      if (!SERVED.includes(operation.operationId)) continue;
      const body = operation.requestBody?.content?.['application/json']?.schema;
      operations[operation.operationId] = {
        method: method.toUpperCase(),
        path: template,
        documentationUrl: operation.externalDocs?.url ?? 'https://docs.github.com/rest',
        successStatus: Number(Object.keys(operation.responses).find((status) => status.startsWith('2'))),
        parameters: parameters
          .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
          .map((parameter) => ({
            name: parameter.name,
            in: parameter.in,
            ...(parameter.required ? { required: true } : {}),
            schema: compact(parameter.schema ?? {}),
            // "(max 100)" is in per_page's description, not its schema; the stand-in enforces it.
            ...(/\(max (\d+)\)/.exec(parameter.description ?? '')
              ? { documentedMax: Number(/\(max (\d+)\)/.exec(parameter.description)[1]) }
              : {}),
          })),
        ...(body ? { body: compact(body), bodyRequired: operation.requestBody.required === true } : {}),
      };
    }
    paths[template] = {
      methods: methods.sort(),
      ...(multiSegment.size ? { multiSegment: [...multiSegment].sort() } : {}),
    };
  }
  const missing = SERVED.filter((id) => !operations[id]);
  if (missing.length) throw new Error(`not in the description: ${missing.join(', ')}`);
  return {
    source: `${from} (GitHub REST API description, OpenAPI ${description.openapi}, info.version ${description.info.version})`,
    generatedBy: 'node scripts/github-contract.mjs',
    paths,
    operations: Object.fromEntries(SERVED.map((id) => [id, operations[id]])),
  };
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const description = loadDescription(args.find((arg) => arg !== '--check'));
const text = JSON.stringify(build(description), null, 1) + '\n';
if (check) {
  const committed = readFileSync(OUTPUT, 'utf8');
  if (committed !== text) {
    console.error('emulator/contracts/github-rest.json is out of date: run node scripts/github-contract.mjs');
    process.exit(1);
  }
  console.log('emulator/contracts/github-rest.json matches the description.');
} else {
  writeFileSync(OUTPUT, text);
  console.log(
    `wrote emulator/contracts/github-rest.json (${text.length} bytes) from ${PACKAGE}@${description.info.version}`,
  );
}
