// Reads simplified text on stdin, prints a JSON array: pinyin (tone marks) for each character, "" for non-Chinese.
const { pinyin } = require('pinyin-pro');
let buf = '';
process.stdin.on('data', d => buf += d);
process.stdin.on('end', () => {
  const all = pinyin(buf, { type: 'all', toneType: 'symbol' });
  const out = [];
  for (const x of all) {
    const chars = Array.from(x.origin);
    if (chars.length === 1) out.push(x.isZh ? x.pinyin : '');
    else for (const c of chars) out.push('');
  }
  process.stdout.write(JSON.stringify(out));
});
