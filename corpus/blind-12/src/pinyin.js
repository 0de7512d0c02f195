// Annotate a traditional-script text with pinyin, reading characters in context
// from the parallel simplified text. Input (stdin): JSON {"simplified": s, "traditional": t}
// with s and t of equal length (OpenCC conversions used here are length-preserving).
// Output (stdout): t with "(pinyin)" appended after every third character that differs
// from its simplified form.
const { pinyin } = require('pinyin-pro');
let buf = '';
process.stdin.on('data', d => { buf += d; });
process.stdin.on('end', () => {
  const { simplified, traditional } = JSON.parse(buf);
  const s = Array.from(simplified), t = Array.from(traditional);
  if (s.length !== t.length) { console.error('length mismatch'); process.exit(2); }
  const info = pinyin(simplified, { type: 'all', toneType: 'symbol' });
  const py = [];
  for (const x of info) { for (const _ of Array.from(x.origin)) py.push(x.isZh ? x.pinyin : null); }
  if (py.length !== s.length) { console.error('pinyin length mismatch', py.length, s.length); process.exit(3); }
  let out = '', n = 0;
  for (let i = 0; i < t.length; i++) {
    out += t[i];
    if (t[i] !== s[i] && py[i]) {
      n++;
      if (n % 3 === 1) out += '(' + py[i] + ')';
    }
  }
  process.stdout.write(out);
});
