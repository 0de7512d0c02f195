// Reads a JSON array of simplified-Chinese strings on stdin and prints, for each,
// the array of tone-marked pinyin syllables (one per character, read in context).
const { pinyin } = require('pinyin-pro');
let buf = '';
process.stdin.on('data', d => (buf += d));
process.stdin.on('end', () => {
  const items = JSON.parse(buf);
  const out = items.map(s => pinyin(s, { type: 'array', toneType: 'symbol' }));
  process.stdout.write(JSON.stringify(out));
});
