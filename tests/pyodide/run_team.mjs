// Combine team vectors under Pyodide (the browser's Python) in Node, with the repository's scoring package.
//
//   node tests/pyodide/run_team.mjs <input.json>
//
// <input.json>: {"definition": <parsed assessment definition>, "vectors": [[entry, ...], ...]}.
// Prints one JSON list: scoring.team.combine(assessment, vector) for every vector, in order.
// tests/unit/test_team.py compares it with CPython, value by value.

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pyodideDir = join(root, "node_modules", "pyodide");
const scoringDir = join(root, "scoring");

if (process.argv.length !== 3) {
  process.stderr.write("usage: node tests/pyodide/run_team.mjs <input.json>\n");
  process.exit(2);
}
const input = readFileSync(process.argv[2], "utf-8");
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: pyodideDir + "/",
  stdout: (line) => process.stderr.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
pyodide.FS.mkdirTree("/home/pyodide/scoring");
for (const name of readdirSync(scoringDir).filter((n) => n.endsWith(".py")).sort()) {
  pyodide.FS.writeFile(`/home/pyodide/scoring/${name}`, new Uint8Array(readFileSync(join(scoringDir, name))));
}
pyodide.globals.set("PAYLOAD", input);
const output = pyodide.runPython(`
import json
import sys

sys.path.insert(0, "/home/pyodide")
import scoring

payload = json.loads(PAYLOAD)
assessment = scoring.load(payload["definition"])
json.dumps([scoring.team.combine(assessment, vector) for vector in payload["vectors"]], ensure_ascii=False)
`);
process.stdout.write(output + "\n");
