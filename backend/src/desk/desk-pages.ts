/**
 * Server-rendered HTML for the desk's staff pages. Everything that came from a ticket (summary,
 * Markdown description, comments, names) goes through the escaping `html` template and is shown as
 * preformatted text: employees write these fields, so they must never become markup.
 */
import type { DeskComment, DeskIssue, DeskTransition } from './desk-types.js';
import { html, layout, type Html } from './html.js';

const categoryClass: Record<DeskIssue['status'], string> = {
  'To Do': 's-new',
  'In Progress': 's-indeterminate',
  Done: 's-done',
};

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
  comments: readonly DeskComment[];
  transitions: DeskTransition[];
  csrf: string;
  error?: string;
}): string {
  const { base, issue, csrf } = options;
  const path = `${base}/browse/${encodeURIComponent(issue.key)}`;
  return layout(
    `${issue.key}: ${issue.summary} · Local desk`,
    base,
    html`<p class="meta"><a href="${base}/">Tickets</a> / ${issue.key}</p>
      <h1>${issue.summary}</h1>
      ${options.error ? html`<p class="error" role="alert">${options.error}</p>` : html``} ${issueDetails(issue)}
      <div class="card">
        <h2>Description</h2>
        <pre class="text">${issue.description || '(no description)'}</pre>
      </div>
      ${statusForm(path, csrf, options.transitions)} ${commentsCard(path, csrf, options.comments)}`,
    { csrf },
  );
}

function issueDetails(issue: DeskIssue): Html {
  const labels = issue.labels.length ? issue.labels.map((l) => html`<span class="label">${l}</span>`) : html`—`;
  return html`<div class="card">
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
      <dd>${issue.reporter.displayName}${issue.reporter.emailAddress ? ` <${issue.reporter.emailAddress}>` : ''}</dd>
      <dt>Assignee</dt>
      <dd>${issue.assignee ?? 'Unassigned'}</dd>
      <dt>Created</dt>
      <dd>${when(issue.created)}</dd>
      <dt>Updated</dt>
      <dd>${when(issue.updated)}</dd>
    </dl>
  </div>`;
}

function statusForm(path: string, csrf: string, transitions: readonly DeskTransition[]): Html {
  const choices = transitions.map((t) => html`<option value="${t.id}">${t.name}</option>`);
  return html`<div class="card">
    <h2>Status</h2>
    <form method="post" action="${path}/transition">
      <input type="hidden" name="csrf" value="${csrf}" />
      <select name="to" aria-label="New status">
        ${choices}
      </select>
      <button type="submit">Change status</button>
    </form>
  </div>`;
}

function commentsCard(path: string, csrf: string, comments: readonly DeskComment[]): Html {
  const shown = comments.map(
    (c) =>
      html`<div class="comment">
        <div class="meta"><strong>${c.author.displayName}</strong> · ${when(c.created)}</div>
        <pre class="text">${c.body}</pre>
      </div>`,
  );
  return html`<div class="card">
    <h2>Comments (${comments.length})</h2>
    ${shown}
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
        <label for="body">Comment</label><br /><textarea id="body" name="body" required maxlength="32767"></textarea>
      </p>
      <button type="submit">Add comment</button>
    </form>
  </div>`;
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
