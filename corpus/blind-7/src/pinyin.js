// Annotate a traditional text with pinyin: after roughly every third character that differs from
// its simplified source, append "(pinyin)". Input JSON {s: simplified, t: traditional} on stdin.
const { pinyin } = require('pinyin-pro');
let input = '';
process.stdin.on('data', d => input += d);
process.stdin.on('end', () => {
  const { s, t } = JSON.parse(input);
  const S = Array.from(s), T = Array.from(t);
  if (S.length !== T.length) { process.stderr.write('length mismatch\n'); process.exit(1); }
  const py = pinyin(s, { type: 'array', toneType: 'symbol', nonZh: 'consecutive' });
  // map pinyin array onto characters: pinyin-pro returns one entry per Han char, non-Han runs merged
  const perChar = []; let k = 0;
  for (let i = 0; i < S.length; i++) {
    if (/\p{Script=Han}/u.test(S[i])) { perChar.push(py[k++]); }
    else { perChar.push(null); if (!(i + 1 < S.length && !/\p{Script=Han}/u.test(S[i + 1]))) k++; }
  }
  let out = '', diff = 0;
  for (let i = 0; i < T.length; i++) {
    out += T[i];
    if (S[i] !== T[i] && perChar[i]) { diff++; if (diff % 3 === 0) out += '(' + perChar[i] + ')'; }
  }
  process.stdout.write(out);
});
