/**
 * The desk pages' HTML toolkit: the one `escapeHtml` of the backend, a tagged template that escapes
 * every interpolated value unless it is already `Html`, and the page layout. Employees write the
 * ticket fields shown on these pages, so nothing from a ticket may ever become markup.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
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

export function layout(title: string, base: string, body: Html, options: { csrf?: string } = {}): string {
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
