// Search page glue: asks the Pagefind index built with the site, shows the hits as a list.
const box = document.querySelector("[data-search-results]");
const form = document.querySelector("[data-search-form]");
const input = document.getElementById("zoekveld");
let pagefind;

async function run(term) {
  box.dataset.state = "busy";
  box.replaceChildren();
  if (!term.trim()) { box.dataset.state = "idle"; return; }
  try {
    pagefind ??= await import(new URL(box.dataset.index, location.href).href);
    const found = await pagefind.search(term);
    const hits = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    const head = document.createElement("p");
    head.textContent = hits.length ? `${box.dataset.msgCount} ${found.results.length}` : box.dataset.msgNone;
    const list = document.createElement("ol");
    list.className = "search-hits";
    for (const hit of hits) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = new URL(hit.url.replace(/^\//, ""), new URL(box.dataset.base, location.href)).href;
      link.textContent = hit.meta.title || hit.url;
      const excerpt = document.createElement("p");
      excerpt.textContent = hit.excerpt.replace(/<[^>]+>/g, "");
      item.append(link, excerpt);
      list.append(item);
    }
    box.append(head, list);
    box.dataset.state = "ready";
  } catch (error) {
    const msg = document.createElement("p");
    msg.className = "status error";
    msg.textContent = box.dataset.msgFailed;
    box.append(msg);
    box.dataset.state = "error";
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
  run(input.value);
});
const initial = new URLSearchParams(location.search).get("q") || "";
input.value = initial;
if (initial) run(initial);
