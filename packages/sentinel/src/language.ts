import type { Language } from './types.js';

/** Names seen in fence info strings, `--language` values and file extensions. */
const ALIASES: Record<string, Language> = {
  js: 'javascript', javascript: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', node: 'javascript', nodejs: 'javascript',
  vue: 'javascript', svelte: 'javascript',
  ts: 'typescript', typescript: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  py: 'python', python: 'python', python3: 'python', py3: 'python', pyw: 'python', django: 'python', flask: 'python', jinja: 'html', jinja2: 'html', j2: 'html',
  java: 'java', kotlin: 'java', kt: 'java', scala: 'java', groovy: 'java',
  go: 'go', golang: 'go',
  php: 'php', phtml: 'php',
  rb: 'ruby', ruby: 'ruby', erb: 'ruby', rails: 'ruby', rake: 'ruby', gemspec: 'ruby',
  cs: 'csharp', csharp: 'csharp', 'c#': 'csharp', cshtml: 'csharp', razor: 'csharp',
  html: 'html', htm: 'html', xhtml: 'html', xml: 'html', svg: 'html', handlebars: 'html', hbs: 'html', mustache: 'html', ejs: 'html',
  sh: 'shell', bash: 'shell', zsh: 'shell', shell: 'shell', console: 'shell', shellsession: 'shell', ps1: 'shell', powershell: 'shell', dockerfile: 'shell',
  c: 'c', h: 'c', cpp: 'c', 'c++': 'c', cc: 'c', hpp: 'c', cxx: 'c', rs: 'c', rust: 'c', swift: 'c',
  env: 'config', dotenv: 'config', ini: 'config', toml: 'config', yaml: 'config', yml: 'config', json: 'config', properties: 'config', conf: 'config', cfg: 'config', tf: 'config', hcl: 'config',
  txt: 'text', text: 'text', md: 'text', markdown: 'text', plaintext: 'text', diff: 'text',
};

/** Maps a fence info string, a `--language` value or an extension to a language, if known. */
export function normaliseLanguage(name: string | undefined): Language | undefined {
  if (!name) return undefined;
  const key = name.trim().toLowerCase().replace(/^\./, '').split(/[\s{,:]/)[0] ?? '';
  return ALIASES[key];
}

export function languageFromFilename(filename: string | undefined): Language | undefined {
  if (!filename) return undefined;
  const base = filename.split(/[\\/]/).pop() ?? '';
  if (/^\.env(\..*)?$/i.test(base)) return 'config';
  if (/^dockerfile$/i.test(base)) return 'shell';
  const dot = base.lastIndexOf('.');
  return dot >= 0 ? normaliseLanguage(base.slice(dot + 1)) : undefined;
}

/** Signals for guessing an unlabelled block: each hit adds weight to a language. */
const SIGNALS: Array<[Language, RegExp, number]> = [
  ['php', /<\?php|\$_(?:GET|POST|REQUEST|COOKIE|SERVER)\b/, 5],
  ['php', /^\s*\$\w+\s*=|->\w+\(|\becho\s+\$/m, 2],
  ['python', /^\s*(?:def \w+\(.*\)\s*(?:->[^:]+)?:|import \w+|from [\w.]+ import |class \w+(?:\(.*\))?:\s*$)/m, 3],
  ['python', /^\s*(?:elif |print\(|if __name__|with open\()|\bself\./m, 2],
  ['go', /^\s*package \w+\s*$|\bfunc (?:\(\w+ \*?\w+\) )?\w+\(|:= |\bfmt\.\w+\(/m, 3],
  ['java', /\bpublic (?:static )?(?:class|void|final)\b|System\.out\.|\bimport java\.|@Override|\bString\[\] args/, 4],
  ['csharp', /\busing System(?:\.\w+)*;|\bnamespace \w+|Console\.Write|\bpublic async Task\b|\[HttpGet|\bvar \w+ = new /, 4],
  ['ruby', /^\s*(?:require ['"]\w+['"]|def \w+(?:\(.*\))?\s*$|end\s*$|puts )|\.each do \||\bdo \|\w+\|/m, 3],
  ['javascript', /\b(?:const|let|var) \w+ = |=> \{|\brequire\(['"]|\bfunction \w*\(|console\.log\(|\bmodule\.exports\b|\bexport (?:default |const |function )/, 3],
  ['typescript', /:\s*(?:string|number|boolean|any|void)\b[^:]|\binterface \w+ \{|\bimport .* from ['"]/, 2],
  ['html', /^\s*<(?:!doctype|html|div|body|head|script|template|form|p|span|ul|table)\b/im, 3],
  ['shell', /^\s*(?:\$ |#!\/bin\/(?:ba)?sh|sudo |apt(?:-get)? |npm (?:install|run) |curl |export [A-Z_]+=)/m, 3],
];

/** Guesses the language of an unlabelled code block from its content. */
export function guessLanguage(code: string): Language {
  const sample = code.length > 20_000 ? code.slice(0, 20_000) : code;
  let best: Language = 'text';
  let bestScore = 0;
  const scores = new Map<Language, number>();
  for (const [lang, re, weight] of SIGNALS) {
    if (re.test(sample)) {
      const s = (scores.get(lang) ?? 0) + weight;
      scores.set(lang, s);
      if (s > bestScore) {
        bestScore = s;
        best = lang;
      }
    }
  }
  // TypeScript signals only count on top of JavaScript-looking code.
  if (best === 'javascript' && (scores.get('typescript') ?? 0) > 0) return 'typescript';
  if (best === 'typescript' && (scores.get('javascript') ?? 0) === 0 && bestScore < 3) return 'text';
  return best;
}
