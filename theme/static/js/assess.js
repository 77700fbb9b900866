// Self-assessment glue: reads the form, asks the Python worker (scoring) for the result, shows it. No scoring
// here: every number comes from the worker. Answers live in localStorage only.
const root = document.documentElement; let runtime;
const sections = [...document.querySelectorAll("section.assessment")];
const msg = (sec, name) => sec.querySelector(`template[data-msg="${name}"]`).innerHTML.trim();
const store = { get: (k) => JSON.parse(localStorage.getItem(k) || "null"), set: (k, v) => localStorage.setItem(k, JSON.stringify(v)) };
const el = (tag, props = {}, ...kids) => { const node = Object.assign(document.createElement(tag), props); node.append(...kids); return node; };
const svgEl = (tag, attrs) => { const node = document.createElementNS("http://www.w3.org/2000/svg", tag); for (const k in attrs) node.setAttribute(k, attrs[k]); return node; };

function startRuntime() {
  const base = new URL(sections[0].dataset.runtimeBase, location.href);
  runtime ??= (async () => {
    root.dataset.runtime = "loading";
    // A worker whose wasm cannot load never reports back, so check the file first and keep a watchdog.
    const probe = await fetch(new URL("pyodide/pyodide.asm.wasm", base), { method: "HEAD" });
    if (!probe.ok) throw new Error(`runtime ${probe.status}`);
    const { PyWorker } = await import(new URL("pyscript/core.js", base).href);
    const worker = PyWorker(new URL(sections[0].dataset.worker, location.href).href, {
      version: new URL("pyodide/pyodide.mjs", base).href,
      config: { files: { [new URL("scoring.zip", base).href]: "./*" }, sync_main_only: true },
    });
    const watchdog = new Promise((_, fail) => setTimeout(() => fail(new Error("runtime timeout")), 120000));
    return (await Promise.race([worker, watchdog])).sync;
  })().then((sync) => { root.dataset.runtime = "ready"; return sync; }, (error) => {
    root.dataset.runtime = "failed";
    sections.forEach((s) => status(s, msg(s, "failed"), true));
    throw error;
  });
  return runtime;
}

const status = (sec, text, error = false) =>
  Object.assign(sec.querySelector("[data-status]"), { textContent: text, hidden: !text, className: error ? "status error" : "status" });

const answersOf = (form) => Object.fromEntries(new FormData(form));
function fill(form, answers) {
  form.reset();
  for (const [q, o] of Object.entries(answers || {})) [...form.elements].forEach((node) => { if (node.name === q && node.value === o) node.checked = true; });
  const p = form.querySelector("[data-progress]");
  p.textContent = p.dataset.template.replace("{done}", Object.keys(answersOf(form)).length).replace("{total}", form.querySelectorAll("fieldset").length);
}

async function show(sec, form, out, { shared = false, explicit = false } = {}) {
  const answers = answersOf(form);
  if (!explicit && Object.keys(answers).length < form.querySelectorAll("fieldset").length) return;
  const sync = await startRuntime();
  const reply = JSON.parse(await sync.evaluate(form.dataset.assessment, JSON.stringify(answers)));
  form.querySelectorAll("fieldset.missing").forEach((f) => f.classList.remove("missing"));
  if (!reply.ok) {
    out.dataset.state = "error";
    delete out.dataset.overall;
    out.replaceChildren(el("p", { className: "status error", textContent: reply.message }));
    reply.questions.forEach((q) => form.querySelector(`fieldset[data-question="${q}"]`)?.classList.add("missing"));
    form.querySelector("fieldset.missing input")?.focus();
    return;
  }
  const key = `smm:result:${form.dataset.assessment}`;
  const before = store.get(key);
  if (!shared && before?.share !== reply.share) store.set(key, { overall: reply.result.overall, share: reply.share, previous: before?.overall ?? null });
  render(sec, form, out, reply, shared ? null : store.get(key).previous);
  if (explicit) out.focus();
}

function render(sec, form, out, reply, previous) {
  const [r, names, urls] = [reply.result, JSON.parse(form.dataset.dimensions), JSON.parse(form.dataset.models)];
  const site = new URL(sec.dataset.site, location.href);
  const view = sec.querySelector('template[data-tpl="result"]').content.cloneNode(true);
  const [field, list] = ["field", "list"].map((kind) => (name) => view.querySelector(`[data-${kind}="${name}"]`));
  field("overall").textContent = r.overall.toFixed(1);
  if (previous !== null && previous !== undefined) {
    const delta = r.overall - previous;
    Object.assign(field("change"), { hidden: false, textContent: msg(sec, "change").replace("{delta}", `${delta >= 0 ? "+" : ""}${delta.toFixed(1)}`) });
  }
  const dims = Object.entries(r.dimensions);
  const chart = svgEl("svg", { viewBox: `0 0 420 ${dims.length * 28}`, "aria-hidden": "true" });
  dims.forEach(([id, score], i) => {
    list("dimensions").append(el("tr", {}, el("th", { scope: "row", textContent: names[id] || id }), el("td", { textContent: score.toFixed(1) })));
    for (const [cls, w] of [["track", 400], ["bar", 4 * score]]) chart.append(svgEl("rect", { class: cls, x: 10, y: i * 28 + 4, width: Math.max(w, 1), height: 20, rx: 3 }));
  });
  field("chart").append(chart);
  const links = (slugs) => slugs.flatMap((slug) => [" ", el("a", { href: new URL(urls[slug][0], site).href, textContent: urls[slug][1] })]);
  for (const p of r.placements) {
    const link = el("a", { href: new URL(`${urls[p.model][0]}#element-${p.element}`, site).href, textContent: `${p.model_title}: ${p.label}` });
    const f = p.figure;
    list("placements").append(el("li", {}, link, el("p", { textContent: [p.meaning, p.next].filter(Boolean).join(" ") }),
      ...(f ? [el("p", {}, `${f.value} ${f.text} `, el("a", { href: f.source.url, textContent: `${f.source.title}${f.source.year ? `, ${f.source.year}` : ""}` }))] : []),
      ...(p.related ? [el("p", {}, p.related.text, ...links(p.related.models))] : [])));
  }
  for (const step of r.next_steps) list("next_steps").append(el("li", {}, `${names[step.dimension] || step.dimension}: ${step.text}`, ...links(step.models)));
  field("next-head").hidden = !r.next_steps.length;
  view.querySelector('[data-action="share"]').addEventListener("click", () => {
    const url = new URL(location.href);
    url.hash = `${form.dataset.assessment}=${reply.share}`;
    out.querySelector('[data-field="share"]').hidden = false;
    Object.assign(out.querySelector('[data-field="share-url"]'), { value: url.href }).select();
    status(sec, msg(sec, "copied"));
  });
  view.querySelector('[data-action="print"]').addEventListener("click", () => window.print());
  out.replaceChildren(view);
  Object.assign(out.dataset, { overall: r.overall.toFixed(1), state: "ready" });
}

function clear(form, out, key) {
  localStorage.removeItem(key); delete form.dataset.shared; delete out.dataset.overall;
  fill(form, {}); out.replaceChildren(); out.dataset.state = "empty";
  history.replaceState(null, "", location.pathname + location.search);
}

for (const sec of sections) {
  const [form, out] = [sec.querySelector("form[data-assessment]"), sec.querySelector("[data-result]")];
  const key = `smm:answers:${form.dataset.assessment}`;
  const later = (options) => show(sec, form, out, options).catch(() => {});
  const [hashId, code] = decodeURIComponent(location.hash.slice(1)).split("=");
  fill(form, store.get(key));
  if (hashId === form.dataset.assessment && code) {
    startRuntime().then((sync) => sync.decode(hashId, code)).then((text) => {
      const reply = JSON.parse(text);
      if (!reply.ok) return status(sec, msg(sec, "badlink"), true);
      fill(form, reply.answers);
      form.dataset.shared = "1";
      status(sec, msg(sec, "shared"));
      later({ shared: true });
    }).catch(() => {});
  } else if (store.get(key)) later();
  form.addEventListener("change", (event) => {
    if (event.target.type !== "radio") return;
    if (!form.dataset.shared) store.set(key, answersOf(form));
    fill(form, answersOf(form));
    later({ shared: !!form.dataset.shared });
  });
  form.addEventListener("submit", (event) => { event.preventDefault(); later({ explicit: true }); });
  form.querySelector('[data-action="reset"]').addEventListener("click", () => clear(form, out, key));
  form.querySelector('[data-action="export"]').addEventListener("click", () => {
    const blob = new Blob([JSON.stringify({ assessment: form.dataset.assessment, answers: answersOf(form) }, null, 2)], { type: "application/json" });
    el("a", { href: URL.createObjectURL(blob), download: `${form.dataset.assessment}.json` }).click();
  });
  form.querySelector('[data-action="import"]').addEventListener("change", async (event) => {
    try {
      const data = JSON.parse(await event.target.files[0].text());
      if (data.assessment !== form.dataset.assessment || typeof data.answers !== "object") throw new Error("foreign");
      fill(form, data.answers);
      store.set(key, answersOf(form));
      later();
    } catch { status(sec, msg(sec, "badfile"), true); }
  });
}
// The scan page preloads the runtime when idle; a page where the check is secondary waits for the first touch.
const preload = () => startRuntime().catch(() => {});
if (sections.some((s) => s.dataset.preload === "idle")) (window.requestIdleCallback || ((f) => setTimeout(f, 1)))(preload, { timeout: 2000 });
else sections.forEach((s) => s.addEventListener("focusin", preload, { once: true }));
