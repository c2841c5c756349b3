import { callArguments, type Flow } from '../flow.js';
import type { SinkRule } from './rule.js';
import { JS_LIKE } from './rule.js';

const XSS_FIX_JS = 'Assign textContent, or sanitise the HTML (DOMPurify.sanitize) before inserting it.';
const TEMPLATE_FIX = 'Keep autoescaping on and let the template engine escape values.';

/**
 * True when the Go value at [start, end) is a variable last assigned the output of a program
 * or an encoder (`exec.Command(…).Output()`, `json.Marshal(…)`): what the program or encoder
 * produced, not the request text echoed back, so the input that went in is not what is written.
 */
function producedNotEchoed(flow: Flow, start: number, end: number): boolean {
  const name = /^\s*([A-Za-z_]\w*)\s*$/.exec(flow.code.code.slice(start, end))?.[1];
  if (!name) return false;
  const assign = new RegExp(`(?:^|[^\\w.])${name}\\s*(?:,\\s*\\w+\\s*)?:?=(?!=)(.*)$`);
  for (let l = flow.lineOf(start); l >= 0 && l > flow.lineOf(start) - 100; l--) {
    const a = assign.exec(flow.lineText(l));
    if (a) return /^\s*(?:exec\.Command(?:Context)?\s*\(.*\)\s*\.\s*(?:Output|CombinedOutput)\s*\(\s*\)|\w+\s*\.\s*(?:Output|CombinedOutput)\s*\(\s*\)|json\.Marshal(?:Indent)?\s*\()/.test(a[1]!);
  }
  return false;
}

/** True when the Python code at `pos` sits in a function decorated as a web route (`@app.get(…)`). */
function inRouteHandler(flow: Flow, pos: number): boolean {
  const indent = (t: string): number => t.length - t.trimStart().length;
  const at = flow.lineOf(pos);
  const own = indent(flow.lineText(at));
  for (let l = at - 1; l >= 0; l--) {
    const text = flow.lineText(l);
    if (!text.trim() || indent(text) >= own) continue;
    if (!/^\s*(?:async\s+)?def\b/.test(text)) return false;
    for (let d = l - 1; d >= 0 && /^\s*@/.test(flow.lineText(d)); d--) {
      if (/^\s*@\w+\.(?:get|post|put|patch|delete|route|api_route|websocket)\s*\(/.test(flow.lineText(d))) return true;
    }
    return false;
  }
  return false;
}

export const xssRules: SinkRule[] = [
  {
    id: 'xss/dom-innerhtml',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: JS_LIKE,
    keywords: ['innerhtml', 'outerhtml'],
    pattern: /\.\s*(?:innerHTML|outerHTML)\s*\+?=(?!=)/,
    when: 'assign',
    message: 'HTML inserted via innerHTML/outerHTML', fix: XSS_FIX_JS,
    examples: { language: 'javascript', match: ['el.innerHTML = location.hash.slice(1);'], noMatch: ['el.innerHTML = "<b>Loading…</b>";', 'el.textContent = name;'] },
  },
  {
    id: 'xss/dom-url-assign',
    category: 'xss', cwe: 'CWE-79', severity: 'medium', languages: JS_LIKE,
    keywords: ['.href', '.src', '.action', '.formaction'],
    // A link or frame URL taken from the page's own URL runs `javascript:` code when followed.
    pattern: /\.\s*(?:href|src|action|formAction)\s*=(?!=)/,
    when: 'assign', taint: 'source',
    unless: /=\s*(?:["'`]https?:\/\/[^"'`$]+\/|["'`]\/(?!\/))/,
    message: 'Link/frame URL taken from the page URL (javascript: URLs run script)', fix: 'Parse with new URL() and allow only http(s) URLs on your own origin.',
    examples: { language: 'javascript', match: ["a.href = new URLSearchParams(location.search).get('next');"], noMatch: ['a.href = "/home";', "img.src = '/avatars/' + encodeURIComponent(id);"] },
  },
  {
    id: 'xss/document-write',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: JS_LIKE,
    keywords: ['document.write', 'insertadjacenthtml', 'createcontextualfragment'],
    pattern: /\bdocument\s*\.\s*(?:write|writeln)\s*\(|\.\s*createContextualFragment\s*\(/,
    when: 'args', args: 'all',
    message: 'HTML written with document.write', fix: XSS_FIX_JS,
    examples: { language: 'javascript', match: ['document.write("<p>" + name + "</p>")'], noMatch: ['document.write("<p>static</p>")'] },
  },
  {
    id: 'xss/insert-adjacent-html',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: JS_LIKE,
    keywords: ['insertadjacenthtml'],
    pattern: /\.\s*insertAdjacentHTML\s*\(/,
    when: 'args', args: 1,
    message: 'HTML inserted via insertAdjacentHTML', fix: XSS_FIX_JS,
    examples: { language: 'javascript', match: ['list.insertAdjacentHTML("beforeend", `<li>${item.name}</li>`)'], noMatch: ['list.insertAdjacentHTML("beforeend", "<li>x</li>")'] },
  },
  {
    id: 'xss/jquery-html',
    category: 'xss', cwe: 'CWE-79', severity: 'medium', languages: JS_LIKE,
    keywords: ['.html(', '.append(', '.prepend(', '.after(', '.before('],
    pattern: /\$\([^)\n]{0,80}\)\s*\.\s*(?:html|append|prepend|after|before|replaceWith)\s*\(/,
    when: 'args', taint: 'input',
    message: 'HTML inserted with jQuery from input', fix: 'Use .text(), or sanitise the HTML first.',
    examples: { language: 'javascript', match: ['$("#out").html(location.hash)'], noMatch: ['$("#out").html("<b>ok</b>")'] },
  },
  {
    id: 'xss/react-dangerously-set-inner-html',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: JS_LIKE,
    keywords: ['dangerouslysetinnerhtml'],
    pattern: /dangerouslySetInnerHTML\s*[=:]\s*\{?\s*\{\s*__html\s*:/,
    when: (m) => {
      const end = m.flow.statementEnd(m.end);
      const raw = m.flow.code.code.slice(m.end, end);
      if (/^\s*(?:DOMPurify\.sanitize|sanitize\w*|purify\w*|xss\()/.test(raw)) return false;
      const t = m.flow.expression(m.end, end);
      return t.tainted ? { end } : false;
    },
    message: 'dangerouslySetInnerHTML with a non-constant value', fix: 'Render the value as text, or sanitise it with DOMPurify.sanitize first.',
    examples: { language: 'typescript', match: ['return <div dangerouslySetInnerHTML={{ __html: props.bio }} />;'], noMatch: ['return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(props.bio) }} />;'] },
  },
  {
    id: 'xss/express-send-html',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: JS_LIKE,
    keywords: ['send', 'write', 'end'],
    pattern: /\bres\s*\.\s*(?:send|write|end)\s*\(/,
    when: (m) => {
      const { flow } = m;
      const call = callArguments(flow.code.masked, m.end - 1);
      const first = call.args[0];
      if (!first) return false;
      // Only HTML built into a string; res.send(obj) is JSON.
      if (!/<[a-zA-Z]/.test(flow.code.code.slice(first[0], first[1]))) return false;
      const t = flow.expression(first[0], first[1]);
      return t.tainted && t.reason === 'source' ? { end: call.end } : false;
    },
    message: 'Request input written into an HTML response without escaping', fix: 'Render through a template engine that escapes, or escape the value (e.g. escape-html) before building the HTML.',
    examples: { language: 'javascript', match: ['app.get("/", (req, res) => res.send(`<h1>Hello ${req.query.name}</h1>`));'], noMatch: ['app.get("/", (req, res) => res.send(`<h1>Hello ${escapeHtml(req.query.name)}</h1>`));', 'app.get("/", (req, res) => res.send({ name: req.query.name }));'] },
  },
  {
    id: 'xss/koa-body-html',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: JS_LIKE,
    keywords: ['ctx.body', 'reply.send', 'reply.type'],
    // Koa `ctx.body = "<p>" + …`, Fastify `reply.type("text/html").send(…)`: HTML built from input.
    pattern: /\bctx\s*\.\s*body\s*=(?!=)|\breply\s*(?:\.\s*(?:type|header|code|status)\s*\([^()]*\)\s*)*\.\s*send\s*\(/,
    when: (m) => {
      const { flow } = m;
      const masked = flow.code.masked;
      const span: [number, number] | undefined = masked[m.end - 1] === '(' ? callArguments(masked, m.end - 1).args[0] : [m.end, flow.statementEnd(m.end)];
      if (!span || !/<[a-zA-Z]/.test(flow.code.code.slice(span[0], span[1]))) return false;
      const t = flow.expression(span[0], span[1]);
      return t.tainted && t.reason === 'source' ? { end: span[1] } : false;
    },
    message: 'Request input written into an HTML response without escaping', fix: 'Render through a template engine that escapes, or escape the value (e.g. escape-html) before building the HTML.',
    examples: { language: 'javascript', match: ['ctx.body = `<p>Hello ${ctx.query.name}</p>`;'], noMatch: ['ctx.body = `<p>Hello ${escapeHtml(ctx.query.name)}</p>`;', 'ctx.body = { name: ctx.query.name };'] },
  },
  {
    id: 'xss/angular-bypass-security',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: JS_LIKE,
    keywords: ['bypasssecuritytrust'],
    pattern: /\.\s*bypassSecurityTrust(?:Html|Script|Style|Url|ResourceUrl)\s*\(/,
    when: 'args',
    message: 'Angular sanitisation bypassed for a non-constant value', fix: 'Let Angular sanitise the value; bypass only constants you control.',
    examples: { language: 'typescript', match: ['this.html = this.sanitizer.bypassSecurityTrustHtml(review.message)'], noMatch: ['this.html = this.sanitizer.bypassSecurityTrustHtml("<b>x</b>")'] },
  },
  {
    id: 'xss/template-unescaped',
    category: 'xss', cwe: 'CWE-79', severity: 'medium', languages: ['html', 'javascript', 'typescript', 'python', 'php', 'ruby', 'text'],
    keywords: ['v-html', '{{{', '<%-', '{!!', '|safe', '<%==', 'autoescape', '| safe', '[innerhtml]', 'noescape'],
    pattern: /\bv-html\s*=\s*["'](?!\s*['"`])|\{\{\{\s*[\w.]+\s*\}\}\}|<%-\s*(?!include\b)[\w.([\]'"]+|\{!!\s*\$|\{\{[^}\n]{1,120}\|\s*safe\b|\{%-?\s*autoescape\s+(?:false|off)\b|<%==|\[innerHTML\]\s*=\s*["'](?!\s*['"`])|\|\s*noescape\b/,
    inString: true,
    when: 'always',
    message: 'Template output with escaping switched off', fix: TEMPLATE_FIX,
    examples: { language: 'html', match: ['<div v-html="comment.body"></div>', '<p>{{ bio|safe }}</p>', '<%- user.name %>'], noMatch: ['<p>{{ bio }}</p>', '<%= user.name %>'] },
  },
  {
    id: 'xss/mustache-escape-disabled',
    category: 'xss', cwe: 'CWE-79', severity: 'medium', languages: JS_LIKE,
    keywords: ['escapemarkup', 'escape'],
    pattern: /\bescapeMarkup\s*[:=]\s*false\b|\b(?:Mustache|Handlebars|handlebars|mustache)\.escape\s*=\s*(?:function|\([^)]*\)\s*=>|[\w$]+\s*=>)/,
    when: 'always',
    message: 'Template escaping switched off', fix: TEMPLATE_FIX,
    examples: { language: 'javascript', match: ['Mustache.escape = function (t) { return t; };', 'var x = { escapeMarkup: false }'], noMatch: ['var x = { escapeMarkup: true }'] },
  },
  {
    id: 'xss/python-mark-safe',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: ['python'],
    keywords: ['mark_safe', 'markup', 'safestring', 'format_html'],
    pattern: /\b(?:mark_safe|SafeString|SafeText|Markup|jinja2\.Markup|markupsafe\.Markup)\s*\(/,
    when: 'args',
    message: 'Non-constant string marked safe for HTML', fix: 'Use format_html()/escape() so values are escaped, and mark only constant markup safe.',
    examples: { language: 'python', match: ['def bio(u):\n    return mark_safe("<b>" + u.name + "</b>")'], noMatch: ['mark_safe("<b>static</b>")'] },
  },
  {
    id: 'xss/jinja2-autoescape-off',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: ['python'],
    keywords: ['autoescape', 'environment'],
    pattern: /\bautoescape\s*=\s*(?:False|0|None)\b|\b(?:jinja2\.)?Environment\s*\((?![^)]*autoescape)[^)]*\)|\bTemplate\s*\(\s*[^)]*autoescape\s*=\s*False/,
    when: 'always',
    message: 'Jinja2 autoescaping is off', fix: 'Create the Environment with autoescape=True (or select_autoescape()).',
    examples: { language: 'python', match: ['env = jinja2.Environment(loader=loader, autoescape=False)', 'env = Environment(loader=x)'], noMatch: ['env = Environment(loader=x, autoescape=select_autoescape())'] },
  },
  {
    id: 'xss/python-html-response',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: ['python'],
    keywords: ['httpresponse', 'make_response', 'render_template_string', 'htmlresponse', 'return'],
    pattern: /\b(?:HttpResponse|make_response|HTMLResponse|render_template_string|Response)\s*\(|^\s*return\s+(?=[fF]?["'][^"'\n]*<\w)/m,
    when: (m) => {
      const { flow } = m;
      const masked = flow.code.masked;
      const span: [number, number] | undefined = masked[m.end - 1] === '(' ? callArguments(masked, m.end - 1).args[0] : [m.end, flow.statementEnd(m.end)];
      if (!span) return false;
      const raw = flow.code.code.slice(span[0], span[1]);
      if (!/<\w|render_template_string/.test(raw + flow.code.code.slice(m.start, m.end))) return false;
      const t = flow.expression(span[0], span[1]);
      // The parameters of a route handler (FastAPI `def page(name: str)`) are bound from the request.
      const input = t.reason === 'source' || (t.reason === 'parameter' && inRouteHandler(flow, m.start));
      return t.tainted && input ? { end: span[1] } : false;
    },
    message: 'HTML response built from request input without escaping', fix: 'Render through a template with autoescaping, or escape the values (markupsafe.escape).',
    examples: { language: 'python', match: ['return "<h1>Hello " + request.args.get("name") + "</h1>"', '@app.get("/w", response_class=HTMLResponse)\ndef w(name: str):\n    return f"<h1>{name}</h1>"'], noMatch: ['return "<h1>Hello " + escape(request.args.get("name")) + "</h1>"', 'def label(name):\n    return f"<b>{name}</b>"'] },
  },
  {
    id: 'xss/html-string-response',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: ['java', 'ruby'],
    keywords: ['<'],
    // A handler that returns an HTML string (`return "<h1>" + name` in a Spring controller, a
    // Sinatra route whose last line is `"<h1>#{params[:name]}</h1>"`): the string is the body.
    pattern: /^[ \t]*(?:return[ \t]+)?"(?=[^"\n]*<[a-zA-Z])/m,
    inString: true,
    when: (m) => {
      const { flow } = m;
      const text = flow.code.code;
      const quote = text.indexOf('"', m.start);
      if (flow.language === 'java') {
        if (!/^\s*return\b/.test(text.slice(m.start, quote))) return false;
        if (!/@(?:RestController|ResponseBody|Controller|(?:Get|Post|Put|Patch|Delete|Request)Mapping)\b|@(?:GET|POST|Path)\b/.test(text)) return false;
      } else {
        const line = flow.lineOf(m.start);
        let next = line + 1;
        while (next < flow.lineStarts.length && !flow.lineText(next).trim()) next++;
        const last = /^\s*end\b|^\s*\}/.test(flow.lineText(next));
        if (!/^\s*return\b/.test(text.slice(m.start, quote)) && !last) return false;
        if (!/^\s*(?:get|post|put|patch|delete)\s+['"\/]/m.test(text)) return false;
      }
      const end = flow.statementEnd(quote);
      const t = flow.expression(quote, end);
      // A controller method's parameters are bound from the request.
      const accepted = t.reason === 'source' || (flow.language === 'java' && t.reason === 'parameter');
      return t.tainted && accepted ? { end } : false;
    },
    message: 'HTML response built from request input without escaping', fix: 'Render through a template that escapes values, or escape them (HtmlUtils.htmlEscape, Rack::Utils.escape_html).',
    examples: { language: 'java', match: ['@GetMapping("/g")\npublic String g(@RequestParam String name) {\n  return "<h1>Hello " + name + "</h1>";\n}'], noMatch: ['@GetMapping("/g")\npublic String g(@RequestParam String name) {\n  return "<h1>Hello " + HtmlUtils.htmlEscape(name) + "</h1>";\n}'] },
  },
  {
    id: 'xss/mako-template',
    category: 'xss', cwe: 'CWE-79', severity: 'medium', languages: ['python'],
    keywords: ['mako'],
    pattern: /\b(?:mako\.template\.|template\.)?Template\s*\(/,
    when: (m) => (/\bmako\b/.test(m.flow.code.code) && !/default_filters\s*=\s*\[[^\]]*['"]h['"]/.test(m.flow.code.code.slice(m.start, m.flow.statementEnd(m.end))) ? true : false),
    message: 'Mako templates do not escape HTML by default', fix: "Pass default_filters=['h'] (or use a template engine with autoescaping).",
    examples: { language: 'python', match: ['from mako.template import Template\nt = Template("hello ${name}")'], noMatch: ['from string import Template\nt = Template("x")'] },
  },
  {
    id: 'xss/go-template-from-input',
    category: 'xss', cwe: 'CWE-1336', severity: 'high', languages: ['go'],
    keywords: ['.parse('],
    pattern: /\btemplate\.(?:Must\s*\(\s*)?(?:New\s*\([^)\n]*\)\s*)?\.?\s*Parse\s*\(/,
    when: 'args', taint: 'input',
    message: 'Template parsed from user input (server-side template injection)', fix: 'Parse only templates you ship; pass user data as template values.',
    examples: { language: 'go', match: ['func h(w http.ResponseWriter, r *http.Request) {\n\tt, _ := template.New("p").Parse(r.URL.Query().Get("tmpl"))\n}'], noMatch: ['t, _ := template.New("p").Parse(pageTemplate)'] },
  },
  {
    id: 'xss/java-response-writer',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: ['java'],
    keywords: ['getwriter', 'senderror', 'print', 'write'],
    pattern: /\b(?:getWriter\s*\(\s*\)|out|writer|pw|printWriter)\s*\.\s*(?:print|println|write|printf|format|append)\s*\(|\.\s*sendError\s*\(/,
    when: (m) => {
      const { flow } = m;
      const call = callArguments(flow.code.masked, m.end - 1);
      // `out` is often System.out; only count writers into an HTTP response.
      if (!/getWriter|sendError/.test(flow.code.code.slice(m.start, m.end)) && !/\bgetWriter\s*\(|HttpServletResponse|JspWriter/.test(flow.code.code)) return false;
      for (const [a, b] of call.args) {
        const t = flow.expression(a, b);
        if (t.tainted && t.reason !== 'unknown') return { end: call.end };
        if (t.tainted && /["']\s*<|<\w+[^>]*>|<br/.test(flow.code.code.slice(a, b))) return { end: call.end };
      }
      return false;
    },
    message: 'Input written into the HTTP response without HTML escaping', fix: 'Escape with an encoder (OWASP Encoder Encode.forHtml, StringEscapeUtils.escapeHtml4).',
    examples: { language: 'java', match: ['response.getWriter().println("<br>hello " + request.getParameter("name"));'], noMatch: ['response.getWriter().println("<br>hello");'] },
  },
  {
    id: 'xss/go-template-bypass',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: ['go'],
    keywords: ['template.'],
    pattern: /\btemplate\.(?:HTML|HTMLAttr|JS|JSStr|CSS|URL|Srcset)\s*\(/,
    when: 'args',
    message: 'html/template escaping bypassed for a non-constant value', fix: 'Pass plain strings to the template and let html/template escape them.',
    examples: { language: 'go', match: ['data := template.HTML(r.FormValue("bio"))'], noMatch: ['data := template.HTML("<b>ok</b>")'] },
  },
  {
    id: 'xss/go-response-write',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: ['go'],
    keywords: ['fprint', 'write', 'writestring'],
    pattern: /\bfmt\.Fprint(?:f|ln)?\s*\(\s*w\s*,|\bio\.WriteString\s*\(\s*w\s*,|\bw\.Write\s*\(/,
    when: (m) => {
      const { flow } = m;
      const call = callArguments(flow.code.masked, flow.code.masked.lastIndexOf('(', m.end));
      if (/application\/json/.test(flow.code.code.slice(m.start, call.end))) return false;
      // w.Write(body): the body; Fprintf(w, format, args…) / WriteString(w, s): all but the writer.
      const args = /^w\.Write/.test(m.groups[0].trim()) ? call.args : call.args.slice(1);
      for (const [a, b] of args) {
        if (producedNotEchoed(flow, a, b)) continue;
        const t = flow.expression(a, b);
        if (t.tainted && t.reason !== 'unknown') return { end: call.end };
      }
      return false;
    },
    message: 'Request input written into the HTTP response without escaping', fix: 'Render through html/template, or escape with html.EscapeString.',
    examples: { language: 'go', match: ['fmt.Fprintf(w, "<h1>%s</h1>", r.URL.Query().Get("q"))'], noMatch: ['fmt.Fprintf(w, "<h1>%s</h1>", html.EscapeString(r.URL.Query().Get("q")))', 'out, _ := exec.Command("ping", "-c", "1", r.FormValue("host")).Output()\nw.Write(out)'] },
  },
  {
    id: 'xss/php-echo',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: ['php'],
    keywords: ['echo', 'print', '<?=', 'die', 'exit'],
    pattern: /(?:^|[^\w$>])(?:echo|print|printf|vprintf|die|exit)\b|<\?=/,
    when: (m) => {
      const end = m.flow.statementEnd(m.end);
      const tail = m.flow.code.code.slice(m.end, end);
      if (/^\s*json_encode\s*\(/.test(tail)) return false;
      const t = m.flow.expression(m.end, end);
      return t.tainted && t.reason !== 'unknown' ? { end } : false;
    },
    message: 'Request input echoed into the page without escaping', fix: 'Wrap the value in htmlspecialchars($v, ENT_QUOTES, "UTF-8").',
    examples: { language: 'php', match: ['<?php echo "Hello " . $_GET["name"];'], noMatch: ['<?php echo "Hello " . htmlspecialchars($_GET["name"]);'] },
  },
  {
    id: 'xss/ruby-html-safe',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: ['ruby', 'html'],
    keywords: ['html_safe', 'raw', 'render', '<%=='],
    pattern: /\.html_safe\b|(?:^|[^.\w])raw[\s(]|\brender\s*\(?\s*(?:inline|html):/,
    when: (m) => {
      const { flow } = m;
      const text = flow.code.code;
      let s: number;
      let e: number;
      if (/html_safe/.test(m.groups[0])) {
        // Receiver: from the start of the expression on the line to `.html_safe`.
        const lineStart = flow.lineStarts[flow.lineOf(m.start)]!;
        const before = text.slice(lineStart, m.start);
        const rs = before.search(/[\w@$"'#{(][^=]*$/);
        s = lineStart + (rs < 0 ? 0 : rs);
        // `render html: "…".html_safe`: the receiver starts after the keyword argument's key.
        const quote = before.search(/["']/);
        const head = before.slice(0, quote < 0 ? before.length : quote);
        const key = /(?:^|[^:\w])\w+:\s+(?=\S*$)/.exec(head);
        if (key) s = Math.max(s, lineStart + key.index + key[0].length);
        e = m.start;
        if (/^\s*["'][^"'#]*["']\s*$/.test(text.slice(s, e))) return false;
      } else {
        s = m.end;
        e = flow.statementEnd(m.end);
      }
      const t = flow.expression(s, e);
      return t.tainted ? { at: m.start, end: e } : false;
    },
    message: 'Non-constant string marked html_safe / raw', fix: 'Let ERB escape the value (<%= %>) or sanitize() it.',
    examples: { language: 'ruby', match: ['<%= raw params[:bio] %>', 'msg = "Hi #{params[:name]}".html_safe'], noMatch: ['"<b>ok</b>".html_safe', 'render html: "<p>#{ERB::Util.html_escape(params[:q])}</p>".html_safe'] },
  },
  {
    id: 'xss/dotnet-raw',
    category: 'xss', cwe: 'CWE-79', severity: 'high', languages: ['csharp', 'html'],
    keywords: ['html.raw', 'htmlstring', 'response.write'],
    pattern: /@?Html\.Raw\s*\(|\bnew\s+(?:HtmlString|MvcHtmlString)\s*\(|\bResponse\.Write\s*\(/,
    when: 'args',
    message: 'Non-constant HTML written without encoding', fix: 'Let Razor encode the value, or HtmlEncoder.Default.Encode it.',
    examples: { language: 'csharp', match: ['Response.Write("<p>" + Request.Query["q"] + "</p>");'], noMatch: ['Response.Write("<p>ok</p>");'] },
  },
];
