// The Python worker that runs `scoring`, loaded once per page, and the small helpers every widget shares:
// storage that never throws and replies from the worker that are checked before use.
const root = document.documentElement;
let runtime;

/** A problem the visitor can read; `cause` keeps the technical reason for the console. */
export class Problem extends Error {
  constructor(message, cause) {
    super(message);
    this.cause = cause;
  }
}

const PROBE_DELAY = 1500; // ms after the start before the runtime's files are checked
const RUNTIME_FILES = ["pyodide/pyodide.mjs", "pyodide/pyodide.asm.mjs", "pyodide/pyodide.asm.wasm",
  "pyodide/python_stdlib.zip", "scoring.zip", "pyscript/core.js"];

/** Tell the page how far loading is: 1 checking files, 2 starting PyScript, 3 starting Python. */
function step(number) {
  document.dispatchEvent(new CustomEvent("runtime-step", { detail: number }));
}

async function load(holder) {
  const base = new URL(holder.dataset.runtimeBase, location.href);
  root.dataset.runtime = "loading";
  step(1);
  // A worker whose files cannot load never reports back, so every file is checked beside the start and a watchdog
  // covers the rest. The checks wait a moment: a good start is then well under way and its downloads do not queue
  // behind seven checks, while a blocked file is still reported within seconds.
  const files = [...RUNTIME_FILES.map((f) => new URL(f, base)), new URL(holder.dataset.worker, location.href)];
  let settled = false;
  const blocked = new Promise((wait) => setTimeout(wait, PROBE_DELAY))
    .then(() => settled || Promise.all(files.map(async (url) => {
      const probe = await fetch(url, { method: "HEAD" });
      if (!probe.ok) throw new Error(`runtime file ${url.pathname} answered ${probe.status}`);
    })))
    .then(() => new Promise(() => {})); // all files answer: only the start decides
  const started = (async () => {
    step(2);
    const { PyWorker } = await import(new URL("pyscript/core.js", base).href);
    step(3);
    return PyWorker(new URL(holder.dataset.worker, location.href).href, {
      version: new URL("pyodide/pyodide.mjs", base).href,
      config: { files: { [new URL("scoring.zip", base).href]: "./*" }, sync_main_only: true },
    });
  })();
  const watchdog = new Promise((_, fail) => setTimeout(() => fail(new Error("runtime timeout")), 120000));
  try {
    return (await Promise.race([started, blocked, watchdog])).sync;
  } catch (error) {
    // the start may fail later too, once the race is decided: say so in the console, not as an unhandled error
    started.catch((late) => console.warn("runtime start failed after an earlier failure", late));
    throw error;
  } finally {
    settled = true; // checks that have not begun yet are not needed any more
  }
}

/** Start (or reuse) the worker; resolves to its exported functions. A failure may be retried. */
export function startRuntime(holder) {
  runtime ??= load(holder).then((sync) => {
    root.dataset.runtime = "ready";
    step(4);
    return sync;
  }, (error) => {
    root.dataset.runtime = "failed";
    runtime = undefined; // the next call tries again
    throw error;
  });
  return runtime;
}

/** Call a worker function and check that its reply is the JSON object it promises. */
export async function call(holder, name, ...args) {
  const sync = await startRuntime(holder);
  const text = await sync[name](...args);
  let reply;
  try {
    reply = JSON.parse(text);
  } catch (error) {
    throw new Problem("", new Error(`worker ${name} replied with text that is not JSON: ${String(text).slice(0, 80)}`,
      { cause: error }));
  }
  if (!reply || typeof reply !== "object" || typeof reply.ok !== "boolean") {
    throw new Problem("", new Error(`worker ${name} replied without 'ok': ${String(text).slice(0, 80)}`));
  }
  return reply;
}

/** localStorage that reports instead of throwing: a value, or the reason it could not be read. */
export const storage = {
  read(key) {
    let text;
    try {
      text = localStorage.getItem(key);
    } catch (error) {
      return { value: null, error };
    }
    if (text === null) return { value: null };
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      return { value: null, error };
    }
  },
  write(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      console.warn(`could not save ${key}`, error);
      return false;
    }
  },
  remove(key) {
    try {
      localStorage.removeItem(key);
    } catch (error) {
      console.warn(`could not remove ${key}`, error);
    }
  },
};

/** decodeURIComponent that gives null for text that is not valid percent-encoding. */
export function decodeText(text) {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    console.warn("text is not valid percent-encoding", error);
    return null; // the caller reports the broken text to the visitor
  }
}

export const el = (tag, props = {}, ...kids) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...kids);
  return node;
};

export const svgEl = (tag, attrs, ...kids) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const k in attrs) node.setAttribute(k, attrs[k]);
  node.append(...kids);
  return node;
};

/** Text of a message template inside `scope`, with {name} placeholders filled in. */
export function message(scope, name, values = {}) {
  const tpl = scope.querySelector(`template[data-msg="${name}"]`);
  const text = tpl ? tpl.innerHTML.trim() : name;
  return text.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
}

const LIST = new Intl.ListFormat(root.lang === "en" ? "en-GB" : "nl-NL", { type: "conjunction" });

/** The visitor's text of an error the worker reported: the page's wording of its code (template "err-<code>"),
 * values filled in (lists as the page's language writes them, a reason by its template "err-reason-<word>");
 * the worker's own message when the page has no wording for the code. */
export function errorText(scope, reply) {
  const code = typeof reply?.code === "string" ? reply.code : "";
  if (!code || !scope.querySelector(`template[data-msg="err-${CSS.escape(code)}"]`)) return String(reply?.message || "");
  const values = {};
  for (const [key, value] of Object.entries(reply.values && typeof reply.values === "object" ? reply.values : {})) {
    values[key] = Array.isArray(value) ? LIST.format(value.map(String))
      : key === "reason" ? message(scope, `err-reason-${value}`) : String(value);
  }
  return message(scope, `err-${code}`, values);
}

/** Show `text` in a live status element (empty text hides it). */
export function say(node, text, error = false) {
  if (!node) return;
  node.textContent = text || "";
  node.classList.toggle("error", !!error);
}

/** Log a problem's cause for whoever opens the console; the visitor reads the message on the page. */
export function logCause(context, error) {
  console.warn(context, error?.cause ?? error);
}
