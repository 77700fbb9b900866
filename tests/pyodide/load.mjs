// Pyodide in Node with the repository's scoring package written into its file system, as the browser
// gets it. Shared by the runners in this folder. Anything Python prints goes to stderr, so a runner's
// stdout carries nothing but its JSON answer.

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The first command-line argument's file, read as text; a usage line and exit code 2 without one. */
export function inputFile(runner) {
  if (process.argv.length !== 3) {
    process.stderr.write(`usage: node tests/pyodide/${runner} <input.json>\n`);
    process.exit(2);
  }
  return readFileSync(process.argv[2], "utf-8");
}

/** A started Pyodide whose /home/pyodide/scoring holds the package exactly as it is in the repository. */
export async function loadScoringPyodide() {
  const pyodideDir = join(root, "node_modules", "pyodide");
  const scoringDir = join(root, "scoring");
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
  return pyodide;
}
