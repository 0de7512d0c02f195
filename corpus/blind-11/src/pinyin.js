// Appends "(pinyin)" after every third traditional character that differs from its simplified form.
// stdin: JSON {"simp": "...", "trad": "..."} (same length); stdout: annotated traditional text.
const { pinyin } = require('pinyin-pro');
let buf = '';
process.stdin.on('data', d => (buf += d));
process.stdin.on('end', () => {
  const { simp, trad } = JSON.parse(buf);
  const s = Array.from(simp), t = Array.from(trad);
  if (s.length !== t.length) { process.stderr.write('length mismatch\n'); process.exit(1); }
  const py = pinyin(simp, { type: 'array' });
  let out = '', n = 0;
  for (let i = 0; i < t.length; i++) {
    out += t[i];
    if (t[i] !== s[i] && /[\u4e00-\u9fff]/.test(s[i])) {
      n++;
      if (n % 3 === 1 && py.length === s.length) out += '(' + py[i] + ')';
    }
  }
  process.stdout.write(out);
});
