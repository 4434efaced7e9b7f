import { describe, expect, it } from 'vitest';
import { escapeHtml, renderAssistantText } from '../src/render-text.js';

describe('renderAssistantText', () => {
  it('escapes markup so server text can never inject elements or attributes', () => {
    const html = renderAssistantText('<img src=x onerror="alert(1)"> & <script>alert(\'x\')</script>');
    expect(html).toBe(
      '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>',
    );
    expect(html).not.toMatch(/<(img|script)/);
  });

  it('splits paragraphs on blank lines and keeps single newlines as line breaks', () => {
    expect(renderAssistantText('First line\nsecond line\n\nNew paragraph')).toBe(
      '<p>First line<br>second line</p><p>New paragraph</p>',
    );
  });

  it('formats bold and italic, but leaves lone asterisks alone', () => {
    expect(renderAssistantText('**Restart** Teams, *then* sign in. 2 * 3 = 6')).toBe(
      '<p><strong>Restart</strong> Teams, <em>then</em> sign in. 2 * 3 = 6</p>',
    );
  });

  it('renders numbered steps as an ordered list, keeping the first number', () => {
    expect(renderAssistantText('Try these:\n\n1. Quit Teams\n2. Clear the cache\n\nDid that help?')).toBe(
      '<p>Try these:</p><ol><li>Quit Teams</li><li>Clear the cache</li></ol><p>Did that help?</p>',
    );
    expect(renderAssistantText('3) Reboot\n4) Sign in')).toBe('<ol start="3"><li>Reboot</li><li>Sign in</li></ol>');
  });

  it('renders dash and star bullets as an unordered list and continues indented lines', () => {
    expect(renderAssistantText('- VPN on\n* Wi-Fi on\n  (check the icon)\nAnything else?')).toBe(
      '<ul><li>VPN on</li><li>Wi-Fi on<br>(check the icon)</li></ul><p>Anything else?</p>',
    );
  });

  it('escapes markup inside list items', () => {
    expect(renderAssistantText('1. <b>bold?</b>')).toBe('<ol><li>&lt;b&gt;bold?&lt;/b&gt;</li></ol>');
  });

  it('makes http(s) links clickable, opening in a new tab without opener access', () => {
    expect(renderAssistantText('See https://it.example.com/kb/teams?a=1&b=2.')).toBe(
      '<p>See <a href="https://it.example.com/kb/teams?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">' +
        'https://it.example.com/kb/teams?a=1&amp;b=2</a>.</p>',
    );
  });

  it('keeps a closing parenthesis outside the link unless the URL opened one', () => {
    expect(renderAssistantText('(see https://x.example/a)')).toContain('href="https://x.example/a"');
    expect(renderAssistantText('https://en.wikipedia.org/wiki/VPN_(networking)')).toContain(
      'href="https://en.wikipedia.org/wiki/VPN_(networking)"',
    );
  });

  it('supports [label](url) links and escapes the label', () => {
    expect(renderAssistantText('Open [the <KB>](https://kb.example/teams)')).toBe(
      '<p>Open <a href="https://kb.example/teams" target="_blank" rel="noopener noreferrer">the &lt;KB&gt;</a></p>',
    );
  });

  it('never links other schemes such as javascript: or data:', () => {
    const html = renderAssistantText('[click](javascript:alert(1)) data:text/html,<b>x</b> ftp://files.example');
    expect(html).not.toContain('<a');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('cannot be tricked into breaking out of an href attribute', () => {
    const html = renderAssistantText('https://evil.example/"onmouseover="alert(1)');
    expect(html).toContain('href="https://evil.example/"');
    expect(html).not.toMatch(/"\s*onmouseover=/);
  });

  it('does not apply formatting inside links or code spans', () => {
    expect(renderAssistantText('https://x.example/*a*/b')).toContain('>https://x.example/*a*/b</a>');
    expect(renderAssistantText('Run `ipconfig /flushdns` or `<b>**x**</b>`')).toBe(
      '<p>Run <code>ipconfig /flushdns</code> or <code>&lt;b&gt;**x**&lt;/b&gt;</code></p>',
    );
  });

  it('bolds a link wrapped in double asterisks', () => {
    expect(renderAssistantText('**https://x.example/a**')).toBe(
      '<p><strong><a href="https://x.example/a" target="_blank" rel="noopener noreferrer">https://x.example/a</a></strong></p>',
    );
  });

  it('renders headings as bold paragraphs and drops control characters', () => {
    expect(renderAssistantText('## Next steps\u0000\u0007')).toBe('<p><strong>Next steps</strong></p>');
  });

  it('returns an empty string for empty text', () => {
    expect(renderAssistantText('')).toBe('');
    expect(renderAssistantText('\n\n')).toBe('');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
