// Team view glue: collects colleagues' share links (one per line) and exported files, asks the worker
// (scoring.team) to combine them, and shows the team profile. Nothing leaves the browser, nothing is kept.
import { Problem, call, el, errorText, logCause, message, say, startRuntime, svgEl } from "./runtime.js";

const sec = document.querySelector("section.team");
const number = (value) => value.toFixed(1).replace(".", document.documentElement.lang === "en" ? "." : ",");

if (sec) {
  const form = sec.querySelector("[data-team-form]");
  const input = sec.querySelector("[data-team-input]");
  const picker = sec.querySelector("[data-team-files]");
  const drop = sec.querySelector("[data-team-drop]");
  const fileList = sec.querySelector("[data-team-filelist]");
  const out = sec.querySelector("[data-team-result]");
  const status = sec.querySelector('[data-status="team"]');
  const names = JSON.parse(sec.dataset.dimensions);
  const urls = JSON.parse(sec.dataset.models);
  const site = new URL(sec.dataset.site, location.href);
  const msg = (name, values) => message(sec, name, values);
  let files = []; // [{name, text}] read when chosen, so a later problem names the file
  let turn = 0;

  const modelLink = (slug, anchor, text) => {
    const [path, title] = urls[slug] || [`modellen/${slug}/`, slug];
    return el("a", { href: new URL(`${path}${anchor ? `#${anchor}` : ""}`, site).href, textContent: text ?? title });
  };

  async function addFiles(chosen) {
    for (const file of chosen) {
      let text;
      try {
        text = await file.text();
      } catch (error) {
        logCause(`team file ${file.name}`, error);
        text = null;
      }
      files.push({ name: file.name, text });
    }
    fileList.replaceChildren(...files.map((f) => el("li", { textContent: f.name })));
  }

  function rangeBar(row) {
    const bar = svgEl("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none", class: "range-svg", focusable: "false",
      "aria-hidden": "true" },
    svgEl("rect", { class: "track", x: 0, y: 2, width: 100, height: 6 }),
    svgEl("rect", { class: "range", x: row.low, y: 2, width: Math.max(row.high - row.low, 0.8), height: 6 }),
    svgEl("rect", { class: "median", x: Math.min(Math.max(row.median - 0.8, 0), 98.4), y: 0, width: 1.6, height: 10 }));
    return bar;
  }

  function render(team, problems) {
    const view = sec.querySelector('template[data-tpl="team"]').content.cloneNode(true);
    const list = (name) => view.querySelector(`[data-list="${name}"]`);
    const o = team.overall;
    view.querySelector('[data-field="summary"]').append(
      el("strong", { textContent: msg("members", { members: team.members }) }), ". ",
      msg("overall", { low: number(o.low), median: number(o.median), high: number(o.high) }));
    for (const row of team.dimensions) {
      list("dimensions").append(el("tr", {}, el("th", { scope: "row", textContent: row.label }),
        ...[row.low, row.median, row.high, row.spread].map((v) => el("td", { textContent: number(v) })),
        el("td", { className: "range-cell" }, rangeBar(row))));
    }
    const spreads = Object.fromEntries(team.dimensions.map((d) => [d.dimension, d]));
    const split = team.disagreement.filter((d) => spreads[d].spread > 0).slice(0, 3);
    if (!split.length) list("disagreement").replaceWith(el("p", { textContent: msg("agree") }));
    for (const d of split) {
      const row = spreads[d];
      list("disagreement").append(el("li", { textContent:
        `${names[d] || row.label}: ${number(row.low)} – ${number(row.high)} (${number(row.spread)})` }));
    }
    for (const m of team.placements) {
      const span = m.low === m.high ? msg("same", { low: m.low, of: m.of }) : msg("range", m);
      const stages = el("ul", { className: "stage-counts" });
      for (const s of m.stages.filter((s) => s.members)) {
        stages.append(el("li", {}, modelLink(m.model, `element-${s.element}`, s.label),
          `: ${msg("count", { count: s.members, members: team.members })}`));
      }
      const item = el("li", {}, el("p", { className: "placement-head" }, modelLink(m.model, "", m.model_title),
        " ", el("span", { className: "stage-pos", textContent: span })), stages);
      item.dataset.model = m.model;
      item.dataset.range = `${m.low}-${m.high}`;
      list("placements").append(item);
    }
    for (const step of team.next_steps) {
      list("next_steps").append(el("li", {}, el("strong", { textContent: `${step.label} ` }),
        `(${msg("count", { count: step.members, members: team.members })}): ${step.text}`,
        ...step.models.flatMap((s) => [" ", modelLink(s)])));
    }
    out.replaceChildren(view);
    if (problems) out.append(problems);
  }

  function problemList(invalid, lines) {
    if (!invalid.length) return null;
    const view = sec.querySelector('template[data-tpl="invalid"]').content.cloneNode(true);
    const list = view.querySelector("[data-team-invalid]");
    for (const item of invalid) {
      const where = item.index < lines ? msg("line", { n: item.index + 1 }) : msg("file", { name: files[item.index - lines].name });
      const li = el("li", {}, el("strong", { textContent: `${where}: ` }),
        errorText(sec, { ...item, message: item.reason }));
      li.dataset.line = item.index < lines ? String(item.index + 1) : "";
      list.append(li);
    }
    return view;
  }

  async function combine() {
    const lines = input.value.split(/\r?\n/);
    // An exported file goes to Python as the object it holds; text that is not JSON goes as text, to be reported.
    const parsed = (text) => {
      try {
        return JSON.parse(text);
      } catch (error) {
        console.warn("team file is not JSON", error);
        return text; // scoring.team names it as a file that is not valid JSON
      }
    };
    const entries = [...lines, ...files.map((f) => (f.text === null ? "{" : parsed(f.text)))];
    const mine = ++turn;
    if (!entries.some((e) => e.trim())) {
      out.replaceChildren();
      Object.assign(out.dataset, { state: "empty", members: "0" });
      say(status, msg("none"), true);
      return;
    }
    const reply = await call(sec, "team", sec.dataset.assessment, JSON.stringify(entries));
    if (mine !== turn) return;
    if (!reply.ok) throw new Problem(errorText(sec, reply), new Error("team replied not ok"));
    const team = reply.team;
    if (!team || typeof team.members !== "number" || !Array.isArray(team.invalid)) {
      throw new Problem("", new Error(`team replied without a team: ${JSON.stringify(reply).slice(0, 80)}`));
    }
    for (const item of team.invalid) if (item.index >= lines.length && files[item.index - lines.length].text === null) {
      Object.assign(item, { reason: msg("file-unreadable"), code: "" });
    }
    const problems = problemList(team.invalid, lines.length);
    if (!team.members) {
      out.replaceChildren(...(problems ? [problems] : []));
      Object.assign(out.dataset, { state: "error", members: "0" });
      say(status, msg("empty-team"), true);
      return;
    }
    render(team, problems);
    Object.assign(out.dataset, { state: "ready", members: String(team.members) });
    say(status, msg(team.invalid.length ? "ready-skipped" : "ready", { members: team.members, skipped: team.invalid.length }));
    out.focus();
  }

  let retry;
  function fail(error) {
    logCause("team profile not computed", error);
    const text = error instanceof Problem && error.message ? error.message : msg(error instanceof Problem ? "garbled" : "failed");
    say(status, text, true);
    out.dataset.state = "error";
    retry?.remove();
    retry = el("button", { type: "button", className: "secondary", textContent: msg("retry") });
    retry.addEventListener("click", () => {
      retry.remove();
      combine().catch(fail);
    });
    status.after(retry);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    combine().catch(fail);
  });
  picker.addEventListener("change", () => {
    addFiles([...picker.files]).then(() => combine()).catch(fail);
    picker.value = "";
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    addFiles([...event.dataTransfer.files]).then(() => combine()).catch(fail);
  });
  sec.querySelector('[data-action="team-clear"]').addEventListener("click", () => {
    input.value = "";
    files = [];
    fileList.replaceChildren();
    out.replaceChildren();
    Object.assign(out.dataset, { state: "empty", members: "0" });
    say(status, "");
    input.focus();
  });
  document.addEventListener("runtime-step", (event) => {
    say(sec.querySelector('[data-status="runtime"]'), msg(event.detail > 3 ? "rt-ready" : `rt-${event.detail}`));
  });
  const preload = () => startRuntime(sec).catch((error) => {
    say(sec.querySelector('[data-status="runtime"]'), "");
    fail(error);
  });
  (window.requestIdleCallback || ((f) => setTimeout(f, 1)))(preload, { timeout: 2000 });
}
