// usage: node pinyin.js SIMPLIFIED_FILE TRADITIONAL_FILE  -> annotated traditional text on stdout
// Appends "(pinyin)" after roughly every third traditional character that differs from its
// simplified form. Readings are taken from the simplified text in context (pinyin-pro).
const fs = require('fs');
const { pinyin } = require('pinyin-pro');
const s = [...fs.readFileSync(process.argv[2], 'utf8')];
const t = [...fs.readFileSync(process.argv[3], 'utf8')];
if (s.length !== t.length) { console.error('length mismatch', s.length, t.length); process.exit(2); }
const py = pinyin(s.join(''), { type: 'all' });
let out = '', k = 0, n = 0;
for (let i = 0; i < t.length; i++) {
  out += t[i];
  if (t[i] !== s[i] && /[\u4e00-\u9fff]/.test(t[i])) {
    n++;
    if (n % 3 === 1) {
      const p = py[i];
      if (p && p.isZh && p.origin === s[i]) out += '(' + p.pinyin + ')';
    }
  }
}
process.stdout.write(out);
