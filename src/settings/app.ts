// The app: which functions the step tunes and each one's settings (issue 15). function-name alone is an app of
// one function, with today's key; `functions`, `config-file` and `stack-name` give many (docs/apps.md).
//
// Each function's settings are made by the same parseSettings as one function's, over layered inputs: its own
// names (function-name, baseline-function, key), then its config-file entry, then config-file's defaults, then the
// step's inputs, then the table's defaults. So every value is checked by the parser that checks the input, and a
// mistake is reported where it was written: `Input 'config-file': .github/lpg.yml functions[2].power-values (line
// 14): …`, `Input 'functions': line 3: …`. Nothing here calls AWS; a stack's functions are made into settings by
// settingsFor once the flow has listed the stack, and every override for them is checked now against a stand-in.

import * as z from 'zod';
import { InputError } from '../lib/errors.js';
import type { AppFunctionSettings, AppPlan, FoundFunction, Settings, StackDiscovery } from '../types.js';
import { checkKey } from './branches.js';
import { readConfigFile, type ConfigEntry, type ConfigFile, type ConfigValue } from './config-file.js';
import { parseFunctionNameAs, type ParsedFunctionName } from './function-name.js';
import { parseSettings } from './index.js';
import { checkNumber, fail, Inputs, show, type InputReader, type SettingsContext } from './parse.js';
import { parseLogicalIdGlobs, parseStackName, type ParsedStackName } from './stack.js';

/** Default number of functions tuned at once. */
export const DEFAULT_PARALLEL_FUNCTIONS = 4;
/** parallel-functions' cap: more functions at once only split the same invocation and control-plane budget thinner. */
export const MAX_PARALLEL_FUNCTIONS = 20;
/** The app's key when neither key nor stack-name names it. */
export const DEFAULT_APP_KEY = 'app';

/** Where a value came from, so an error about it can say where to fix it. */
type Source =
  | { kind: 'step' }
  | { kind: 'config'; where: string }
  | { kind: 'line'; line: number }
  | { kind: 'fixed'; origin: string };

type Layer = ReadonlyMap<string, { text: string; source: Source }>;

/** Inputs where the layer that gives one of them gives them all: a function's payload-file replaces the step's payload. */
const EXCLUSIVE = [
  ['payload', 'payload-file'],
  ['baseline-function', 'baseline-file', 'baseline-branch'],
] as const;

/** Stand-in names for checking settings whose function is not known yet (stack-name, aggregate without a list). */
const STAND_IN_FUNCTION = 'stack-function';
const STAND_IN_BASELINE = 'stack-baseline-function';

interface Parsed {
  settings: Settings;
  warnings: string[];
}

export function parseAppSettings(read: InputReader, ctx: SettingsContext): { app: AppPlan; warnings: string[] } {
  const inputs = new Inputs(read);
  const mode = inputs.value('mode').trim().toLowerCase();
  const parallelFunctions = checkNumber(
    'parallel-functions',
    inputs.value('parallel-functions'),
    z.int().min(1).max(MAX_PARALLEL_FUNCTIONS),
    '',
    `use a whole number of functions from 1 to ${MAX_PARALLEL_FUNCTIONS} (${DEFAULT_PARALLEL_FUNCTIONS} is the default)`,
  );
  const measureUnchanged = inputs.boolean('measure-unchanged');
  const given = {
    functionName: inputs.isGiven('function-name'),
    functions: inputs.isGiven('functions'),
    configFile: inputs.isGiven('config-file'),
    stackName: inputs.isGiven('stack-name'),
  };
  for (const name of ['baseline-stack-name', 'include-functions', 'exclude-functions'] as const) {
    if (inputs.isGiven(name) && !given.stackName) {
      throw fail(
        name,
        'is only used with stack-name; give stack-name (the stack whose functions to tune), or remove it',
      );
    }
  }

  if (given.functionName) {
    const other = (['functions', 'config-file', 'stack-name'] as const).find((name) => inputs.isGiven(name));
    if (other) {
      throw fail(
        other,
        `conflicts with function-name; give one function in function-name, or every function in ${other === 'config-file' ? "config-file's functions list" : other} and remove function-name`,
      );
    }
    if (mode === 'aggregate') {
      throw fail(
        'function-name',
        "is not used with mode aggregate, which reports an app from its shards; give the shards' functions, config-file or stack-name, or none",
      );
    }
    return oneFunction(read, ctx, inputs, parallelFunctions);
  }

  if (given.functions && given.stackName) {
    throw fail('functions', 'conflicts with stack-name; list the functions in functions, or let stack-name find them');
  }
  if (inputs.isGiven('baseline-function')) {
    throw fail(
      'baseline-function',
      'pairs one function-name with its baseline; with functions write name=baseline on each line, in config-file give each entry a baseline, with stack-name use baseline-stack-name',
    );
  }
  const config = given.configFile ? readConfigFile(inputs.given('config-file'), ctx) : undefined;
  if (config?.functions && given.functions) {
    throw fail(
      'config-file',
      `${config.shown} has a functions list, and the functions input is also given; list the functions in one place`,
    );
  }
  const none = !given.functions && !given.stackName && !config?.functions;
  if (none && mode !== 'aggregate') {
    if (config) {
      throw fail(
        'config-file',
        `${config.shown} has no functions list, and neither functions nor stack-name is given; add functions: with an entry per function (docs/apps.md)`,
      );
    }
    throw fail(
      'function-name',
      'is required; give function-name (one function), functions (one per line), config-file (with a functions list) or stack-name (a CloudFormation stack)',
    );
  }

  const stack = given.stackName ? parseStack(inputs, config) : undefined;
  const appKey = inputs.isGiven('key') ? checkKey(inputs.given('key')) : (stack?.parsed.name ?? DEFAULT_APP_KEY);
  const maker = new SettingsMaker(read, ctx, config);
  const warnings: string[] = [];
  const keep = (parsed: Parsed) => {
    for (const warning of parsed.warnings) if (!warnings.includes(warning)) warnings.push(warning);
    return parsed.settings;
  };

  const listed = stack ? [] : given.functions ? fromLines(inputs.given('functions')) : fromEntries(config);
  checkUnique(listed);
  const functions: AppFunctionSettings[] = listed.map((item) => ({
    key: item.key,
    origin: item.origin,
    settings: keep(maker.make(item.fixed, item.entry, item.origin)),
  }));

  // The settings every function shares: the step's inputs and config-file's defaults, checked for a stand-in
  // function (a stack's functions are not known yet) and for its baseline when a base stack gives each one.
  const region = stack?.parsed.region;
  const standIn = fixedLayer({
    'function-name': listed[0]?.name ?? STAND_IN_FUNCTION,
    key: appKey,
    ...(region ? { region } : {}),
    ...(mode === 'aggregate' && none ? fallbackRegion(inputs, ctx) : {}),
  });
  const shared = blank(keep(withStackRegion(stack?.parsed, () => maker.make(standIn, undefined, undefined))), appKey);
  const overrides = new Map<string, ConfigEntry>();
  if (stack) {
    const withBaseline = (fixed: Record<string, string>) =>
      fixedLayer({
        ...fixed,
        ...(stack.discovery.baselineStackName ? { 'baseline-function': STAND_IN_BASELINE } : {}),
      });
    if (stack.discovery.baselineStackName)
      keep(
        maker.make(
          withBaseline({ 'function-name': STAND_IN_FUNCTION, key: appKey, ...(region ? { region } : {}) }),
          undefined,
          undefined,
        ),
      );
    for (const entry of config?.functions ?? []) {
      const key = entry.key?.text ?? '';
      if (overrides.has(key))
        throw configFail(
          config,
          entry.key,
          `another entry already gives overrides for ${show(key)}; merge the two entries`,
        );
      overrides.set(key, entry);
      keep(
        maker.make(
          withBaseline({ 'function-name': STAND_IN_FUNCTION, key, ...(region ? { region } : {}) }),
          entry,
          `config-file ${entryName(entry)}`,
        ),
      );
    }
  }

  const settingsFor = (found: FoundFunction): AppFunctionSettings => {
    // A listed function is known by its key (aggregate mode looks the shards' functions up by key).
    const known = functions.find((item) => item.key === found.key);
    if (known) return known;
    const origin = stack ? `stack ${stack.parsed.name} ${found.key}` : `results ${found.key}`;
    const entry = overrides.get(found.key);
    const fixed = fixedLayer(
      {
        'function-name': found.functionName,
        key: found.key,
        ...(found.baselineFunction ? { 'baseline-function': found.baselineFunction } : {}),
        ...(region ? { region } : {}),
      },
      origin,
    );
    return { key: found.key, origin, settings: maker.make(fixed, entry, origin).settings };
  };

  return {
    app: {
      kind: 'app',
      key: appKey,
      shared,
      functions,
      ...(stack ? { stack: { ...stack.discovery, overrides: [...overrides.keys()] } } : {}),
      measureUnchanged,
      parallelFunctions,
      settingsFor,
    },
    warnings,
  };
}

/** function-name alone: today's settings, today's key. */
function oneFunction(
  read: InputReader,
  ctx: SettingsContext,
  inputs: Inputs,
  parallelFunctions: number,
): { app: AppPlan; warnings: string[] } {
  const { settings, warnings } = parseSettings(read, ctx);
  for (const name of ['measure-unchanged', 'parallel-functions'] as const) {
    if (inputs.isGiven(name)) {
      warnings.push(
        `Input '${name}': has no effect with function-name alone (one function, always measured); it applies to functions, config-file and stack-name`,
      );
    }
  }
  const only = { key: settings.gate.key, origin: 'function-name', settings };
  return {
    app: {
      kind: 'function',
      key: settings.gate.key,
      shared: settings,
      functions: [only],
      measureUnchanged: true,
      parallelFunctions,
      settingsFor: () => only,
    },
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The functions, as listed

interface Listed {
  key: string;
  origin: string;
  /** The function name as given (name or ARN). */
  name: string;
  parsed: ParsedFunctionName;
  /** Where it was given, for messages: `line 3`, or `.github/lpg.yml functions[2] (line 12)`. */
  place: string;
  /** The same, as a later item's message refers to it (without the file). */
  label: string;
  fixed: Layer;
  entry?: ConfigEntry;
  /** How the duplicate error addresses it. */
  input: 'functions' | 'config-file';
}

/** `functions`: one name[=baseline] a line; blank lines and # comments are ignored. */
function fromLines(text: string): Listed[] {
  const listed: Listed[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const lineFail = (detail: string) => fail('functions', `line ${lineNumber}: ${detail}`);
    const parts = line.split('=').map((part) => part.trim());
    if (parts.length > 2) {
      throw lineFail(
        `${show(line)} has more than one '='; write one function a line as name=baseline-function, e.g. orders-pr=orders-staging`,
      );
    }
    const [name = '', baseline] = parts;
    if (name === '') throw lineFail(`${show(line)} has no function name before '='; write name=baseline-function`);
    if (baseline === '') {
      throw lineFail(
        `${show(line)} has '=' but no baseline function after it; name the baseline (e.g. ${name}=${name}-staging) or remove the '='`,
      );
    }
    const parsed = relabelled(
      () => parseFunctionNameAs('function-name', name, true),
      (detail) => lineFail(detail),
    );
    const source: Source = { kind: 'line', line: lineNumber };
    const fixed = new Map<string, { text: string; source: Source }>([
      ['function-name', { text: name, source }],
      ['key', { text: parsed.name, source }],
    ]);
    if (baseline !== undefined) fixed.set('baseline-function', { text: baseline, source });
    listed.push({
      key: parsed.name,
      origin: `functions line ${lineNumber}`,
      name,
      parsed,
      place: `line ${lineNumber}`,
      label: `line ${lineNumber}`,
      fixed,
      input: 'functions',
    });
  });
  if (listed.length === 0) {
    throw fail(
      'functions',
      'lists no function (only blank lines or comments); give one name[=baseline-function] a line',
    );
  }
  return listed;
}

/** config-file's functions list, without stack-name. */
function fromEntries(config: ConfigFile | undefined): Listed[] {
  if (!config?.functions) return [];
  return config.functions.map((entry) => {
    if (!entry.name) {
      throw configFail(
        config,
        { text: '', where: entry.where },
        'has no name; add name: <function name or ARN> (or, with stack-name, key: <logical id>)',
      );
    }
    const name = entry.name;
    const parsed = relabelled(
      () => parseFunctionNameAs('function-name', name.text, true),
      (detail) => configFail(config, name, detail),
    );
    const key = entry.key ?? { text: parsed.name, where: name.where };
    const fixed = new Map<string, { text: string; source: Source }>([
      ['function-name', { text: name.text, source: { kind: 'config', where: `${config.shown} ${name.where}` } }],
      ['key', { text: key.text, source: { kind: 'config', where: `${config.shown} ${key.where}` } }],
    ]);
    if (entry.baseline) {
      fixed.set('baseline-function', {
        text: entry.baseline.text,
        source: { kind: 'config', where: `${config.shown} ${entry.baseline.where}` },
      });
    }
    return {
      key: key.text,
      origin: `config-file ${entryName(entry)}`,
      name: name.text,
      parsed,
      place: `${config.shown} ${entry.where}`,
      label: entry.where,
      fixed,
      entry,
      input: 'config-file',
    };
  });
}

/** No function twice, no key twice: rows, results and the data branch pair a function with its baseline by key. */
function checkUnique(listed: Listed[]): void {
  const seen = new Map<string, Listed>();
  for (const item of listed) {
    const earlier = [...seen.values()].find((other) => sameFunction(other.parsed, item.parsed));
    if (earlier) {
      throw fail(
        item.input,
        `${item.place}: ${show(item.name)} is the same function as ${earlier.label} (${show(earlier.name)}); list each function once`,
      );
    }
    const clash = seen.get(item.key);
    if (clash) {
      throw fail(
        item.input,
        `${item.place}: key ${show(item.key)} is already the key of ${clash.label} (${show(clash.name)}); ${item.input === 'functions' ? "a line's key is its function name, so list such functions in config-file, each with its own key" : 'give each function its own key'}`,
      );
    }
    seen.set(item.key, item);
  }
}

function sameFunction(a: ParsedFunctionName, b: ParsedFunctionName): boolean {
  const agree = (x: string | undefined, y: string | undefined) => x === undefined || y === undefined || x === y;
  return (
    a.name === b.name &&
    (a.qualifier ?? '') === (b.qualifier ?? '') &&
    agree(a.accountId, b.accountId) &&
    agree(a.region, b.region)
  );
}

// ---------------------------------------------------------------------------------------------------------
// stack-name

function parseStack(
  inputs: Inputs,
  config: ConfigFile | undefined,
): { parsed: ParsedStackName; discovery: StackDiscovery } {
  const parsed = parseStackName('stack-name', inputs.given('stack-name'));
  const base = inputs.isGiven('baseline-stack-name')
    ? parseStackName('baseline-stack-name', inputs.given('baseline-stack-name'))
    : undefined;
  if (base && base.name === parsed.name && (base.region ?? '') === (parsed.region ?? '')) {
    throw fail(
      'baseline-stack-name',
      `${show(base.stackName)} is stack-name itself; give the base branch's own stack (e.g. the staging stack) so the pull request is compared with something else`,
    );
  }
  if (parsed.region && inputs.isGiven('region') && inputs.given('region') !== parsed.region) {
    throw fail(
      'region',
      `${inputs.given('region')} differs from the region in stack-name's ARN (${parsed.region}); leave region empty or set it to ${parsed.region}`,
    );
  }
  for (const entry of config?.functions ?? []) {
    if (entry.name) {
      throw configFail(
        config as ConfigFile,
        entry.name,
        'names a function, but stack-name gives the functions; with stack-name an entry gives overrides to the function of one logical id: write key: <logical id> instead of name',
      );
    }
    if (entry.baseline) {
      throw configFail(
        config as ConfigFile,
        entry.baseline,
        "is not used with stack-name, where each function's baseline is its twin in baseline-stack-name; remove it",
      );
    }
    if (!entry.key) {
      throw configFail(
        config as ConfigFile,
        { text: '', where: entry.where },
        'has no key; with stack-name each entry names the logical id it overrides, e.g. key: OrdersFunction',
      );
    }
    if (!/^[A-Za-z0-9]{1,128}$/.test(entry.key.text)) {
      throw configFail(
        config as ConfigFile,
        entry.key,
        `${show(entry.key.text)} is not a logical id (letters and digits, as in the template's Resources, e.g. OrdersFunction)`,
      );
    }
  }
  const discovery: StackDiscovery = {
    stackName: parsed.stackName,
    ...(base ? { baselineStackName: base.stackName } : {}),
    include: parseLogicalIdGlobs('include-functions', inputs.given('include-functions')),
    exclude: parseLogicalIdGlobs('exclude-functions', inputs.given('exclude-functions')),
  };
  return { parsed, discovery };
}

// ---------------------------------------------------------------------------------------------------------
// Layered inputs

/** Makes one function's Settings from its layers over the step's inputs, with errors and warnings relabelled. */
class SettingsMaker {
  private readonly defaults: Layer;

  constructor(
    private readonly read: InputReader,
    private readonly ctx: SettingsContext,
    private readonly config: ConfigFile | undefined,
  ) {
    this.defaults = config ? configLayer(config, config.defaults) : new Map();
  }

  /** origin: the function, for messages about a step input that fails only for it; undefined for the shared settings. */
  make(fixed: Layer, entry: ConfigEntry | undefined, origin: string | undefined): Parsed {
    const layers = [fixed, ...(entry && this.config ? [configLayer(this.config, entry.inputs)] : []), this.defaults];
    const sourceOf = (name: string): Source => {
      const layer = layerFor(layers, name);
      return layer?.get(name)?.source ?? (layer ? sourceOfGroup(layer, name) : { kind: 'step' });
    };
    const read: InputReader = (name) => {
      const layer = layerFor(layers, name);
      return layer ? (layer.get(name)?.text ?? '') : this.read(name);
    };
    let parsed: Parsed;
    try {
      parsed = parseSettings(read, this.ctx);
    } catch (error) {
      if (error instanceof InputError) throw relabel(error.input, error.message, sourceOf, origin);
      throw error;
    }
    const warnings = parsed.warnings.map((warning) => {
      const input = /^Input '([^']+)': /.exec(warning)?.[1];
      // A step input's warning is the same for every function: said once, as for one function.
      return input && sourceOf(input).kind !== 'step' ? relabel(input, warning, sourceOf, origin).message : warning;
    });
    return { settings: parsed.settings, warnings };
  }
}

/** The highest layer that gives the input, or one of the inputs it excludes; undefined: the step's inputs. */
function layerFor(layers: Layer[], name: string): Layer | undefined {
  const group: readonly string[] = EXCLUSIVE.find((members) => (members as readonly string[]).includes(name)) ?? [name];
  return layers.find((layer) => group.some((member) => layer.has(member)));
}

/** An input hidden by another of its group: blamed on where that other one was given. */
function sourceOfGroup(layer: Layer, name: string): Source {
  const group: readonly string[] = EXCLUSIVE.find((members) => (members as readonly string[]).includes(name)) ?? [name];
  const giver = group.map((member) => layer.get(member)).find((value) => value !== undefined);
  return giver?.source ?? { kind: 'step' };
}

function relabel(
  input: string,
  message: string,
  sourceOf: (name: string) => Source,
  origin: string | undefined,
): InputError {
  const source = sourceOf(input);
  // parseGate says "function-name" for the function; a line or an entry names it otherwise.
  const detail = message
    .replace(/^Input '[^']*': /, '')
    .replace('is function-name itself', source.kind === 'step' ? 'is function-name itself' : 'is the function itself');
  switch (source.kind) {
    case 'config':
      return fail('config-file', `${source.where}: ${detail}`);
    case 'line':
      return fail('functions', `line ${source.line}: ${detail}`);
    case 'fixed':
      return fail(input, `for ${source.origin}: ${detail}`);
    case 'step':
      return origin ? fail(input, `for ${origin}: ${detail}`) : new InputError(input, message);
  }
}

function fixedLayer(values: Record<string, string>, origin = 'the shared settings'): Layer {
  return new Map(
    Object.entries(values).map(([name, text]) => [name, { text, source: { kind: 'fixed', origin } as Source }]),
  );
}

function configLayer(config: ConfigFile, values: ReadonlyMap<string, ConfigValue>): Layer {
  return new Map(
    [...values].map(([name, value]) => [
      name,
      { text: value.text, source: { kind: 'config', where: `${config.shown} ${value.where}` } as Source },
    ]),
  );
}

function configFail(config: ConfigFile | undefined, value: ConfigValue | undefined, detail: string): InputError {
  return fail('config-file', `${config?.shown ?? 'the file'} ${value?.where ?? 'functions'}: ${detail}`);
}

/** `functions[2]` and its key or name, for origins. */
function entryName(entry: ConfigEntry): string {
  const label = entry.key?.text ?? entry.name?.text;
  return `functions[${entry.index}]${label ? ` (${label})` : ''}`;
}

function relabelled<T>(run: () => T, wrap: (detail: string) => InputError): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError) throw wrap(error.message.replace(/^Input '[^']*': /, ''));
    throw error;
  }
}

/**
 * A stack's functions are named by their physical ids, so the region comes from region, the environment or a
 * stack ARN: say that, rather than tuning's "give function-name as a full ARN".
 */
function withStackRegion<T>(stack: ParsedStackName | undefined, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!stack || !(error instanceof InputError) || error.input !== 'region' || !/is required/.test(error.message))
      throw error;
    throw fail(
      'region',
      'is required with stack-name: it is not given, stack-name is not a stack ARN, and neither AWS_REGION nor AWS_DEFAULT_REGION is set; set region (e.g. us-east-1) or give stack-name as the stack ARN',
    );
  }
}

/** The shared settings of an app: the step's, with no function of their own, under the app's key. */
function blank(settings: Settings, appKey: string): Settings {
  const { qualifier: _qualifier, ...tuning } = settings.tuning;
  void _qualifier;
  return { ...settings, tuning: { ...tuning, functionName: '' }, gate: { ...settings.gate, key: appKey } };
}

/** aggregate with no list never calls AWS, so a region is not needed: one that cannot be found is a stand-in. */
function fallbackRegion(inputs: Inputs, ctx: SettingsContext): Record<string, string> {
  const known =
    inputs.isGiven('region') ||
    inputs.isGiven('endpoint') ||
    ctx.env['AWS_REGION']?.trim() ||
    ctx.env['AWS_DEFAULT_REGION']?.trim();
  return known ? {} : { region: 'us-east-1' };
}
