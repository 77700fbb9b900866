// Self-assessment glue: reads the form, asks the Python worker (scoring) for the result, shows it. No scoring
// here: every number comes from the worker. Answers live in localStorage only. Every input the page reads
// (link, storage, file, worker reply) may be broken: each problem is shown next to the control that caused it,
// and the form keeps working with every answer that was valid.
import { Problem, call, decodeText, errorText, logCause, message, say, startRuntime, storage } from "./runtime.js";
import { renderResult } from "./report.js";

const sections = [...document.querySelectorAll("section.assessment")];
const HISTORY_LIMIT = 12;
const DECIMAL = document.documentElement.lang === "en" ? "." : ",";  // the decimal sign of the page's language

/** The fragment `#<assessment id>=<share string>` meant for this form: {code}, {error} or null. */
function readFragment(aid) {
  const raw = location.hash.slice(1);
  const cut = raw.indexOf("=");
  if (cut < 0) return null;
  const id = decodeText(raw.slice(0, cut)) ?? raw.slice(0, cut);
  if (id !== aid) return null;
  const code = decodeText(raw.slice(cut + 1));
  return code === null ? { error: "badescape" } : { code };
}

class Widget {
  constructor(sec) {
    this.sec = sec;
    this.form = sec.querySelector("form[data-assessment]");
    this.out = sec.querySelector("[data-result]");
    this.aid = this.form.dataset.assessment;
    this.keys = { answers: `smm:answers:${this.aid}`, results: `smm:results:${this.aid}`,
      session: `smm:session:${this.aid}` };
    this.total = this.form.querySelectorAll("fieldset").length;
    this.turn = 0; // only the reply to the latest request is shown
    this.status = Object.fromEntries(["page", "form", "result"].map((k) => [k, sec.querySelector(`[data-status="${k}"]`)]));
  }

  msg(name, values) {
    return message(this.sec, name, values);
  }

  answers() {
    return Object.fromEntries(new FormData(this.form));
  }

  /** Number of a question (1-based) for messages; the question id when the form does not know it. */
  questionName(id) {
    const index = [...this.form.querySelectorAll("fieldset")].findIndex((f) => f.dataset.question === id);
    return index < 0 ? `"${String(id).slice(0, 40)}"` : this.msg("question", { n: index + 1 });
  }

  /** Put `answers` in the form; return the entries that fit no question or option of it. */
  fill(answers) {
    this.form.reset();
    const rejected = [];
    for (const [q, o] of Object.entries(answers || {})) {
      const input = [...this.form.elements].find((node) => node.type === "radio" && node.name === q && node.value === o);
      if (input) input.checked = true;
      else rejected.push(q);
    }
    this.progress();
    return rejected;
  }

  progress() {
    const p = this.form.querySelector("[data-progress]");
    p.textContent = p.dataset.template.replace("{done}", Object.keys(this.answers()).length).replace("{total}", this.total);
  }

  /** Saved answers from localStorage, reporting what could not be used. */
  restore() {
    const { value, error } = storage.read(this.keys.answers);
    if (error) {
      logCause(`stored answers for ${this.aid} are unreadable`, error);
      say(this.status.page, this.msg("badstore"), true);
      return false;
    }
    if (value === null) return false;
    if (typeof value !== "object" || Array.isArray(value)) {
      say(this.status.page, this.msg("badstore"), true);
      return false;
    }
    const usable = Object.fromEntries(Object.entries(value).filter(([, o]) => typeof o === "string"));
    const rejected = this.fill(usable).concat(Object.keys(value).filter((q) => !(q in usable)));
    if (rejected.length) {
      say(this.status.page, this.msg("partstore", { list: rejected.map((q) => this.questionName(q)).join(", ") }), true);
    }
    return Object.keys(this.answers()).length > 0;
  }

  save() {
    if (this.form.dataset.shared) return;
    if (!storage.write(this.keys.answers, this.answers())) say(this.status.form, this.msg("nostore"), true);
  }

  /** Id of this visit; results of the same visit replace each other, so "last time" is another visit. */
  session(fresh = false) {
    let id;
    try {
      id = fresh ? null : sessionStorage.getItem(this.keys.session);
      if (!id) {
        id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
        sessionStorage.setItem(this.keys.session, id);
      }
    } catch (error) {
      logCause("sessionStorage unavailable", error);
      id = this.fallbackSession ??= `${Date.now()}`;
    }
    return id;
  }

  /** Kept results, oldest first; entries that are not well-formed are dropped. */
  history() {
    const { value, error } = storage.read(this.keys.results);
    if (error) logCause(`stored results for ${this.aid} are unreadable`, error);
    if (!Array.isArray(value)) return [];
    return value.filter((r) => r && typeof r === "object" && typeof r.overall === "number"
      && typeof r.date === "string" && !Number.isNaN(Date.parse(r.date)) && r.dimensions && typeof r.dimensions === "object");
  }

  /** Record this result for this visit; return the latest result of an earlier visit (or null). */
  remember(result) {
    const session = this.session();
    const kept = this.history();
    const earlier = kept.filter((r) => r.session !== session);
    const entry = { date: new Date().toISOString(), session, overall: result.overall,
      dimensions: result.dimensions, share: result.share };
    storage.write(this.keys.results, [...earlier, entry].slice(-HISTORY_LIMIT));
    return earlier.at(-1) ?? null;
  }

  /** The latest result of an earlier visit, without recording anything (for shared views). */
  lastKept() {
    const session = this.session();
    return this.history().filter((r) => r.session !== session).at(-1) ?? null;
  }

  clearResult() {
    this.out.replaceChildren();
    this.out.dataset.state = "empty";
    delete this.out.dataset.overall;
  }

  showError(text, questions = []) {
    this.form.querySelectorAll("fieldset.missing").forEach((f) => f.classList.remove("missing"));
    this.out.dataset.state = "error";
    delete this.out.dataset.overall;
    this.out.replaceChildren(Object.assign(document.createElement("p"), { className: "status error", textContent: text }));
    for (const q of questions) this.form.querySelector(`fieldset[data-question="${CSS.escape(q)}"]`)?.classList.add("missing");
  }

  /** The runtime failed or replied with something unreadable: say so, keep the answers, offer a retry. */
  showFailure(error) {
    logCause(`assessment ${this.aid}: no result`, error);
    const text = error instanceof Problem && error.message ? error.message
      : this.msg(error instanceof Problem ? "garbled" : "failed");
    say(this.status.result, text, true);
    this.retry?.remove();
    const retry = this.retry = Object.assign(document.createElement("button"), { type: "button", className: "secondary",
      textContent: this.msg("retry") });
    retry.addEventListener("click", () => {
      say(this.status.result, "");
      retry.remove();
      startRuntime(this.sec).then(() => this.update(), (again) => this.showFailure(again));
    });
    this.status.result.after(retry);
  }

  /** Score the answers in the worker and show the result; quietly waits while answers are missing. */
  async evaluate({ explicit = false } = {}) {
    const answers = this.answers();
    const turn = ++this.turn;
    if (!explicit && Object.keys(answers).length < this.total) {
      if (this.out.dataset.state !== "empty") this.clearResult();
      return;
    }
    const reply = await call(this.sec, "evaluate", this.aid, JSON.stringify(answers));
    if (turn !== this.turn) return;
    this.form.querySelectorAll("fieldset.missing").forEach((f) => f.classList.remove("missing"));
    if (!reply.ok) {
      this.showError(errorText(this.sec, reply) || this.msg("garbled"), Array.isArray(reply.questions) ? reply.questions : []);
      if (explicit) this.form.querySelector("fieldset.missing input")?.focus();
      return;
    }
    const result = reply.result;
    if (!result || typeof result.overall !== "number" || !result.dimensions || !Array.isArray(result.placements)) {
      throw new Problem("", new Error(`evaluate replied without a result: ${JSON.stringify(reply).slice(0, 80)}`));
    }
    const shared = !!this.form.dataset.shared;
    const before = shared ? this.lastKept() : this.remember(result);
    renderResult(this, result, before);
    say(this.status.result, this.msg("ready", { overall: result.overall.toFixed(1).replace(".", DECIMAL) }));
    if (explicit || shared) this.out.scrollIntoView({ block: "start" });
    if (explicit) this.out.focus();
  }

  /** Evaluate, showing any failure instead of losing it; an explicit request shows a busy button. */
  update(options = {}) {
    const button = this.form.querySelector("button[type=submit]");
    if (options.explicit && !button.dataset.label) {
      button.dataset.label = button.textContent;
      button.textContent = this.msg("busy");
      button.setAttribute("aria-busy", "true");
    }
    const done = () => {
      if (!button.dataset.label) return;
      button.textContent = button.dataset.label;
      delete button.dataset.label;
      button.removeAttribute("aria-busy");
    };
    this.evaluate(options).then(done, (error) => {
      done();
      this.showFailure(error);
    });
  }

  /** Show the answers of someone's share link without touching the visitor's own. */
  async openShared(code) {
    const reply = await call(this.sec, "decode", this.aid, code);
    if (!reply.ok) {
      say(this.status.page, `${errorText(this.sec, reply)} ${this.msg("badlink")}`, true);
      return;
    }
    if (!reply.answers || typeof reply.answers !== "object") {
      throw new Problem("", new Error("decode replied without answers"));
    }
    this.form.dataset.shared = "1";
    this.fill(reply.answers);
    say(this.status.page, this.msg("shared"));
    this.sec.querySelector("[data-shared-bar]").hidden = false;
    this.update();
  }

  leaveShared(keep) {
    delete this.form.dataset.shared;
    this.sec.querySelector("[data-shared-bar]").hidden = true;
    history.replaceState(null, "", location.pathname + location.search);
    if (keep) {
      this.save();
      say(this.status.page, this.msg("adopted"));
    } else {
      this.fill({});
      this.restore();
      say(this.status.page, this.msg("own-back"));
    }
    this.update();
  }

  /** Read an exported file; take every valid answer from it and report the rest. */
  async importFile(file) {
    const name = file.name;
    const fail = (reason) => say(this.status.form, this.msg("badfile", { file: name, reason: this.msg(reason.key, reason) }), true);
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch (error) {
      logCause(`import of ${name}`, error);
      return fail({ key: "file-json" });
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) return fail({ key: "file-json" });
    if (data.assessment !== this.aid) return fail({ key: "file-foreign", other: String(data.assessment).slice(0, 60) });
    const given = data.answers;
    if (!given || typeof given !== "object" || Array.isArray(given)) return fail({ key: "file-shape" });
    const current = this.answers();
    const usable = Object.fromEntries(Object.entries(given).filter(([q, o]) => typeof o === "string"
      && this.form.querySelector(`input[type=radio][name="${CSS.escape(q)}"][value="${CSS.escape(o)}"]`)));
    if (!Object.keys(usable).length) return fail({ key: "file-none" });
    const rejected = Object.keys(given).filter((q) => !(q in usable));
    this.fill({ ...current, ...usable });
    this.save();
    say(this.status.form, rejected.length
      ? this.msg("file-partial", { file: name, list: rejected.map((q) => this.questionName(q)).join(", ") })
      : this.msg("file-ok", { file: name }), rejected.length > 0);
    this.update();
  }

  exportFile() {
    const text = JSON.stringify({ assessment: this.aid, answers: this.answers() }, null, 2);
    const link = Object.assign(document.createElement("a"), {
      href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: `${this.aid}.json` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  askReset(open) {
    const box = this.sec.querySelector("[data-confirm]");
    const button = this.form.querySelector('[data-action="reset"]');
    box.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) box.querySelector('[data-action="reset-no"]').focus();
    else button.focus();
  }

  reset() {
    const all = this.sec.querySelector("[data-forget-results]").checked;
    storage.remove(this.keys.answers);
    if (all) storage.remove(this.keys.results);
    this.session(true); // a new start is a new session: its result is compared with the one before
    if (this.form.dataset.shared) this.leaveShared(false);
    this.fill({});
    this.clearResult();
    this.turn++;
    say(this.status.page, "");
    say(this.status.result, "");
    this.askReset(false);
    this.sec.querySelector("[data-forget-results]").checked = false;
    say(this.status.form, this.msg(all ? "reset-all" : "reset-done"));
  }

  start() {
    const had = this.restore();
    const link = readFragment(this.aid);
    if (link?.error) say(this.status.page, `${this.msg(link.error)} ${this.msg("badlink")}`, true);
    if (link?.code) this.openShared(link.code).catch((error) => this.showFailure(error));
    else if (had) this.update();
    this.form.addEventListener("change", (event) => {
      if (event.target.type !== "radio") return;
      this.progress();
      this.save();
      this.update();
    });
    this.form.addEventListener("runtime-failed", (event) => this.showFailure(event.detail));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.update({ explicit: true });
    });
    const on = (action, handler) => this.sec.querySelector(`[data-action="${action}"]`).addEventListener("click", handler);
    on("reset", () => this.askReset(this.sec.querySelector("[data-confirm]").hidden));
    on("reset-no", () => this.askReset(false));
    on("reset-yes", () => this.reset());
    on("export", () => this.exportFile());
    on("own", () => this.leaveShared(false));
    on("adopt", () => this.leaveShared(true));
    this.form.querySelector('[data-action="import"]').addEventListener("change", (event) => {
      const file = event.target.files[0];
      event.target.value = ""; // the same file can be chosen again after a fix
      if (file) this.importFile(file).catch((error) => this.showFailure(error));
    });
  }
}

for (const sec of sections) new Widget(sec).start();

// Loading feedback: which step the runtime is at, in a live region of every widget.
document.addEventListener("runtime-step", (event) => {
  const name = event.detail > 3 ? "rt-ready" : `rt-${event.detail}`;
  sections.forEach((s) => say(s.querySelector('[data-status="runtime"]'), message(s, name)));
});

// The scan page preloads the runtime when idle; a page where the check is secondary waits for the first touch.
const preload = () => startRuntime(sections[0]).catch((error) => {
  logCause("runtime did not load", error);
  sections.forEach((s) => {
    say(s.querySelector('[data-status="runtime"]'), "");
    s.querySelector("form").dispatchEvent(new CustomEvent("runtime-failed", { detail: error }));
  });
});
if (sections.some((s) => s.dataset.preload === "idle")) (window.requestIdleCallback || ((f) => setTimeout(f, 1)))(preload, { timeout: 2000 });
else sections.forEach((s) => s.addEventListener("focusin", preload, { once: true }));
