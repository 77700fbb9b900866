// Combine team vectors under Pyodide (the browser's Python) in Node, with the repository's scoring package.
//
//   node tests/pyodide/run_team.mjs <input.json>
//
// <input.json>: {"definition": <parsed assessment definition>, "vectors": [[entry, ...], ...]}.
// Prints one JSON list: scoring.team.combine(assessment, vector) for every vector, in order.
// tests/unit/test_team.py compares it with CPython, value by value.

import { inputFile, loadScoringPyodide } from "./load.mjs";

const input = inputFile("run_team.mjs");
const pyodide = await loadScoringPyodide();
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
