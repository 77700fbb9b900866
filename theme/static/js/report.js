// The result as a report: overall score, change since the last session, labelled profile, placements
// ("fase 3 van 5", why, what the next stage takes), next steps, share link and print. Only shows what
// the worker computed; nothing here scores.
import { el, message, say, svgEl } from "./runtime.js";

// qrcode-generator (npm, pinned), copied by the build beside Pyodide. Loaded when the first result is shown, not
// with this module: it would only compete with the runtime's start. Nothing waits for it, and a failed load costs
// the QR code only (the printed result still carries the link as text).
let qrLoad;
const qrReady = () => qrLoad ??= (async () => {
  const base = document.querySelector("section.assessment")?.dataset.runtimeBase;
  if (!base) return null;
  try {
    return (await import(new URL("qrcode/qrcode.mjs", new URL(base, location.href)).href)).default;
  } catch (error) {
    console.warn("QR encoder did not load", error);
    return null;
  }
})();

// Dates and numbers as the page's language writes them (the English edition says <html lang="en">).
const LOCALE = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";
const number = (value) => value.toFixed(1).replace(".", LOCALE === "en-GB" ? "." : ",");
const signed = (value) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${number(Math.abs(value))}`;
const dateText = (iso) => new Date(iso).toLocaleDateString(LOCALE, { day: "numeric", month: "long", year: "numeric" });

/** The profile as labelled bars (names and values visible); the table beside it serves screen readers. */
function profileChart(rows) {
  const chart = el("div", { className: "bars" });
  chart.setAttribute("aria-hidden", "true");
  for (const { name, score } of rows) {
    const bar = svgEl("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none", class: "bar-svg", focusable: "false" },
      svgEl("rect", { class: "track", x: 0, y: 0, width: 100, height: 10 }),
      svgEl("rect", { class: "bar", x: 0, y: 0, width: Math.max(score, 0.5), height: 10 }));
    chart.append(el("div", { className: "bar-row" }, el("span", { className: "bar-name", textContent: name }), bar,
      el("span", { className: "bar-value", textContent: number(score) })));
  }
  return chart;
}

/** Per dimension: the change against the result of an earlier session. */
function changeSince(view, result, before, names) {
  const box = view.querySelector('[data-field="change"]');
  if (!before) return;
  const rows = Object.entries(result.dimensions).filter(([id]) => typeof before.dimensions[id] === "number");
  const list = el("ul", { className: "changes" });
  for (const [id, score] of rows) {
    const delta = score - before.dimensions[id];
    list.append(el("li", { className: delta > 0 ? "up" : delta < 0 ? "down" : "same" },
      `${names[id] || id}: ${number(before.dimensions[id])} → ${number(score)} (${signed(delta)})`));
  }
  box.hidden = false;
  box.append(el("p", { textContent: message(view.host, "change", {
    date: dateText(before.date), delta: signed(result.overall - before.overall), before: number(before.overall) }) }), list);
  box.dataset.since = before.date;
}

function modelLink(site, urls, slug, anchor, text) {
  const [path, title] = urls[slug] || [`modellen/${slug}/`, slug];
  return el("a", { href: new URL(`${path}${anchor ? `#${anchor}` : ""}`, site).href, textContent: text ?? title });
}

/** A link to a question in the form, named by its number and text. */
function questionLink(widget, id, short = false) {
  const fieldsets = [...widget.form.querySelectorAll("fieldset")];
  const index = fieldsets.findIndex((f) => f.dataset.question === id);
  if (index < 0) return el("span", { textContent: id });
  const fieldset = fieldsets[index];
  const text = fieldset.querySelector("legend").textContent.replace(/\s+/g, " ").trim();
  if (!short) return el("a", { href: `#${fieldset.id}`, textContent: text });
  return el("a", { href: `#${fieldset.id}`, textContent: message(widget.sec, "question", { n: index + 1 }), title: text });
}

/** One condition of the next stage in words: a question and the answer it needs, a part's or the basis score. */
function needItem(widget, need) {
  const msg = (name, values) => message(widget.sec, name, values);
  const names = JSON.parse(widget.form.dataset.dimensions);
  if (need.question) {
    const input = widget.form.querySelector(`input[name="${CSS.escape(need.question)}"][value="${CSS.escape(need.option)}"]`);
    const option = input?.closest("label")?.textContent.replace(/\s+/g, " ").trim() || need.option;
    return el("li", {}, questionLink(widget, need.question), " ", msg("need-answer", { option }));
  }
  const score = number(Number(need.score));
  if (need.dimension) return el("li", { textContent: msg("need-score", { part: names[need.dimension] || need.dimension, score }) });
  if (need.basis === "overall") return el("li", { textContent: msg("need-overall", { score }) });
  const parts = (Array.isArray(need.basis) ? need.basis : []).map((d) => names[d] || d).join(", ");
  return el("li", { textContent: msg("need-basis", { parts, score }) });
}

function placementItem(widget, p, site, urls) {
  const msg = (name, values) => message(widget.sec, name, values);
  const names = JSON.parse(widget.form.dataset.dimensions);
  const stageLink = (element, text) => modelLink(site, urls, p.model, `element-${element}`, text);
  const item = el("li", {}, el("p", { className: "placement-head" }, stageLink(p.element, `${p.model_title}: ${p.label}`),
    " ", el("span", { className: "stage-pos", textContent: msg("position", { position: p.position, of: p.of }) })));
  item.dataset.model = p.model;
  item.dataset.position = `${p.position}/${p.of}`;
  if (p.meaning) item.append(el("p", { className: "meaning", textContent: p.meaning }));
  const because = Array.isArray(p.because) ? p.because : [];
  if (p.estimated) {
    const basis = p.basis === "overall" ? msg("basis-overall") : (p.basis || []).map((d) => names[d] || d).join(", ");
    item.append(el("p", { className: "because", textContent: msg("because-score", { basis, score: number(p.score) }) }));
  } else if (because.length) {
    // Compact links ("vraag 3"): a stage on the whole score can rest on every question.
    const list = el("ul", { className: "because-list" });
    for (const q of because) list.append(el("li", {}, questionLink(widget, q, true)));
    item.append(el("p", { className: "because" }, msg("because")), list);
    const reasons = [...new Set((p.rules || []).map((r) => r.because).filter(Boolean))];
    if (reasons.length) item.append(el("p", { className: "rule-why", textContent: msg("rule-why", { why: reasons.join(" ") }) }));
  }
  const next = Array.isArray(p.to_next) ? p.to_next : [];
  if (next.length) {
    const list = el("ul", { className: "to-next" });
    for (const need of next) list.append(needItem(widget, need));
    item.append(el("p", { className: "next-stage" },
      stageLink(p.element + 1, msg("next-stage", { position: p.position + 1 })), ": "), list);
  }
  if (p.next) item.append(el("p", { className: "advice" }, el("strong", { textContent: msg(next.length ? "advice" : "stay") }), ` ${p.next}`));
  const f = p.figure;
  if (f) {
    item.append(el("p", {}, `${f.value} ${f.text} `, el("a", { href: f.source.url,
      textContent: `${f.source.title}${f.source.year ? `, ${f.source.year}` : ""}` })));
  }
  if (p.related) item.append(el("p", {}, p.related.text, ...p.related.models.flatMap((s) => [" ", modelLink(site, urls, s)])));
  return item;
}

/** Two or three sentences: where you stand, strongest and weakest part, the first thing to do. */
function summary(widget, result, rows) {
  const msg = (name, values) => message(widget.sec, name, values);
  const sentences = [];
  const p = result.placements[0];
  if (p) {
    sentences.push(msg(result.kind === "person" ? "summary-person" : "summary-org",
      { overall: number(result.overall), model: p.model_title, position: p.position, of: p.of, stage: p.label }));
  }
  const scores = rows.map((r) => r.score);
  const [top, bottom] = [Math.max(...scores), Math.min(...scores)];
  const named = (value) => rows.filter((r) => r.score === value).map((r) => r.name).join(" en ");
  if (rows.length > 1 && top !== bottom) {
    sentences.push(msg("summary-parts", { strong: named(top), strongscore: number(top), weak: named(bottom),
      weakscore: number(bottom) }));
  } else if (rows.length > 1) {
    sentences.push(msg("summary-even", { score: number(top) }));
  }
  const step = result.next_steps[0];
  const first = ((step && step.weak !== false ? step.text : p?.next) || "").split(/(?<=[.!?])\s+/)[0];
  if (first) sentences.push(msg("summary-first", { step: first }));
  return sentences.join(" ");
}

/** Advice for every part: the next more mature answer where there is one, how to stay there where not. */
function partAdvice(widget, result, rows) {
  const msg = (name, values) => message(widget.sec, name, values);
  const list = [];
  const steps = Object.fromEntries(result.next_steps.map((s) => [s.dimension, s]));
  for (const { id, name, score } of rows) {
    const dd = el("dd", {});
    const below = [...widget.form.querySelectorAll(`fieldset[data-dimension="${CSS.escape(id)}"]`)].map((f) => {
      const options = [...f.querySelectorAll("input[type=radio]:not([data-unknown])")];
      const chosen = options.findIndex((o) => o.checked);
      return { f, next: options[chosen + 1] };
    }).filter((x) => x.next);
    if (below.length) {
      if (steps[id]) dd.append(el("p", { textContent: steps[id].text }));
      const { f, next } = below[0];
      const question = f.querySelector("legend .q-text")?.textContent.trim() || f.querySelector("legend").textContent.trim();
      dd.append(el("p", { textContent: msg("part-next", { question, option: next.closest("label").textContent.trim() }) }));
    } else {
      dd.append(el("p", { textContent: msg("part-top") }));
    }
    list.push(el("dt", { textContent: `${name} (${number(score)})` }), dd);
  }
  return list;
}

/** Render `result` into the widget's result region; `before` is the last session's result (or null). */
/** The share link as an SVG QR code (byte mode, level M, quiet zone of four), black on white in dark mode too;
 *  decorative for screen readers, which get the link as text. `url.href` is ASCII, so bytes equal characters. */
function qrCode(qrcode, text) {
  if (!qrcode) return document.createTextNode("");
  let code;
  try {
    code = qrcode(0, "M");
    code.addData(text, "Byte");
    code.make();
  } catch (error) {
    console.warn("no QR code for this link", error);
    return document.createTextNode("");
  }
  const count = code.getModuleCount();
  const size = count + 8;
  let path = "";
  for (let y = 0; y < count; y++) {
    for (let x = 0; x < count; x++) if (code.isDark(y, x)) path += `M${x + 4} ${y + 4}h1v1h-1z`;
  }
  return svgEl("svg", { viewBox: `0 0 ${size} ${size}`, class: "qr", "shape-rendering": "crispEdges", "aria-hidden": "true",
    focusable: "false" }, svgEl("rect", { width: size, height: size, fill: "#fff" }), svgEl("path", { d: path, fill: "#000" }));
}

export function renderResult(widget, result, before) {
  const { sec, form, out } = widget;
  const names = JSON.parse(form.dataset.dimensions);
  const urls = JSON.parse(form.dataset.models);
  const site = new URL(sec.dataset.site, location.href);
  const view = sec.querySelector('template[data-tpl="result"]').content.cloneNode(true);
  view.host = sec;
  const field = (name) => view.querySelector(`[data-field="${name}"]`);
  const list = (name) => view.querySelector(`[data-list="${name}"]`);
  const rows = Object.entries(result.dimensions).map(([id, score]) => ({ id, name: names[id] || id, score }));
  const url = new URL(location.href);
  url.hash = `${widget.aid}=${result.share}`;
  field("printed").textContent = message(sec, "printed", { title: result.title,
    date: new Date().toLocaleDateString(LOCALE, { day: "numeric", month: "long", year: "numeric" }) });
  field("summary").textContent = summary(widget, result, rows);
  field("overall").textContent = number(result.overall);
  changeSince(view, result, before, names);
  for (const { name, score } of rows) {
    list("dimensions").append(el("tr", {}, el("th", { scope: "row", textContent: name }), el("td", { textContent: number(score) })));
  }
  field("chart").append(profileChart(rows));
  for (const p of result.placements) list("placements").append(placementItem(widget, p, site, urls));
  for (const step of result.next_steps.filter((s) => s.weak !== false)) {
    list("next_steps").append(el("li", {}, el("strong", { textContent: `${names[step.dimension] || step.dimension}: ` }), step.text,
      ...step.models.flatMap((s) => [" ", modelLink(site, urls, s)])));
  }
  field("next-head").hidden = !list("next_steps").children.length;
  list("advice").append(...partAdvice(widget, result, rows));
  field("print-url").textContent = url.href;
  const qrField = field("qr");
  qrReady().then((qrcode) => qrField.append(qrCode(qrcode, url.href)));
  const shareStatus = () => out.querySelector('[data-status="share"]');
  const shareField = () => out.querySelector('[data-field="share-url"]');
  view.querySelector('[data-action="share"]').addEventListener("click", () => {
    out.querySelector('[data-field="share"]').hidden = false;
    Object.assign(shareField(), { value: url.href }).select();
    say(shareStatus(), message(sec, "copied"));
  });
  view.querySelector('[data-action="copy"]').addEventListener("click", () => {
    const done = () => say(shareStatus(), message(sec, "copy-ok"));
    const failed = (error) => {
      console.warn("clipboard refused", error);
      shareField().select();
      say(shareStatus(), message(sec, "copy-fail"), true);
    };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url.href).then(done, failed);
    else failed(new Error("no clipboard API"));
  });
  view.querySelector('[data-action="print"]').addEventListener("click", () => window.print());
  out.replaceChildren(view);
  Object.assign(out.dataset, { overall: result.overall.toFixed(1), state: "ready" });
}
