// Search page glue: asks the Pagefind index built with the site and lists every hit, a page at a time.
// Pagefind returns each hit's URL with the site's own path already in front (for example
// /<repo>/modellen/x/ on a GitHub Pages project site), so it is resolved against the origin only.
const box = document.querySelector("[data-search-results]");
const form = document.querySelector("[data-search-form]");
const input = document.getElementById("zoekveld");
const fallback = document.querySelector("[data-search-fallback]");
const PAGE = 20;
let pagefind;

function hitItem(hit) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = new URL(hit.url, location.origin).href;
  link.textContent = hit.meta.title || hit.url;
  const excerpt = document.createElement("p");
  excerpt.textContent = hit.excerpt.replace(/<[^>]+>/g, "");
  item.append(link, excerpt);
  return item;
}

async function run(term) {
  box.dataset.state = "busy";
  box.replaceChildren();
  fallback.hidden = false;
  if (!term.trim()) { box.dataset.state = "idle"; return; }
  try {
    pagefind ??= await import(new URL(box.dataset.index, location.href).href);
    const found = await pagefind.search(term);
    const total = found.results.length;
    const head = document.createElement("p");
    head.textContent = total ? `${box.dataset.msgCount} ${total}` : box.dataset.msgNone;
    const list = document.createElement("ol");
    list.className = "search-hits";
    const more = document.createElement("button");
    more.type = "button";
    more.className = "secondary";
    more.dataset.more = "";
    let shown = 0;
    const showNext = async () => {
      const batch = found.results.slice(shown, shown + PAGE);
      const hits = await Promise.all(batch.map((r) => r.data()));
      const items = hits.map(hitItem);
      list.append(...items);
      shown += batch.length;
      more.hidden = shown >= total;
      more.textContent = box.dataset.msgMore.replace("{shown}", shown).replace("{total}", total);
      return items;
    };
    await showNext();
    more.addEventListener("click", async () => {
      const items = await showNext();
      items[0]?.querySelector("a").focus();
    });
    // The hits take the place of the A-Z list (kept for readers without JavaScript) in one step,
    // so nothing on screen moves down when they arrive.
    if (total) fallback.hidden = true;
    box.append(head, list, more);
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
