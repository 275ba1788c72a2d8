import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  CopyRefusedError,
  makeArchitectureCopy
} from "./chunk-VQANUANI.js";
import {
  GetFunctionConfigurationCommand
} from "./chunk-6XCFET7M.js";
import "./chunk-YQ5HGVKP.js";
import {
  InputError
} from "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-FTQIWBND.js";
import "./chunk-UFSOI34G.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";

// src/gate/arch-run.ts
async function otherArchitecture(settings, copy) {
  if (settings.compareFunction !== void 0)
    return {
      functionName: settings.compareFunction,
      source: "compare-function",
      input: "compare-function",
      dispose: async () => void 0
    };
  const { client, onCreating, ...options } = copy;
  const config = await client.send(
    new GetFunctionConfigurationCommand({ FunctionName: settings.functionName }),
    options.signal ? { abortSignal: options.signal } : {}
  );
  const other = config.Architectures?.[0] === "arm64" ? "x86_64" : "arm64";
  try {
    const made = await makeArchitectureCopy(client, settings.functionName, other, {
      ...options,
      ...onCreating ? { onCreating: ({ functionName }) => onCreating({ functionName, region: settings.region }) } : {}
    });
    return {
      functionName: made.functionName,
      source: "copy",
      input: "architectures",
      dispose: () => made.dispose()
    };
  } catch (error) {
    if (error instanceof CopyRefusedError)
      throw new InputError("architectures", `Input 'architectures': ${error.message}`);
    throw error;
  }
}
function otherArchitectureSettings(settings, functionName) {
  const {
    qualifier: _qualifier,
    autoOptimizeAlias: _alias,
    compareFunction: _compare,
    architectures: _architectures,
    ...rest
  } = settings;
  return { ...rest, functionName, autoOptimize: false };
}
function otherArchitectureSubject(settings, other) {
  return {
    settings: otherArchitectureSettings(settings, other.functionName),
    label: "other architecture",
    otherArchitectureOf: { input: other.input }
  };
}
export {
  otherArchitecture,
  otherArchitectureSettings,
  otherArchitectureSubject
};
