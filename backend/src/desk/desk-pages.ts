/**
 * Server-rendered HTML for the desk's staff pages. Everything that came from a ticket (summary,
 * Markdown description, comments, names) passes through `escapeHtml` and is shown as preformatted
 * text: employees write these fields, so they must never become markup.
 */
import type { DeskIssue, DeskTransition } from './desk-types.js';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A tagged template that escapes every interpolated value unless it is already `Html`. */
class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      out += part instanceof Html ? part.text : escapeHtml(part === undefined || part === null ? '' : String(part));
    }
    out += strings[i + 1] ?? '';
  });
  return new Html(out);
}

const css = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f5f6f8;color:#172b4d;line-height:1.45}
header{background:#0747a6;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1rem;align-items:center}
header a{color:#fff;text-decoration:none;font-weight:600}
header form{margin-left:auto}
main{max-width:980px;margin:1.2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #dfe1e6;border-radius:6px;padding:1rem 1.2rem;margin-bottom:1rem}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;padding:.5rem .6rem;border-bottom:1px solid #ebecf0;vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;color:#5e6c84}
a{color:#0052cc}
.status{display:inline-block;padding:.05rem .45rem;border-radius:3px;font-size:.8rem;font-weight:700;text-transform:uppercase}
.s-new{background:#dfe1e6;color:#42526e}.s-indeterminate{background:#deebff;color:#0747a6}.s-done{background:#e3fcef;color:#006644}
.text{white-space:pre-wrap;word-wrap:break-word;font-family:inherit;margin:0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}
dt{color:#5e6c84}dd{margin:0}
.label{display:inline-block;background:#ebecf0;border-radius:3px;padding:0 .4rem;margin-right:.3rem;font-size:.85rem}
.comment{border-top:1px solid #ebecf0;padding:.7rem 0}
.meta{color:#5e6c84;font-size:.85rem}
.error{color:#bf2600}
textarea,input,select{font:inherit;padding:.4rem;border:1px solid #c1c7d0;border-radius:3px}
textarea{width:100%;box-sizing:border-box;min-height:5rem}
button{font:inherit;background:#0052cc;color:#fff;border:0;border-radius:3px;padding:.4rem .9rem;cursor:pointer}
header button{background:transparent;border:1px solid #fff}
`;

const categoryClass: Record<DeskIssue['status'], string> = {
  'To Do': 's-new',
  'In Progress': 's-indeterminate',
  Done: 's-done',
};

function layout(title: string, base: string, body: Html, options: { csrf?: string } = {}): string {
  const logout = options.csrf
    ? html`<form method="post" action="${base}/logout">
        <input type="hidden" name="csrf" value="${options.csrf}" /><button type="submit">Sign out</button>
      </form>`
    : html``;
  return `<!doctype html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width,initial-scale=1" />
      <title>${title}</title>
      <style>
        ${new Html(css)}
      </style>
    </head>
    <body>
      <header><a href="${base}/">Local desk</a>${logout}</header>
      <main>${body}</main>
    </body>
  </html>`}`;
}

function when(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function statusBadge(issue: DeskIssue): Html {
  return html`<span class="status ${categoryClass[issue.status]}">${issue.status}</span>`;
}

export function renderLoginPage(options: { base: string; next: string; error?: string }): string {
  const { base } = options;
  return layout(
    'Sign in · Local desk',
    base,
    html`<div class="card">
      <h1>Sign in</h1>
      <p>Enter the desk token (the <code>DESK_TOKEN</code> setting, or the token printed at first start).</p>
      ${options.error ? html`<p class="error" role="alert">${options.error}</p>` : html``}
      <form method="post" action="${base}/login">
        <input type="hidden" name="next" value="${options.next}" />
        <label for="token">Desk token</label><br />
        <input id="token" name="token" type="password" autocomplete="current-password" required autofocus size="48" />
        <button type="submit">Sign in</button>
      </form>
    </div>`,
  );
}

export function renderIssueList(options: { base: string; issues: DeskIssue[]; total: number; csrf: string }): string {
  const { base, issues } = options;
  const rows = issues.map(
    (issue) =>
      html`<tr>
        <td><a href="${base}/browse/${encodeURIComponent(issue.key)}">${issue.key}</a></td>
        <td><a href="${base}/browse/${encodeURIComponent(issue.key)}">${issue.summary}</a></td>
        <td>${statusBadge(issue)}</td>
        <td>${issue.reporter.displayName}</td>
        <td>${when(issue.created)}</td>
      </tr>`,
  );
  const table = issues.length
    ? html`<table>
        <thead>
          <tr>
            <th>Key</th>
            <th>Summary</th>
            <th>Status</th>
            <th>Reporter</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`
    : html`<div class="card">No tickets yet.</div>`;
  const more =
    options.total > issues.length
      ? html`<p class="meta">Showing the newest ${issues.length} of ${options.total}.</p>`
      : html``;
  return layout(
    'Tickets · Local desk',
    base,
    html`<h1>Tickets</h1>
      ${table}${more}`,
    { csrf: options.csrf },
  );
}

export function renderIssuePage(options: {
  base: string;
  issue: DeskIssue;
  transitions: DeskTransition[];
  csrf: string;
  error?: string;
}): string {
  const { base, issue, csrf } = options;
  const path = `${base}/browse/${encodeURIComponent(issue.key)}`;
  const labels = issue.labels.length ? issue.labels.map((l) => html`<span class="label">${l}</span>`) : html`—`;
  const comments = issue.comments.map(
    (c) =>
      html`<div class="comment">
        <div class="meta"><strong>${c.author.displayName}</strong> · ${when(c.created)}</div>
        <pre class="text">${c.body}</pre>
      </div>`,
  );
  const options_ = options.transitions.map((t) => html`<option value="${t.id}">${t.name}</option>`);
  return layout(
    `${issue.key}: ${issue.summary} · Local desk`,
    base,
    html`<p class="meta"><a href="${base}/">Tickets</a> / ${issue.key}</p>
      <h1>${issue.summary}</h1>
      ${options.error ? html`<p class="error" role="alert">${options.error}</p>` : html``}
      <div class="card">
        <dl>
          <dt>Key</dt>
          <dd>${issue.key}</dd>
          <dt>Status</dt>
          <dd>${statusBadge(issue)}</dd>
          <dt>Type</dt>
          <dd>${issue.issueType}</dd>
          <dt>Priority</dt>
          <dd>${issue.priority}</dd>
          <dt>Labels</dt>
          <dd>${labels}</dd>
          <dt>Components</dt>
          <dd>${issue.components.join(', ') || '—'}</dd>
          <dt>Reporter</dt>
          <dd>
            ${issue.reporter.displayName}${issue.reporter.emailAddress ? ` <${issue.reporter.emailAddress}>` : ''}
          </dd>
          <dt>Assignee</dt>
          <dd>${issue.assignee ?? 'Unassigned'}</dd>
          <dt>Created</dt>
          <dd>${when(issue.created)}</dd>
          <dt>Updated</dt>
          <dd>${when(issue.updated)}</dd>
        </dl>
      </div>
      <div class="card">
        <h2>Description</h2>
        <pre class="text">${issue.description || '(no description)'}</pre>
      </div>
      <div class="card">
        <h2>Status</h2>
        <form method="post" action="${path}/transition">
          <input type="hidden" name="csrf" value="${csrf}" />
          <select name="to" aria-label="New status">
            ${options_}
          </select>
          <button type="submit">Change status</button>
        </form>
      </div>
      <div class="card">
        <h2>Comments (${issue.comments.length})</h2>
        ${comments}
        <form method="post" action="${path}/comment">
          <input type="hidden" name="csrf" value="${csrf}" />
          <p>
            <label for="author">Your name</label><br /><input
              id="author"
              name="author"
              maxlength="100"
              placeholder="IT Staff"
            />
          </p>
          <p>
            <label for="body">Comment</label><br /><textarea
              id="body"
              name="body"
              required
              maxlength="32767"
            ></textarea>
          </p>
          <button type="submit">Add comment</button>
        </form>
      </div>`,
    { csrf },
  );
}

export function renderErrorPage(options: { base: string; title: string; message: string }): string {
  return layout(
    `${options.title} · Local desk`,
    options.base,
    html`<div class="card">
      <h1>${options.title}</h1>
      <p>${options.message}</p>
      <p><a href="${options.base}/">Back to the tickets</a></p>
    </div>`,
  );
}
