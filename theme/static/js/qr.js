// QR code (ISO/IEC 18004) for a share link, drawn as SVG in the browser: no outside service, no library.
// Byte mode, error correction level M, versions 1-15 (up to 412 bytes: far more than a share link needs).
import { svgEl } from "./runtime.js";

// Per version (index 0 = version 1): [EC codewords per block, blocks in group 1, data codewords per block
// in group 1, blocks in group 2 (one data codeword more)], level M.
const BLOCKS_M = [[10, 1, 16, 0], [16, 1, 28, 0], [26, 1, 44, 0], [18, 2, 32, 0], [24, 2, 43, 0], [16, 4, 27, 0],
  [18, 4, 31, 0], [22, 2, 38, 2], [22, 3, 36, 2], [26, 4, 43, 1], [30, 1, 50, 4], [22, 6, 36, 2], [22, 8, 37, 1],
  [24, 4, 40, 5], [24, 5, 41, 5]];
const ALIGN = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
  [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70]];
const MASKS = [(x, y) => (x + y) % 2 === 0, (x, y) => y % 2 === 0, (x) => x % 3 === 0, (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0, (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0, (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0];

function gfMul(x, y) {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

function rsDivisor(degree) {
  const result = new Array(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMul(result[j], root);
      if (j + 1 < degree) result[j] ^= result[j + 1];
    }
    root = gfMul(root, 0x02);
  }
  return result;
}

function rsRemainder(data, divisor) {
  const result = new Array(divisor.length).fill(0);
  for (const b of data) {
    const factor = b ^ result.shift();
    result.push(0);
    divisor.forEach((coef, i) => { result[i] ^= gfMul(coef, factor); });
  }
  return result;
}

const capacity = (v) => { const [, n1, d1, n2] = BLOCKS_M[v - 1]; return n1 * d1 + n2 * (d1 + 1); };

/** Data and error-correction codewords, interleaved, for `bytes` in version `v`. */
function codewords(bytes, v) {
  const bits = [];
  const push = (value, length) => { for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
  push(0b0100, 4);
  push(bytes.length, v < 10 ? 8 : 16);
  bytes.forEach((b) => push(b, 8));
  const room = capacity(v) * 8;
  push(0, Math.min(4, room - bits.length));
  push(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < room; pad ^= 0xec ^ 0x11) push(pad, 8);
  const data = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  const [ec, n1, d1, n2] = BLOCKS_M[v - 1];
  const divisor = rsDivisor(ec);
  const blocks = [];
  let at = 0;
  for (let b = 0; b < n1 + n2; b++) {
    const size = d1 + (b < n1 ? 0 : 1);
    const part = data.slice(at, at + size);
    at += size;
    blocks.push([part, rsRemainder(part, divisor)]);
  }
  const out = [];
  for (let i = 0; i <= d1; i++) blocks.forEach(([part]) => { if (i < part.length) out.push(part[i]); });
  for (let i = 0; i < ec; i++) blocks.forEach(([, rem]) => out.push(rem[i]));
  return out;
}

function baseMatrix(v) {
  const size = v * 4 + 17;
  const dark = Array.from({ length: size }, () => new Array(size).fill(false));
  const fixed = Array.from({ length: size }, () => new Array(size).fill(false));
  const set = (x, y, value) => { dark[y][x] = value; fixed[y][x] = true; };
  for (let i = 0; i < size; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); }
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const [x, y] = [cx + dx, cy + dy];
        const dist = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, dist !== 2 && dist !== 4);
      }
    }
  }
  const pos = ALIGN[v - 1];
  pos.forEach((a, i) => pos.forEach((b, j) => {
    const last = pos.length - 1;
    if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(a + dx, b + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
  }));
  formatBits(set, size, 0); // reserve; drawn for real once the mask is known
  if (v >= 7) {
    let rem = v;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (v << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const bit = ((bits >>> i) & 1) === 1;
      const [a, b] = [size - 11 + (i % 3), Math.floor(i / 3)];
      set(a, b, bit);
      set(b, a, bit);
    }
  }
  return { size, dark, fixed, set };
}

function formatBits(set, size, mask) {
  const data = (0 << 3) | mask; // level M is 00
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  const bit = (i) => ((bits >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) set(8, i, bit(i));
  set(8, 7, bit(6));
  set(8, 8, bit(7));
  set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i));
  set(8, size - 8, true);
}

function placeData(m, data) {
  let i = 0;
  for (let right = m.size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < m.size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? m.size - 1 - vert : vert;
        if (!m.fixed[y][x] && i < data.length * 8) {
          m.dark[y][x] = ((data[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  }
}

/** Penalty score of a finished matrix (the four rules of the standard); lower is easier to scan. */
function penalty(dark) {
  const size = dark.length;
  let score = 0;
  const lines = [...dark, ...dark.map((_, x) => dark.map((row) => row[x]))];
  for (const line of lines) {
    let run = 1;
    for (let i = 1; i <= size; i++) {
      if (i < size && line[i] === line[i - 1]) run++;
      else { if (run >= 5) score += run - 2; run = 1; }
    }
    const text = line.map((d) => (d ? "1" : "0")).join("");
    for (const pattern of ["10111010000", "00001011101"]) {
      for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) score += 40;
    }
  }
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const c = dark[y][x];
      if (c === dark[y][x + 1] && c === dark[y + 1][x] && c === dark[y + 1][x + 1]) score += 3;
    }
  }
  const total = dark.flat().filter(Boolean).length;
  score += Math.floor(Math.abs(total * 20 - size * size * 10) / (size * size)) * 10;
  return score;
}

/** The QR matrix (rows of booleans, true = dark) for `text`; `mask` 0-7 forces a mask pattern. */
export function qrMatrix(text, mask = null) {
  const bytes = [...new TextEncoder().encode(text)];
  const version = BLOCKS_M.findIndex((_, i) => capacity(i + 1) * 8 >= 4 + (i + 1 < 10 ? 8 : 16) + bytes.length * 8) + 1;
  if (version === 0) throw new RangeError(`text too long for a QR code here (${bytes.length} bytes)`);
  const data = codewords(bytes, version);
  let best = null;
  for (const m of mask === null ? [0, 1, 2, 3, 4, 5, 6, 7] : [mask]) {
    const matrix = baseMatrix(version);
    placeData(matrix, data);
    for (let y = 0; y < matrix.size; y++) {
      for (let x = 0; x < matrix.size; x++) if (!matrix.fixed[y][x] && MASKS[m](x, y)) matrix.dark[y][x] = !matrix.dark[y][x];
    }
    formatBits(matrix.set, matrix.size, m);
    const score = penalty(matrix.dark);
    if (!best || score < best.score) best = { score, dark: matrix.dark };
  }
  return best.dark;
}

/** An SVG QR code for `text` (with its quiet zone), dark on white also in dark mode; decorative for readers. */
export function qrCode(text) {
  let dark;
  try {
    dark = qrMatrix(text);
  } catch (error) {
    console.warn("no QR code for this link", error);
    return document.createTextNode("");
  }
  const size = dark.length + 8;
  let path = "";
  dark.forEach((row, y) => row.forEach((on, x) => { if (on) path += `M${x + 4} ${y + 4}h1v1h-1z`; }));
  const svg = svgEl("svg", { viewBox: `0 0 ${size} ${size}`, class: "qr", "shape-rendering": "crispEdges", "aria-hidden": "true",
    focusable: "false" }, svgEl("rect", { width: size, height: size, fill: "#fff" }), svgEl("path", { d: path, fill: "#000" }));
  return svg;
}
