// Run the scoring package under Pyodide (the browser's Python) in Node, on every golden case.
//
//   node tests/pyodide/run_golden.mjs <input.json>
//
// <input.json> holds what Pyodide cannot read itself (it has no YAML parser):
//   {"definitions": {"<assessment id>": <parsed definition>, ...},
//    "broken": {"<fixture name>": <parsed broken definition>, ...},
//    "hostile": ["<share string>", ...]}
// The golden cases are read from tests/fixtures/scoring/golden/*.json and the placement vectors from
// tests/fixtures/scoring/vectors.jsonl. Prints one JSON object:
//   {"python": "<version>", "golden": {<case>: {"result": to_dict(), "decoded": answers}},
//    "vectors": [{"result": to_dict(), "decoded": answers}, ...] (in file order),
//    "broken": {<name>: {"path", "message"}}, "hostile": [<AnswerError message or null>, ...]}
// tests/unit/test_pyodide_parity.py compares it with CPython, value by value.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { inputFile, loadScoringPyodide, root } from "./load.mjs";

const goldenDir = join(root, "tests", "fixtures", "scoring", "golden");
const vectorsFile = join(root, "tests", "fixtures", "scoring", "vectors.jsonl");

const input = JSON.parse(inputFile("run_golden.mjs"));
const pyodide = await loadScoringPyodide();

const golden = readdirSync(goldenDir).filter((n) => n.endsWith(".json")).sort().map((name) => {
  const { assessment, answers } = JSON.parse(readFileSync(join(goldenDir, name), "utf-8"));
  return { name: name.replace(/\.json$/, ""), assessment, answers };
});
if (golden.length === 0) {
  process.stderr.write(`no golden cases in ${goldenDir}\n`);
  process.exit(1);
}

const vectors = readFileSync(vectorsFile, "utf-8").split("\n").filter((line) => line.trim())
  .map((line) => { const { assessment, answers } = JSON.parse(line); return { assessment, answers }; });
if (vectors.length === 0) {
  process.stderr.write(`no vectors in ${vectorsFile}\n`);
  process.exit(1);
}

pyodide.globals.set("PAYLOAD", JSON.stringify({ ...input, golden, vectors }));
const output = pyodide.runPython(`
import json
import sys

sys.path.insert(0, "/home/pyodide")
import scoring

payload = json.loads(PAYLOAD)
loaded = {}
out = {"python": sys.version.split()[0], "golden": {}, "vectors": [], "broken": {}, "hostile": []}


def run(case):
    aid = case["assessment"]
    if aid not in loaded:
        loaded[aid] = scoring.load(payload["definitions"][aid])
    result = scoring.score(loaded[aid], case["answers"])
    return {"result": result.to_dict(), "decoded": scoring.share.decode(loaded[aid], result.share)}


for case in payload["golden"]:
    out["golden"][case["name"]] = run(case)
for case in payload["vectors"]:
    out["vectors"].append(run(case))
for name, definition in payload["broken"].items():
    try:
        scoring.load(definition)
        out["broken"][name] = None
    except scoring.DefinitionError as err:
        out["broken"][name] = {"path": err.path, "message": str(err)}
scan = loaded.get("social-media-volwassenheidsscan") or scoring.load(payload["definitions"]["social-media-volwassenheidsscan"])
for text in payload["hostile"]:
    try:
        scoring.share.decode(scan, text)
        out["hostile"].append(None)
    except scoring.AnswerError as err:
        out["hostile"].append(str(err))
json.dumps(out, ensure_ascii=False)
`);
process.stdout.write(output + "\n");
