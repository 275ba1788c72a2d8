import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  glob
} from "./chunk-4CXX3GKR.js";
import {
  require_dist
} from "./chunk-AQSXUJKW.js";
import "./chunk-N3JZZGTO.js";
import {
  actionLog
} from "./chunk-MOY3PVIV.js";
import "./chunk-BW7SGPVE.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  codeSpan,
  escapeMarkdown,
  formatMemory,
  formatUnsignedPct
} from "./chunk-F67DHOCG.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import {
  __toESM
} from "./chunk-URRKCZFK.js";

// src/iac/diff.ts
function rightSideLines(patch) {
  const lines = /* @__PURE__ */ new Map();
  if (!patch) return lines;
  let right = 0;
  let inHunk = false;
  const rows = patch.replace(/\n$/, "").split("\n");
  for (const row of rows) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (hunk) {
      right = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const sign = row[0];
    if (sign === "+" || sign === " ") {
      lines.set(right, row.slice(1).replace(/\r$/, ""));
      right++;
    } else if (sign === "\\" || sign === "-") {
    } else if (row === "") {
      lines.set(right, "");
      right++;
    }
  }
  return lines;
}

// src/iac/declarations.ts
var FORMAT_NAMES = {
  cloudformation: "SAM/CloudFormation",
  serverless: "Serverless Framework",
  terraform: "Terraform",
  cdk: "CDK (TypeScript)"
};
var LAMBDA_DEFAULT_MEMORY_MB = 128;
var literalPattern = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
function digitsWithin(text, start, end) {
  const match = /\d+/.exec(text.slice(start, end));
  return match ? { start: start + match.index, end: start + match.index + match[0].length } : void 0;
}
function memoryValue(lineText, line, start, end) {
  const text = lineText.slice(start, end);
  const unquoted = text.replace(/^(["'])(.*)\1$/, "$2").trim();
  if (/^[1-9]\d{0,5}$/.test(unquoted)) {
    const digits = digitsWithin(lineText, start, end);
    if (digits) return { line, lineText, start: digits.start, end: digits.end, memoryMb: Number(unquoted), text };
  }
  return { line, lineText, start, end, text };
}
function literalNumber(node) {
  if (typeof node !== "object" || node === null) return false;
  const { tag, value } = node;
  if (tag !== void 0 && tag !== null) return false;
  return typeof value === "number" && Number.isInteger(value) || typeof value === "string" && /^[1-9]\d*$/.test(value);
}

// src/iac/match.ts
var SUFFIX = "[A-Za-z0-9]{8,}";
var CDK_HASH = "[0-9A-F]{8}";
function strength(decl, fn) {
  const id = decl.identity;
  const test = (pattern, text) => new RegExp(`^(?:${pattern})$`).test(text);
  if (id.functionName !== void 0)
    return id.functionName === fn.functionName ? { level: 2, by: "its name" } : { level: 0, by: "" };
  if (fn.logicalId !== void 0 && id.logicalId === fn.logicalId) return { level: 2, by: "its logical id" };
  if (fn.logicalId !== void 0 && id.constructId !== void 0) {
    const cdk = `[A-Za-z0-9]*${literalPattern(alphanumeric(id.constructId))}${CDK_HASH}`;
    if (test(cdk, fn.logicalId)) return { level: 1, by: "CDK's logical id for its construct id" };
  }
  if (id.namePattern !== void 0)
    return test(id.namePattern, fn.functionName) ? { level: 1, by: "its naming rule" } : { level: 0, by: "" };
  if (id.nameExpression !== void 0) return { level: 0, by: "" };
  if (id.logicalId !== void 0 && test(`.+-${literalPattern(id.logicalId)}-${SUFFIX}`, fn.functionName))
    return { level: 1, by: "CloudFormation's name for its logical id" };
  if (id.constructId !== void 0) {
    const cdk = `.+-[A-Za-z0-9]*${literalPattern(alphanumeric(id.constructId))}${CDK_HASH}-${SUFFIX}`;
    if (test(cdk, fn.functionName)) return { level: 1, by: "CloudFormation's name for its CDK construct" };
  }
  return { level: 0, by: "" };
}
var alphanumeric = (text) => text.replace(/[^A-Za-z0-9]/g, "");
function matchFunction(declarations, fn) {
  const scored = declarations.map((declaration) => ({ declaration, ...strength(declaration, fn) }));
  for (const level of [2, 1]) {
    const at = scored.filter((entry) => entry.level === level);
    const [first] = at;
    if (at.length === 1 && first) return { kind: "found", declaration: first.declaration, by: first.by };
    if (at.length > 1)
      return { kind: "ambiguous", candidates: at.map((entry) => entry.declaration), by: first?.by ?? "" };
  }
  const unreadable = declarations.filter(
    (decl) => decl.identity.functionName === void 0 && decl.identity.nameExpression !== void 0 && !decl.identity.namePattern
  );
  return { kind: "none", unreadable };
}

// src/iac/propose.ts
var HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
function propose(declarations, fn, recommendedMb) {
  const match = matchFunction(declarations, fn);
  if (match.kind === "ambiguous") return { kind: "ambiguous", candidates: match.candidates };
  if (match.kind === "none") return { kind: "not-found", unreadable: match.unreadable };
  const declaration = match.declaration;
  const memory = declaration.memory;
  switch (memory.kind) {
    case "default":
      return { kind: "not-set", declaration, defaultMb: memory.defaultMb };
    case "unknown":
      return { kind: "unknown", declaration, why: memory.why };
    case "shared":
      if (memory.sharedWith.length > 0)
        return { kind: "shared", declaration, value: memory.value, where: memory.where, sharedWith: memory.sharedWith };
      return changeOf(declaration, memory.value, recommendedMb, memory.where);
    case "own":
      return changeOf(declaration, memory.value, recommendedMb);
  }
}
function changeOf(declaration, value, recommendedMb, sharedSetting) {
  if (value.memoryMb === void 0) return { kind: "expression", declaration, value };
  if (value.memoryMb === recommendedMb) return { kind: "already", declaration, value };
  if (HIDDEN.test(value.lineText)) return { kind: "unknown", declaration, why: "its line holds hidden characters" };
  const newLineText = value.lineText.slice(0, value.start) + String(recommendedMb) + value.lineText.slice(value.end);
  return { kind: "change", declaration, value, newLineText, ...sharedSetting ? { sharedSetting } : {} };
}

// src/iac/render.ts
function suggestionMarker(key, headSha) {
  return `<!-- lambda-power-gate iac key=${encodeURIComponent(key)} sha=${headSha.toLowerCase()} -->`;
}
var MARKER = /^<!-- lambda-power-gate iac key=(\S+) sha=([0-9a-f]{7,40}) -->/;
function parseSuggestionMarker(body) {
  const found = MARKER.exec(body ?? "");
  if (!found) return null;
  try {
    return { key: decodeURIComponent(found[1] ?? ""), sha: found[2] ?? "" };
  } catch {
    return null;
  }
}
function whyText(why) {
  const change = why.savingPct >= 0 ? `${formatUnsignedPct(why.savingPct)} less per month` : `${formatUnsignedPct(-why.savingPct)} more per month`;
  return `${codeSpan(why.key)} at ${formatMemory(why.recommendedMb)} instead of ${formatMemory(why.currentMb)}: ${change} (strategy ${why.strategy})`;
}
function reviewCommentBody(why, proposal, headSha) {
  const longest = Math.max(2, ...Array.from(proposal.newLineText.matchAll(/`+/g), (match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  const differs = proposal.value.memoryMb !== void 0 && proposal.value.memoryMb !== why.currentMb ? ` The file says ${formatMemory(proposal.value.memoryMb)}; the function measured runs with ${formatMemory(why.currentMb)}.` : "";
  const shared = proposal.sharedSetting ? ` This is ${proposal.sharedSetting}, which only ${codeSpan(proposal.declaration.label)} in this file inherits.` : "";
  return [
    suggestionMarker(why.key, headSha),
    `**lambda-power-gate:** ${whyText(why)}, measured on ${headSha.slice(0, 7)}.${shared}${differs}`,
    "",
    `${fence}suggestion`,
    proposal.newLineText,
    fence
  ].join("\n");
}
var place = (file, line) => `${codeSpan(file)} line ${line}`;
var declared = (decl) => `${codeSpan(decl.label)} (${place(decl.file, decl.line)})`;
var settingName = (decl) => decl.format === "cloudformation" ? "MemorySize" : decl.format === "terraform" ? "memory_size" : "memorySize";
function proposalLine({ why, proposal, delivery }) {
  const head = `- ${whyText(why)}. `;
  const target = formatMemory(why.recommendedMb);
  switch (proposal.kind) {
    case "change": {
      const where = `${place(proposal.declaration.file, proposal.value.line)} (${codeSpan(proposal.declaration.label)}, ${FORMAT_NAMES[proposal.declaration.format]})`;
      if (delivery?.kind === "posted") return `${head}Suggested in [a review comment](${delivery.url}) on ${where}.`;
      return `${head}Change ${codeSpan(proposal.value.text)} to ${why.recommendedMb} in ${where}${delivery?.kind === "hint" ? `; ${escapeMarkdown(delivery.why)}` : ""}.`;
    }
    case "already":
      return `${head}${place(proposal.declaration.file, proposal.value.line)} already sets ${target} for ${codeSpan(proposal.declaration.label)}: deploy it.`;
    case "expression":
      return `${head}Not changed: ${settingName(proposal.declaration)} of ${declared(proposal.declaration)} is ${codeSpan(proposal.value.text)} at line ${proposal.value.line}, not a number; set ${target} where its value is given.`;
    case "shared":
      return `${head}Not changed: its memory comes from ${codeSpan(proposal.where)} (${place(proposal.declaration.file, proposal.value.line)}), which ${proposal.sharedWith.map((label) => codeSpan(label)).join(", ")} inherit${proposal.sharedWith.length === 1 ? "s" : ""} too; set ${settingName(proposal.declaration)} to ${why.recommendedMb} on ${declared(proposal.declaration)} itself.`;
    case "not-set":
      return `${head}${declared(proposal.declaration)} sets no ${settingName(proposal.declaration)} (the default, ${formatMemory(proposal.defaultMb)}, applies): add ${settingName(proposal.declaration)} ${why.recommendedMb} there.`;
    case "unknown":
      return `${head}Not changed: the memory of ${declared(proposal.declaration)} cannot be read from the code (${proposal.why}).`;
    case "ambiguous":
      return `${head}Not changed: ${proposal.candidates.length} declarations could be this function (${proposal.candidates.slice(0, 5).map(declared).join(", ")}), and the code does not tell which.`;
    case "not-found":
      return `${head}Not changed: no SAM/CloudFormation, Serverless, Terraform or CDK declaration in the repository names ${codeSpan(why.functionName)}${proposal.unreadable.length > 0 ? ` (${proposal.unreadable.length} set${proposal.unreadable.length === 1 ? "s" : ""} its name by an expression: ${proposal.unreadable.slice(0, 3).map(declared).join(", ")})` : ""}.`;
  }
}
function iacSection(lines) {
  if (lines.length === 0) return "";
  return ["### Memory in the infrastructure code", "", ...lines.map(proposalLine)].join("\n");
}

// src/iac/scan.ts
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";

// src/iac/mask.ts
function maskCode(text, language) {
  const out = text.split("");
  const blank = (from, to) => {
    for (let i2 = from; i2 < to; i2++) if (out[i2] !== "\n" && out[i2] !== "\r") out[i2] = " ";
  };
  const quotes = language === "hcl" ? ['"'] : ['"', "'", "`"];
  let i = 0;
  const n = text.length;
  const interpolations = [];
  let depth = 0;
  const skipString = (quote) => {
    const start = i;
    while (i < n) {
      const c = text[i];
      if (c === "\\") {
        i += 2;
        continue;
      }
      if (c === quote) {
        blank(start, i);
        i++;
        return;
      }
      if (c === "\n" && quote !== "`" && language === "typescript") break;
      if (c === "$" && text[i + 1] === "{" && (language === "hcl" || quote === "`")) {
        blank(start, i);
        interpolations.push({ quote, depth });
        i += 2;
        depth++;
        return;
      }
      i++;
    }
    blank(start, i);
  };
  while (i < n) {
    const c = text[i] ?? "";
    const next = text[i + 1];
    if (c === "/" && next === "/" || language === "hcl" && c === "#") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (language === "hcl" && c === "<" && next === "<") {
      const heredoc = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      if (heredoc) {
        const marker = heredoc[1] ?? "";
        const bodyStart = i + heredoc[0].length;
        const close = new RegExp(`^[ \\t]*${marker}[ \\t]*$`, "m");
        const rest = text.slice(bodyStart);
        const found = close.exec(rest);
        const stop = found ? bodyStart + found.index + found[0].length : n;
        blank(bodyStart, stop);
        i = stop;
        continue;
      }
    }
    if (quotes.includes(c)) {
      i++;
      skipString(c);
      continue;
    }
    if (c === "{") depth++;
    if (c === "}") {
      depth--;
      const open = interpolations.at(-1);
      if (open && open.depth === depth) {
        interpolations.pop();
        i++;
        skipString(open.quote);
        continue;
      }
    }
    i++;
  }
  return out.join("");
}
function closingBrace(masked, open) {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    const c = masked[i];
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
function positionOf(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  return { line, col: offset - lineStart };
}
function topLevelMask(masked, open, close) {
  let depth = 0;
  let out = "";
  for (let i = open + 1; i < close; i++) {
    const c = masked[i] ?? "";
    if (c === "{" || c === "[" || c === "(") depth++;
    out += depth === 0 || c === "\n" ? c : " ";
    if (c === "}" || c === "]" || c === ")") depth--;
  }
  return out;
}

// src/iac/cdk.ts
function mayBeCdk(text) {
  return /aws-lambda|aws-cdk-lib|@aws-cdk\//.test(text) && /Function\s*\(/.test(text);
}
function readCdk(file, text) {
  if (!mayBeCdk(text)) return [];
  const masked = maskCode(text, "typescript");
  const lines = text.split("\n");
  const found = [];
  const constructs = /\bnew\s+([\w.]*Function)\s*\(\s*[\w.]+\s*,\s*(['"`])[ ]*\2\s*,\s*/g;
  for (let match = constructs.exec(masked); match; match = constructs.exec(masked)) {
    const className = match[1] ?? "";
    const source = text.slice(match.index, match.index + match[0].length);
    const id = /,\s*(['"`])(.*?)\1\s*,\s*$/.exec(source)?.[2];
    if (!id || /\$\{/.test(id)) continue;
    const start = positionOf(text, match.index);
    const afterArgs = match.index + match[0].length;
    const base = {
      format: "cdk",
      file,
      label: `new ${className}(this, '${id}')`,
      line: start.line
    };
    if (masked[afterArgs] !== "{") {
      const props = /^[\w.]+/.exec(masked.slice(afterArgs))?.[0] ?? "a variable";
      found.push({
        ...base,
        identity: { constructId: id },
        memory: { kind: "unknown", why: `its props are given as ${props}` }
      });
      continue;
    }
    const close = closingBrace(masked, afterArgs);
    if (close === -1) continue;
    const body = topLevelMask(masked, afterArgs, close);
    const property = (name2) => {
      const hit = new RegExp(`(^|[\\s,{])${name2}\\s*:\\s*`).exec(body);
      if (!hit) return void 0;
      const valueStart = afterArgs + 1 + hit.index + hit[0].length;
      const { line, col } = positionOf(text, valueStart);
      const lineText = (lines[line - 1] ?? "").replace(/\r$/, "");
      const maskedLine = masked.split("\n")[line - 1] ?? "";
      let end = col;
      let level = 0;
      for (; end < maskedLine.length; end++) {
        const c = maskedLine[end] ?? "";
        if ("([{".includes(c)) level++;
        else if (")]}".includes(c)) {
          if (level === 0) break;
          level--;
        } else if (c === "," && level === 0) break;
        else if (c === "/" && (maskedLine[end + 1] === "/" || maskedLine[end + 1] === "*")) break;
      }
      const value = lineText.slice(col, end).replace(/\s+$/, "");
      return { line, col, value, lineText };
    };
    const memory = property("memorySize");
    const name = property("functionName");
    const spread = /\.\.\.\s*[\w.]+/.exec(body)?.[0];
    const shorthand = new RegExp(`(^|[\\s,{])memorySize\\s*(,|$)`, "m").test(body);
    found.push({
      ...base,
      identity: { constructId: id, ...name ? nameIdentity(name.value) : {} },
      memory: memory ? {
        kind: "own",
        value: memoryValue(memory.lineText, memory.line, memory.col, memory.col + memory.value.length)
      } : shorthand ? { kind: "unknown", why: "memorySize is given by a variable of the same name" } : spread ? { kind: "unknown", why: `its props spread ${spread.slice(3).trim()}, which may set memorySize` } : { kind: "default", defaultMb: LAMBDA_DEFAULT_MEMORY_MB }
    });
  }
  return found;
}
function nameIdentity(value) {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  if (quoted) return { functionName: quoted[2] ?? "" };
  return { nameExpression: value };
}

// src/iac/cloudformation.ts
var import_yaml = __toESM(require_dist(), 1);
var FUNCTION_TYPES = /* @__PURE__ */ new Set(["AWS::Lambda::Function", "AWS::Serverless::Function"]);
function mayBeTemplate(text) {
  return text.includes("AWS::Lambda::Function") || text.includes("AWS::Serverless::Function");
}
function readTemplate(file, text) {
  if (!mayBeTemplate(text)) return [];
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0 || !(0, import_yaml.isMap)(doc.contents)) return [];
  const lines = text.split(/\r?\n/);
  const at = (node) => {
    const range = node.range;
    if (!range) return void 0;
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1]);
    if (start.line !== end.line) return void 0;
    const lineText = lines[start.line - 1] ?? "";
    const value = memoryValue(lineText, start.line, start.col - 1, end.col - 1);
    return literalNumber(node) ? value : { ...value, memoryMb: void 0 };
  };
  const resources = doc.contents.get("Resources", true);
  if (!(0, import_yaml.isMap)(resources)) return [];
  const globalMemoryNode = mapAt(doc.contents, "Globals", "Function")?.get("MemorySize", true);
  const globalMemory = globalMemoryNode ? at(globalMemoryNode) : void 0;
  const found = [];
  for (const pair of resources.items) {
    const logicalId = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : void 0;
    const resource = pair.value;
    if (!logicalId || !(0, import_yaml.isMap)(resource)) continue;
    const type = resource.get("Type");
    if (typeof type !== "string" || !FUNCTION_TYPES.has(type)) continue;
    const properties = resource.get("Properties", true);
    const props = (0, import_yaml.isMap)(properties) ? properties : void 0;
    const line = pair.key && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : 1;
    const nameNode = props?.get("FunctionName", true);
    const memoryNode = props?.get("MemorySize", true);
    const serverless = type === "AWS::Serverless::Function";
    const own = memoryNode ? at(memoryNode) : void 0;
    found.push({
      format: "cloudformation",
      file,
      label: `Resources.${logicalId}`,
      line,
      identity: { logicalId, ...nameIdentity2(nameNode) },
      memory: own ? { kind: "own", value: own } : memoryNode ? { kind: "unknown", why: `its MemorySize spans several lines` } : serverless && globalMemory ? { kind: "shared", value: globalMemory, where: "Globals.Function.MemorySize", sharedWith: [] } : { kind: "default", defaultMb: LAMBDA_DEFAULT_MEMORY_MB },
      serverless
    });
  }
  const inheriting = found.filter((decl) => decl.memory.kind === "shared");
  for (const decl of inheriting)
    if (decl.memory.kind === "shared")
      decl.memory.sharedWith = inheriting.filter((other) => other !== decl).map((other) => other.label);
  return found.map(({ serverless: _serverless, ...decl }) => decl);
}
function mapAt(map, ...keys) {
  let current = map;
  for (const key of keys) {
    if (!(0, import_yaml.isMap)(current)) return void 0;
    current = current.get(key, true);
  }
  return (0, import_yaml.isMap)(current) ? current : void 0;
}
function nameIdentity2(node) {
  if (!node) return {};
  if ((0, import_yaml.isScalar)(node) && typeof node.value === "string") {
    if (!node.tag) return { functionName: node.value };
    if (node.tag === "!Sub") return subPattern(node.value);
    return { nameExpression: `${node.tag} ${node.value}` };
  }
  if ((0, import_yaml.isMap)(node)) {
    const sub = node.get("Fn::Sub");
    if (typeof sub === "string") return subPattern(sub);
    return { nameExpression: "an intrinsic function" };
  }
  return { nameExpression: (0, import_yaml.isScalar)(node) && node.tag ? String(node.tag) : "an expression" };
}
function subPattern(text) {
  if (!text.includes("${")) return { functionName: text };
  const pattern = text.split(/\$\{[^}]*\}/).map(literalPattern).join(".+");
  return { namePattern: pattern, nameExpression: `!Sub ${text}` };
}

// src/iac/serverless.ts
var import_yaml2 = __toESM(require_dist(), 1);
function isServerlessFile(path) {
  return /(^|\/)serverless(\.[\w-]+)?\.ya?ml$/.test(path);
}
function readServerless(file, text) {
  const lineCounter = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0 || !(0, import_yaml2.isMap)(doc.contents)) return [];
  const lines = text.split(/\r?\n/);
  const at = (node) => {
    if (!node.range) return void 0;
    const start = lineCounter.linePos(node.range[0]);
    const end = lineCounter.linePos(node.range[1]);
    if (start.line !== end.line) return void 0;
    const value = memoryValue(lines[start.line - 1] ?? "", start.line, start.col - 1, end.col - 1);
    return literalNumber(node) ? value : { ...value, memoryMb: void 0 };
  };
  const functions = doc.contents.get("functions", true);
  if (!(0, import_yaml2.isMap)(functions)) return [];
  const serviceNode = doc.contents.get("service", true);
  const serviceText = (0, import_yaml2.isMap)(serviceNode) ? serviceNode.get("name") : (0, import_yaml2.isScalar)(serviceNode) ? serviceNode.value : null;
  const service = typeof serviceText === "string" ? serviceText : void 0;
  const provider = doc.contents.get("provider", true);
  const providerMemoryNode = (0, import_yaml2.isMap)(provider) ? provider.get("memorySize", true) : void 0;
  const providerMemory = providerMemoryNode ? at(providerMemoryNode) : void 0;
  const found = [];
  for (const pair of functions.items) {
    const key = (0, import_yaml2.isScalar)(pair.key) ? String(pair.key.value) : void 0;
    if (!key || !(0, import_yaml2.isMap)(pair.value)) continue;
    const entry = pair.value;
    const keyNode = pair.key;
    const line = keyNode.range ? lineCounter.linePos(keyNode.range[0]).line : 1;
    const name = entry.get("name");
    const memoryNode = entry.get("memorySize", true);
    const own = memoryNode ? at(memoryNode) : void 0;
    found.push({
      format: "serverless",
      file,
      label: `functions.${key}`,
      line,
      identity: typeof name === "string" ? nameOf(name) : defaultName(service, key),
      memory: own ? { kind: "own", value: own } : memoryNode ? { kind: "unknown", why: "its memorySize spans several lines" } : providerMemory ? { kind: "shared", value: providerMemory, where: "provider.memorySize", sharedWith: [] } : {
        kind: "unknown",
        why: "nothing sets memorySize, so the Framework's default applies (its version decides)"
      }
    });
  }
  const inheriting = found.filter((decl) => decl.memory.kind === "shared");
  for (const decl of inheriting)
    if (decl.memory.kind === "shared")
      decl.memory.sharedWith = inheriting.filter((other) => other !== decl).map((other) => other.label);
  return found;
}
var VARIABLE = /\$\{[^}]*\}/;
function nameOf(text) {
  if (!VARIABLE.test(text)) return { functionName: text };
  return { namePattern: variablePattern(text), nameExpression: text };
}
function defaultName(service, key) {
  if (service === void 0) return { nameExpression: "the service name is not given" };
  return { namePattern: `${variablePattern(service)}-.+-${literalPattern(key)}` };
}
function variablePattern(text) {
  return text.split(/\$\{[^}]*\}/).map(literalPattern).join(".+");
}

// src/iac/terraform.ts
function mayBeTerraform(text) {
  return text.includes("aws_lambda_function");
}
function readTerraform(file, text) {
  if (!mayBeTerraform(text)) return [];
  const masked = maskCode(text, "hcl");
  const lines = text.split("\n");
  const found = [];
  const blocks = /(^|\n)[ \t]*resource[ \t]+"[ ]*"[ \t]+"[ ]*"[ \t]*\{/g;
  for (let match = blocks.exec(masked); match; match = blocks.exec(masked)) {
    const header = text.slice(match.index, match.index + match[0].length);
    const labels = /resource[ \t]+"([^"]*)"[ \t]+"([^"]*)"/.exec(header);
    if (!labels || labels[1] !== "aws_lambda_function") continue;
    const open = match.index + match[0].length - 1;
    const close = closingBrace(masked, open);
    if (close === -1) continue;
    const body = topLevelMask(masked, open, close);
    const attribute = (name2) => {
      const found2 = new RegExp(`(^|\\n)[ \\t]*${name2}[ \\t]*=[ \\t]*`).exec(body);
      if (!found2) return void 0;
      const valueStart = open + 1 + found2.index + found2[0].length;
      const { line, col } = positionOf(text, valueStart);
      const lineText = (lines[line - 1] ?? "").replace(/\r$/, "");
      const maskedRest = (masked.split("\n")[line - 1] ?? "").replace(/\r$/, "").slice(col);
      const value = lineText.slice(col, col + maskedRest.trimEnd().length);
      return { line, col, value, lineText };
    };
    const name = attribute("function_name");
    const memory = attribute("memory_size");
    const startLine = positionOf(text, match.index + (match[1] ?? "").length).line;
    found.push({
      format: "terraform",
      file,
      label: `aws_lambda_function.${labels[2]}`,
      line: startLine,
      identity: name ? nameIdentity3(name.value) : { nameExpression: "no function_name" },
      memory: memory ? {
        kind: "own",
        value: memoryValue(memory.lineText, memory.line, memory.col, memory.col + memory.value.length)
      } : { kind: "default", defaultMb: LAMBDA_DEFAULT_MEMORY_MB }
    });
  }
  return found;
}
function nameIdentity3(value) {
  const quoted = /^"(.*)"$/.exec(value);
  if (!quoted) return { nameExpression: value };
  const text = quoted[1] ?? "";
  if (!text.includes("${")) return { functionName: text };
  return {
    namePattern: text.split(/\$\{[^}]*\}/).map(literalPattern).join(".+"),
    nameExpression: value
  };
}

// src/iac/scan.ts
var MAX_FILES = 5e3;
var MAX_FILE_BYTES = 1024 * 1024;
var PATTERNS = ["**/*.{yaml,yml,json,template,tf,ts}"];
var IGNORED = [
  "**/node_modules/**",
  "**/.git/**",
  "**/.aws-sam/**",
  "**/cdk.out/**",
  "**/.serverless/**",
  "**/.terraform/**",
  "**/*.d.ts",
  "**/package.json",
  "**/package-lock.json",
  "**/tsconfig*.json"
];
async function scanWorkspace(workspace, read = boundedRead) {
  const files = (await glob(PATTERNS, { cwd: workspace, ignore: IGNORED, dot: false, followSymbolicLinks: false, onlyFiles: true })).sort();
  const truncated = files.length > MAX_FILES;
  const declarations = [];
  let filesRead = 0;
  for (const file of files.slice(0, MAX_FILES)) {
    const text = read(join(workspace, file));
    if (text === null) continue;
    filesRead++;
    declarations.push(...readFile(file, text));
  }
  return { declarations, filesRead, truncated };
}
function readFile(file, text) {
  try {
    if (file.endsWith(".tf")) return readTerraform(file, text);
    if (file.endsWith(".ts")) return readCdk(file, text);
    if (isServerlessFile(file)) return readServerless(file, text);
    return readTemplate(file, text);
  } catch {
    return [];
  }
}
function boundedRead(path) {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return null;
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

// src/action/iac.ts
async function worthSuggesting(outcomes, minSavingPct) {
  const { savingPct } = await import("./model-MOZRVEMD.js");
  return outcomes.flatMap((outcome) => {
    const result = outcome.result;
    const rec = result?.recommendation;
    if (outcome.status !== "measured" || !result || result.dryRun || !rec) return [];
    if (rec.memoryMb === result.current.memoryMb) return [];
    const saving = savingPct(result);
    if (saving === null || Math.abs(saving) < minSavingPct) return [];
    return [
      {
        key: outcome.key,
        functionName: result.function.name,
        currentMb: result.current.memoryMb,
        recommendedMb: rec.memoryMb,
        strategy: rec.strategy,
        savingPct: saving
      }
    ];
  });
}
async function suggestInCode(outcomes, options) {
  const log = options.log ?? actionLog;
  const min = options.settings.report.suggestMinSavingPct;
  if (min === void 0) return "";
  try {
    const whys = await worthSuggesting(outcomes, min);
    if (whys.length === 0) return "";
    const scan = await (options.scan ?? scanWorkspace)(options.workspace);
    log.info(
      `IaC: ${scan.declarations.length} function declaration${scan.declarations.length === 1 ? "" : "s"} in ${scan.filesRead} files read${scan.truncated ? " (the first 5000 files only)" : ""}.`
    );
    const lines = whys.map((why) => ({
      why,
      proposal: propose(scan.declarations, tunedFunction(why, options.keysAreLogicalIds), why.recommendedMb)
    }));
    const changes = lines.filter((line) => line.proposal.kind === "change");
    if (changes.length > 0) await deliver(changes, options, log);
    return iacSection(lines);
  } catch (error) {
    log.warning(`IaC suggestions skipped: ${inertText(messageOf(error), 300)}`);
    return "";
  }
}
function tunedFunction(why, keysAreLogicalIds) {
  return { functionName: why.functionName, ...keysAreLogicalIds ? { logicalId: why.key } : {} };
}
async function deliver(changes, options, log) {
  const { context } = options;
  const hint = (why) => ({ kind: "hint", why });
  const pull = context.pullRequest;
  const token = options.settings.report.githubToken;
  const blocked = pull === void 0 || !context.headSha || !context.repository ? "not a pull request run, so no suggestion was posted" : context.fork ? "a fork's token cannot post review comments" : !token && !options.api ? "no github-token to post a suggestion" : options.settings.report.commentMode === "off" ? "comment-mode is off, so no suggestion was posted" : void 0;
  if (blocked !== void 0 || pull === void 0 || !context.headSha || !context.repository) {
    for (const line of changes) line.delivery = hint(blocked ?? "no suggestion posted");
    return;
  }
  const headSha = context.headSha;
  const { owner, repo } = context.repository;
  const api = options.api ?? await octokit(token ?? "", options.env);
  let files;
  let earlier;
  try {
    files = await api.paginate(api.rest.pulls.listFiles, { owner, repo, pull_number: pull, per_page: 100 });
    earlier = await api.paginate(api.rest.pulls.listReviewComments, { owner, repo, pull_number: pull, per_page: 100 });
  } catch (error) {
    const why = `the pull request's files could not be read (${inertText(messageOf(error), 200)})`;
    log.warning(`IaC suggestions: ${why}; the comment names the lines instead.`);
    for (const line of changes) line.delivery = hint(why);
    return;
  }
  const patches = new Map(files.map((file) => [file.filename, file.patch]));
  for (const line of changes) {
    const proposal = line.proposal;
    const path = proposal.declaration.file;
    const lineNo = proposal.value.line;
    if (!patches.has(path)) {
      line.delivery = hint("this pull request does not change that file, so no suggestion was posted");
      continue;
    }
    const inDiff = rightSideLines(patches.get(path));
    const diffText = inDiff.get(lineNo);
    if (diffText === void 0) {
      line.delivery = hint("that line is not in this pull request's diff, so no suggestion was posted");
      continue;
    }
    if (diffText !== proposal.value.lineText) {
      line.delivery = hint("the checked-out line differs from the pull request head's, so no suggestion was posted");
      continue;
    }
    const mine = earlier.find((comment) => {
      const marker = parseSuggestionMarker(comment.body);
      const bot = comment.user?.type === "Bot" || (comment.user?.login ?? "").endsWith("[bot]");
      return bot && marker?.key === line.why.key && marker.sha === headSha.toLowerCase() && comment.path === path;
    });
    if (mine) {
      line.delivery = { kind: "posted", url: mine.html_url, reused: true };
      log.info(
        `IaC: the suggestion for ${inertText(line.why.key, 64)} on ${headSha.slice(0, 7)} is posted already: ${mine.html_url}`
      );
      continue;
    }
    try {
      const { data } = await api.rest.pulls.createReviewComment({
        owner,
        repo,
        pull_number: pull,
        body: reviewCommentBody(line.why, proposal, headSha),
        commit_id: headSha,
        path,
        line: lineNo,
        side: "RIGHT"
      });
      line.delivery = { kind: "posted", url: data.html_url, reused: false };
      log.info(
        `IaC: suggested ${line.why.recommendedMb} MB for ${inertText(line.why.key, 64)} at ${inertText(path, 200)}:${lineNo}: ${data.html_url}`
      );
    } catch (error) {
      const status = error.status;
      const why = `the review comment could not be posted (${inertText(messageOf(error), 200)})${status === 403 ? " \u2014 the workflow needs `permissions: pull-requests: write`" : ""}`;
      log.warning(`IaC suggestions: ${why}; the comment names the line instead.`);
      line.delivery = hint(why);
    }
  }
}
async function octokit(token, env) {
  const { getOctokit } = await import("./github-ADO4NBSA.js");
  return getOctokit(token, env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {});
}
var IAC_SECTION_BEFORE = [
  "\n#### \u{1F4C8} Trend",
  "\n#### Each function",
  "\n[\u{1F4C8} Chart",
  "\n<details><summary>Full statistics"
];
function withIacSection(markdown, section) {
  if (section === "") return markdown;
  const anchors = IAC_SECTION_BEFORE.map((anchor) => markdown.indexOf(anchor)).filter((index) => index >= 0);
  const at = anchors.length > 0 ? Math.min(...anchors) : markdown.indexOf("\n<details>");
  if (at < 0) return `${markdown.replace(/\n+$/, "")}

${section}
`;
  return `${markdown.slice(0, at)}
${section}
${markdown.slice(at)}`;
}
export {
  suggestInCode,
  withIacSection,
  worthSuggesting
};
