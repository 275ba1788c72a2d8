import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import "./chunk-TZQBYUD2.js";
import {
  COPY_TAGS,
  controlPlaneFor,
  copyName,
  deleteCopy,
  recoverAbandonedCopies
} from "./chunk-F4NQXO7Q.js";
import {
  GetFunctionCommand,
  SETTLE,
  _ep0,
  _mw0,
  command,
  isAlreadyExists,
  isoSeconds,
  waiterFailure
} from "./chunk-XCIHNFG2.js";
import "./chunk-YQ5HGVKP.js";
import {
  InputError,
  messageOf
} from "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import {
  CreateFunction$,
  GetLayerVersionByArn$
} from "./chunk-UFSOI34G.js";
import {
  withRetry
} from "./chunk-CPWGUBW5.js";
import {
  WaiterState,
  checkExceptions,
  createWaiter
} from "./chunk-EMDC3MXH.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";

// node_modules/@aws-sdk/client-lambda/dist-es/commands/CreateFunctionCommand.js
var CreateFunctionCommand = class extends command(_ep0, _mw0, "CreateFunction", CreateFunction$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/GetLayerVersionByArnCommand.js
var GetLayerVersionByArnCommand = class extends command(_ep0, _mw0, "GetLayerVersionByArn", GetLayerVersionByArn$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/waiters/waitForFunctionActiveV2.js
var checkState = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new GetFunctionCommand(input));
    reason = result;
    try {
      const returnComparator = () => {
        return result.Configuration.State;
      };
      if (returnComparator() === "Active") {
        return { state: WaiterState.SUCCESS, reason };
      }
    } catch (e) {
    }
    try {
      const returnComparator = () => {
        return result.Configuration.State;
      };
      if (returnComparator() === "Failed") {
        return { state: WaiterState.FAILURE, reason };
      }
    } catch (e) {
    }
    try {
      const returnComparator = () => {
        return result.Configuration.State;
      };
      if (returnComparator() === "Pending") {
        return { state: WaiterState.RETRY, reason };
      }
    } catch (e) {
    }
  } catch (exception) {
    reason = exception;
  }
  return { state: WaiterState.RETRY, reason };
};
var waitUntilFunctionActiveV2 = async (params, input) => {
  const serviceDefaults = { minDelay: 1, maxDelay: 300 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState);
  return checkExceptions(result);
};

// node_modules/fflate/esm/index.mjs
import { createRequire } from "module";
var require2 = createRequire("/");
var _a;
var Worker;
var isMarkedAsUntransferable;
try {
  _a = require2("worker_threads"), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable;
} catch (e) {
}
var u8 = Uint8Array;
var u16 = Uint16Array;
var i32 = Int32Array;
var fleb = new u8([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
  /* unused */
  0,
  0,
  /* impossible */
  0
]);
var fdeb = new u8([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
  /* unused */
  0,
  0
]);
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var freb = function(eb, start) {
  var b = new u16(31);
  for (var i2 = 0; i2 < 31; ++i2) {
    b[i2] = start += 1 << eb[i2 - 1];
  }
  var r = new i32(b[30]);
  for (var i2 = 1; i2 < 30; ++i2) {
    for (var j = b[i2]; j < b[i2 + 1]; ++j) {
      r[j] = j - b[i2] << 5 | i2;
    }
  }
  return { b, r };
};
var _a = freb(fleb, 2);
var fl = _a.b;
var revfl = _a.r;
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0);
var fd = _b.b;
var revfd = _b.r;
var rev = new u16(32768);
for (i = 0; i < 32768; ++i) {
  x = (i & 43690) >> 1 | (i & 21845) << 1;
  x = (x & 52428) >> 2 | (x & 13107) << 2;
  x = (x & 61680) >> 4 | (x & 3855) << 4;
  rev[i] = ((x & 65280) >> 8 | (x & 255) << 8) >> 1;
}
var x;
var i;
var hMap = (function(cd, mb2, r) {
  var s = cd.length;
  var i2 = 0;
  var l = new u16(mb2);
  for (; i2 < s; ++i2) {
    if (cd[i2])
      ++l[cd[i2] - 1];
  }
  var le = new u16(mb2);
  for (i2 = 1; i2 < mb2; ++i2) {
    le[i2] = le[i2 - 1] + l[i2 - 1] << 1;
  }
  var co;
  if (r) {
    co = new u16(1 << mb2);
    var rvb = 15 - mb2;
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        var sv = i2 << 4 | cd[i2];
        var r_1 = mb2 - cd[i2];
        var v = le[cd[i2] - 1]++ << r_1;
        for (var m = v | (1 << r_1) - 1; v <= m; ++v) {
          co[rev[v] >> rvb] = sv;
        }
      }
    }
  } else {
    co = new u16(s);
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        co[i2] = rev[le[cd[i2] - 1]++] >> 15 - cd[i2];
      }
    }
  }
  return co;
});
var flt = new u8(288);
for (i = 0; i < 144; ++i)
  flt[i] = 8;
var i;
for (i = 144; i < 256; ++i)
  flt[i] = 9;
var i;
for (i = 256; i < 280; ++i)
  flt[i] = 7;
var i;
for (i = 280; i < 288; ++i)
  flt[i] = 8;
var i;
var fdt = new u8(32);
for (i = 0; i < 32; ++i)
  fdt[i] = 5;
var i;
var flrm = /* @__PURE__ */ hMap(flt, 9, 1);
var fdrm = /* @__PURE__ */ hMap(fdt, 5, 1);
var max = function(a) {
  var m = a[0];
  for (var i2 = 1; i2 < a.length; ++i2) {
    if (a[i2] > m)
      m = a[i2];
  }
  return m;
};
var bits = function(d, p, m) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8) >> (p & 7) & m;
};
var bits16 = function(d, p) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7);
};
var shft = function(p) {
  return (p + 7) / 8 | 0;
};
var slc = function(v, s, e) {
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  return new u8(v.subarray(s, e));
};
var ec = [
  "unexpected EOF",
  "invalid block type",
  "invalid length/literal",
  "invalid distance",
  "stream finished",
  "no stream handler",
  ,
  // determined by compression function
  "no callback",
  "invalid UTF-8 data",
  "extra field too long",
  "date not in range 1980-2099",
  "filename too long",
  "stream finishing",
  "invalid zip data"
  // determined by unknown compression method
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var inflt = function(dat, st, buf, dict) {
  var sl = dat.length, dl = dict ? dict.length : 0;
  if (!sl || st.f && !st.l)
    return buf || new u8(0);
  var noBuf = !buf;
  var resize = noBuf || st.i != 2;
  var noSt = st.i;
  if (noBuf)
    buf = new u8(sl * 3);
  var cbuf = function(l2) {
    var bl = buf.length;
    if (l2 > bl) {
      var nbuf = new u8(Math.max(bl * 2, l2));
      nbuf.set(buf);
      buf = nbuf;
    }
  };
  var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
  var tbts = sl * 8;
  do {
    if (!lm) {
      final = bits(dat, pos, 1);
      var type = bits(dat, pos + 1, 3);
      pos += 3;
      if (!type) {
        var s = shft(pos) + 4, l = dat[s - 4] | dat[s - 3] << 8, t = s + l;
        if (t > sl) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + l);
        buf.set(dat.subarray(s, t), bt);
        st.b = bt += l, st.p = pos = t * 8, st.f = final;
        continue;
      } else if (type == 1)
        lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
      else if (type == 2) {
        var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
        var tl = hLit + bits(dat, pos + 5, 31) + 1;
        pos += 14;
        var ldt = new u8(tl);
        var clt = new u8(19);
        for (var i2 = 0; i2 < hcLen; ++i2) {
          clt[clim[i2]] = bits(dat, pos + i2 * 3, 7);
        }
        pos += hcLen * 3;
        var clb = max(clt), clbmsk = (1 << clb) - 1;
        var clm = hMap(clt, clb, 1);
        for (var i2 = 0; i2 < tl; ) {
          var r = clm[bits(dat, pos, clbmsk)];
          pos += r & 15;
          var s = r >> 4;
          if (s < 16) {
            ldt[i2++] = s;
          } else {
            var c = 0, n = 0;
            if (s == 16)
              n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i2 - 1];
            else if (s == 17)
              n = 3 + bits(dat, pos, 7), pos += 3;
            else if (s == 18)
              n = 11 + bits(dat, pos, 127), pos += 7;
            while (n--)
              ldt[i2++] = c;
          }
        }
        var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
        lbt = max(lt);
        dbt = max(dt);
        lm = hMap(lt, lbt, 1);
        dm = hMap(dt, dbt, 1);
      } else
        err(1);
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
    }
    if (resize)
      cbuf(bt + 131072);
    var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
    var lpos = pos;
    for (; ; lpos = pos) {
      var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
      pos += c & 15;
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
      if (!c)
        err(2);
      if (sym < 256)
        buf[bt++] = sym;
      else if (sym == 256) {
        lpos = pos, lm = null;
        break;
      } else {
        var add = sym - 254;
        if (sym > 264) {
          var i2 = sym - 257, b = fleb[i2];
          add = bits(dat, pos, (1 << b) - 1) + fl[i2];
          pos += b;
        }
        var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
        if (!d)
          err(3);
        pos += d & 15;
        var dt = fd[dsym];
        if (dsym > 3) {
          var b = fdeb[dsym];
          dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
        }
        if (pos > tbts) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + 131072);
        var end = bt + add;
        if (bt < dt) {
          var shift = dl - dt, dend = Math.min(dt, end);
          if (shift + bt < 0)
            err(3);
          for (; bt < dend; ++bt)
            buf[bt] = dict[shift + bt];
        }
        for (; bt < end; ++bt)
          buf[bt] = buf[bt - dt];
      }
    }
    st.l = lm, st.p = lpos, st.b = bt, st.f = final;
    if (lm)
      final = 1, st.m = lbt, st.d = dm, st.n = dbt;
  } while (!final);
  return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
var et = /* @__PURE__ */ new u8(0);
var b2 = function(d, b) {
  return d[b] | d[b + 1] << 8;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var b8 = function(d, b) {
  return b4(d, b) + b4(d, b + 4) * 4294967296;
};
function inflateSync(data, opts) {
  return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et, { stream: true });
  tds = 1;
} catch (e) {
}
var dutf8 = function(d) {
  for (var r = "", i2 = 0; ; ) {
    var c = d[i2++];
    var eb = (c > 127) + (c > 223) + (c > 239);
    if (i2 + eb > d.length)
      return { s: r, r: slc(d, i2 - 1) };
    if (!eb)
      r += String.fromCharCode(c);
    else if (eb == 3) {
      c = ((c & 15) << 18 | (d[i2++] & 63) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63) - 65536, r += String.fromCharCode(55296 | c >> 10, 56320 | c & 1023);
    } else if (eb & 1)
      r += String.fromCharCode((c & 31) << 6 | d[i2++] & 63);
    else
      r += String.fromCharCode((c & 15) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63);
  }
};
function strFromU8(dat, latin1) {
  if (latin1) {
    var r = "";
    for (var i2 = 0; i2 < dat.length; i2 += 16384)
      r += String.fromCharCode.apply(null, dat.subarray(i2, i2 + 16384));
    return r;
  } else if (td) {
    return td.decode(dat);
  } else {
    var _a2 = dutf8(dat), s = _a2.s, r = _a2.r;
    if (r.length)
      err(8);
    return s;
  }
}
var slzh = function(d, b) {
  return b + 30 + b2(d, b + 26) + b2(d, b + 28);
};
var zh = function(d, b, z) {
  var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
  var _a2 = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a2[0], su = _a2[1], off = _a2[2];
  return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
};
var z64hs = function(d, b, l, z, sc, su, off) {
  var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
  var nf = nsc + nsu + noff;
  if (z && nf) {
    for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
      if (b2(d, b) == 1) {
        return [
          nsc ? b8(d, b + 4 + 8 * nsu) : sc,
          nsu ? b8(d, b + 4) : su,
          noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
          1
        ];
      }
    }
    if (z < 2)
      err(13);
  }
  return [sc, su, off, 0];
};
function unzipSync(data, opts) {
  var files = {};
  var e = data.length - 22;
  for (; b4(data, e) != 101010256; --e) {
    if (!e || data.length - e > 65558)
      err(13);
  }
  ;
  var c = b2(data, e + 8);
  if (!c)
    return {};
  var o = b4(data, e + 16);
  var z = b4(data, e - 20) == 117853008;
  if (z) {
    var ze = b4(data, e - 12);
    z = b4(data, ze) == 101075792;
    if (z) {
      c = b4(data, ze + 32);
      o = b4(data, ze + 48);
    }
  }
  var fltr = opts && opts.filter;
  for (var i2 = 0; i2 < c; ++i2) {
    var _a2 = zh(data, o, z), c_2 = _a2[0], sc = _a2[1], su = _a2[2], fn = _a2[3], no = _a2[4], off = _a2[5], b = slzh(data, off);
    o = no;
    if (!fltr || fltr({
      name: fn,
      size: sc,
      originalSize: su,
      compression: c_2
    })) {
      if (!c_2)
        files[fn] = slc(data, b, b + sc);
      else if (c_2 == 8)
        files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
      else
        err(14, "unknown compression type " + c_2);
    }
  }
  return files;
}

// src/tuning/arch-copy-package.ts
var MAX_DIRECT_UPLOAD_BYTES = 50 * 1024 * 1024;
function nativeFiles(entryNames2) {
  return entryNames2.filter(
    (name) => /\.node$/i.test(name) || /\.so(\.\d+)*$/i.test(name) || /(^|\/)node_modules\/(@[^/]+\/)?([^/]*-)?linux-(x64|arm64)(-gnu|-musl)?\/./.test(name)
  );
}
async function download(location, options, refuse) {
  if (!location) throw refuse("GetFunction gave no Code.Location to download its package from");
  let url;
  try {
    url = new URL(location);
  } catch {
    throw refuse("its Code.Location is not a URL");
  }
  const emulator = options.endpoint ? new URL(options.endpoint).origin : void 0;
  if (url.protocol !== "https:" && url.origin !== emulator)
    throw refuse(`its Code.Location is not an HTTPS link (${url.protocol})`);
  const fetchFn = options.fetch ?? globalThis.fetch;
  const where = `${url.origin}${url.pathname}`;
  const response = await withRetry(
    async () => {
      let answer;
      try {
        answer = await fetchFn(url, options.signal ? { signal: options.signal } : {});
      } catch (error) {
        throw new DownloadError(`Downloading the package of the function from ${where} failed: ${messageOf(error)}`, {
          retry: true,
          cause: error
        });
      }
      if (!answer.ok)
        throw new DownloadError(`Downloading the package of the function from ${where} failed: HTTP ${answer.status}`, {
          retry: answer.status >= 500
        });
      return answer;
    },
    {
      attempts: 3,
      baseDelayMs: 500,
      maxDelayMs: 4e3,
      sleep: options.sleep ?? realSleep,
      ...options.signal ? { signal: options.signal } : {},
      ...options.random ? { random: options.random } : {},
      shouldRetry: (error) => error instanceof DownloadError && error.retry
    }
  );
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > MAX_DIRECT_UPLOAD_BYTES) throw refuse(`its package is ${mb(declared)} zipped, over 50 MB`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_DIRECT_UPLOAD_BYTES) throw refuse(`its package is ${mb(bytes.length)} zipped, over 50 MB`);
  return bytes;
}
var DownloadError = class extends Error {
  name = "DownloadError";
  retry;
  constructor(message, options) {
    super(message, options.cause === void 0 ? {} : { cause: options.cause });
    this.retry = options.retry;
  }
};
function entryNames(zip) {
  const names = [];
  unzipSync(zip, {
    filter: (file) => {
      names.push(file.name);
      return false;
    }
  });
  return names;
}
var mb = (bytes) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

// src/tuning/arch-copy.ts
var CopyRefusedError = class extends Error {
  name = "CopyRefusedError";
};
var swept = /* @__PURE__ */ new Set();
var wayOut = (architecture) => `deploy an ${architecture} build of the function yourself and name it in compare-function`;
async function makeArchitectureCopy(client, source, wanted, options) {
  const { logger, signal } = options;
  const api = controlPlaneFor(client, source, options);
  const found = await api.send("GetFunction", new GetFunctionCommand({ FunctionName: source }), signal);
  const config = found.Configuration ?? {};
  const sourceName = config.FunctionName ?? source;
  const shown = inertText(sourceName);
  const own = config.Architectures?.[0] ?? "x86_64";
  const architecture = wanted === "other" ? own === "arm64" ? "x86_64" : "arm64" : wanted;
  const refuse = (why) => new CopyRefusedError(`Cannot make an ${architecture} copy of ${shown}: ${why}; ${wayOut(architecture)}`);
  if (config.PackageType === "Image" || found.Code?.ImageUri !== void 0)
    throw refuse("it is a container image (PackageType Image), and only a .zip function can be copied");
  if (own === architecture) throw new Error(`${sourceName} already runs on ${architecture}: there is nothing to copy`);
  if ((config.Runtime ?? "").startsWith("provided"))
    throw refuse(`it runs an OS-only runtime (${inertText(config.Runtime ?? "")}) whose bootstrap is a native binary`);
  if ((config.CodeSize ?? 0) > MAX_DIRECT_UPLOAD_BYTES)
    throw refuse(
      `its package is ${mb(config.CodeSize ?? 0)} zipped, over the 50 MB Lambda takes as a direct upload (a copy through S3 is not built)`
    );
  await checkLayers(api, config, architecture, refuse, signal);
  const zip = await download(found.Code?.Location, options, refuse);
  let names;
  try {
    names = entryNames(zip);
  } catch (error) {
    throw refuse(`its package could not be read as a .zip (${inertText(messageOf(error))})`);
  }
  const native = nativeFiles(names);
  if (native.length > 0) {
    const listed = native.slice(0, 3).map((name) => inertText(name, 120));
    throw refuse(
      `its package holds native code built for ${own} (${listed.join(", ")}${native.length > 3 ? `, and ${native.length - 3} more` : ""})`
    );
  }
  if (options.sweepLeftovers !== false && !swept.has(options.runId)) {
    swept.add(options.runId);
    await recoverAbandonedCopies(client, options.runId, (options.now ?? Date.now)(), options);
  }
  const functionName = copyName(options.runId, architecture, sourceName);
  const input = createInput(config, functionName, architecture, zip, options);
  options.onCreating?.({ functionName });
  const copyApi = controlPlaneFor(client, functionName, options);
  const dispose = disposer(copyApi, functionName, logger);
  let functionArn;
  try {
    try {
      const created = await copyApi.send("CreateFunction", new CreateFunctionCommand(input), signal, SETTLE);
      functionArn = created.FunctionArn ?? functionName;
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const existing = await copyApi.send(
        "GetFunction",
        new GetFunctionCommand({ FunctionName: functionName }),
        signal
      );
      if (existing.Tags?.[COPY_TAGS.runId] !== void 0 && existing.Tags[COPY_TAGS.runId] !== options.runId)
        throw error;
      functionArn = existing.Configuration?.FunctionArn ?? functionName;
    }
    await waitUntilActive(client, functionName, options);
  } catch (error) {
    await dispose().catch(
      (cleanup) => logger.warning(`Could not delete the copy ${functionName} after a failure: ${messageOf(cleanup)}`)
    );
    throw error;
  }
  logger.info(`Made ${functionName}, an ${architecture} copy of ${shown} (${mb(zip.length)} package), Active`);
  return { functionName, functionArn, architecture, dispose };
}
async function checkLayers(api, config, architecture, refuse, signal) {
  for (const layer of config.Layers ?? []) {
    const arn = layer.Arn ?? "";
    let compatible;
    try {
      const version = await api.send("GetLayerVersion", new GetLayerVersionByArnCommand({ Arn: arn }), signal);
      compatible = version.CompatibleArchitectures ?? [];
    } catch (error) {
      throw refuse(`its layer ${inertText(arn)} could not be read (${inertText(messageOf(error))})`);
    }
    if (!compatible.includes(architecture))
      throw refuse(
        compatible.length === 0 ? `its layer ${inertText(arn)} declares no compatible architectures, so nothing says it runs on ${architecture}` : `its layer ${inertText(arn)} is built for ${compatible.join(", ")} only`
      );
  }
}
function createInput(config, functionName, architecture, zip, options) {
  const sourceName = config.FunctionName ?? "";
  const logging = config.LoggingConfig;
  const logGroup = logging?.LogGroup !== void 0 && logging.LogGroup !== `/aws/lambda/${sourceName}` ? logging.LogGroup : void 0;
  const vpc = config.VpcConfig;
  return {
    FunctionName: functionName,
    Role: config.Role,
    Handler: config.Handler,
    Runtime: config.Runtime,
    Code: { ZipFile: zip },
    PackageType: "Zip",
    Architectures: [architecture],
    Description: `lambda-power-gate ${options.runId}: ${architecture} copy of ${sourceName}`,
    Timeout: config.Timeout,
    MemorySize: config.MemorySize,
    Publish: false,
    ...config.Environment?.Variables ? { Environment: { Variables: { ...config.Environment.Variables } } } : {},
    ...config.Layers && config.Layers.length > 0 ? { Layers: config.Layers.map((layer) => layer.Arn ?? "").filter((arn) => arn !== "") } : {},
    ...config.EphemeralStorage?.Size !== void 0 ? { EphemeralStorage: { Size: config.EphemeralStorage.Size } } : {},
    ...logging ? {
      LoggingConfig: {
        ...logging.LogFormat ? { LogFormat: logging.LogFormat } : {},
        ...logging.ApplicationLogLevel ? { ApplicationLogLevel: logging.ApplicationLogLevel } : {},
        ...logging.SystemLogLevel ? { SystemLogLevel: logging.SystemLogLevel } : {},
        ...logGroup ? { LogGroup: logGroup } : {}
      }
    } : {},
    ...config.TracingConfig?.Mode ? { TracingConfig: { Mode: config.TracingConfig.Mode } } : {},
    ...vpc?.SubnetIds && vpc.SubnetIds.length > 0 ? {
      VpcConfig: {
        SubnetIds: [...vpc.SubnetIds],
        SecurityGroupIds: [...vpc.SecurityGroupIds ?? []],
        ...vpc.Ipv6AllowedForDualStack !== void 0 ? { Ipv6AllowedForDualStack: vpc.Ipv6AllowedForDualStack } : {}
      }
    } : {},
    ...config.FileSystemConfigs && config.FileSystemConfigs.length > 0 ? { FileSystemConfigs: config.FileSystemConfigs.map((fs) => ({ ...fs })) } : {},
    ...config.KMSKeyArn ? { KMSKeyArn: config.KMSKeyArn } : {},
    ...config.SnapStart?.ApplyOn === "PublishedVersions" ? { SnapStart: { ApplyOn: "PublishedVersions" } } : {},
    Tags: {
      [COPY_TAGS.copyOf]: config.FunctionArn ?? sourceName,
      [COPY_TAGS.runId]: options.runId,
      [COPY_TAGS.until]: isoSeconds(options.deadlineMs)
    }
  };
}
async function waitUntilActive(client, functionName, options) {
  const minDelay = options.waiterMinDelaySec ?? 1;
  try {
    await waitUntilFunctionActiveV2(
      {
        client,
        minDelay,
        maxDelay: minDelay * 2,
        maxWaitTime: options.waiterMaxWaitSec ?? 300,
        ...options.signal ? { abortSignal: options.signal } : {}
      },
      { FunctionName: functionName }
    );
  } catch (error) {
    const failed = waiterFailure(error);
    throw new Error(
      `The copy ${functionName} did not become Active: ${failed !== void 0 ? inertText(failed) : messageOf(error)}`,
      { cause: error }
    );
  }
}
function disposer(api, functionName, logger) {
  let done = false;
  return async (signal) => {
    if (done) return;
    await deleteCopy(api, functionName, signal);
    done = true;
    logger.info(`Deleted the copy ${functionName}`);
  };
}

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
  try {
    const made = await makeArchitectureCopy(client, settings.functionName, "other", {
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
