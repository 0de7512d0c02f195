// usage: node pinyin.js < json {"s": simplified, "t": traditional}  -> annotated traditional text on stdout
// Appends "(pinyin)" after roughly every third traditional character that differs from its simplified form.
const { pinyin } = require('pinyin-pro');
let buf = '';
process.stdin.on('data', d => buf += d);
process.stdin.on('end', () => {
  const { s, t } = JSON.parse(buf);
  const sc = Array.from(s), tc = Array.from(t);
  if (sc.length !== tc.length) { console.error('length mismatch'); process.exit(2); }
  const py = pinyin(s, { type: 'array', nonZh: 'removed' });
  // map Chinese chars of s to their pinyin in order
  let k = 0, n = 0, out = '';
  for (let i = 0; i < sc.length; i++) {
    const isZh = /[\u3400-\u9fff]/.test(sc[i]);
    let p = null;
    if (isZh) { p = py[k]; k++; }
    out += tc[i];
    if (isZh && tc[i] !== sc[i]) {
      n++;
      if (n % 3 === 1 && p) out += '(' + p + ')';
    }
  }
  process.stdout.write(out);
});
