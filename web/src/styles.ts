/**
 * The widget's styles, scoped by its shadow root. Pages theme it through the `--hc-*` custom
 * properties on `helpdesk-chat`. Inputs stay at 16px so iOS does not zoom; buttons are at least
 * 44px tall for touch.
 */
export const STYLES = `
:host {
  --hc-accent: #1f5fd1;
  --hc-accent-fg: #ffffff;
  --hc-bg: #ffffff;
  --hc-surface: #f3f5f8;
  --hc-fg: #1a1f27;
  --hc-muted: #5a6473;
  --hc-border: #d5dbe3;
  --hc-error: #b3261e;
  --hc-error-bg: #fdecea;
  --hc-focus: #f0a400;
  --hc-radius: 16px;
  display: block;
  height: 100%;
  min-height: 360px;
  box-sizing: border-box;
  color: var(--hc-fg);
  background: var(--hc-bg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Noto Sans JP", sans-serif;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :host {
    --hc-accent: #6c9cff;
    --hc-accent-fg: #0b1220;
    --hc-bg: #14181f;
    --hc-surface: #222833;
    --hc-fg: #e7ebf1;
    --hc-muted: #a3adbb;
    --hc-border: #343c4a;
    --hc-error: #ffb4ab;
    --hc-error-bg: #3b1d1b;
  }
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: inherit; }
[hidden] { display: none !important; }
.sr-only {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
:focus-visible { outline: 3px solid var(--hc-focus); outline-offset: 2px; }
button, input, textarea { font: inherit; font-size: 16px; color: inherit; }
button { cursor: pointer; min-height: 44px; border-radius: 10px; }
button:disabled { cursor: not-allowed; opacity: 0.55; }

.frame { display: flex; flex-direction: column; height: 100%; min-height: inherit; overflow: hidden; }
.bar {
  display: flex; align-items: center; gap: 12px; padding: 8px 12px 8px 16px;
  border-bottom: 1px solid var(--hc-border); background: var(--hc-bg);
}
.heading { display: flex; flex-direction: column; min-width: 0; margin-right: auto; }
.title { margin: 0; font-size: 1.05rem; font-weight: 650; line-height: 1.3; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.status { display: inline-flex; align-items: center; gap: 6px; font-size: 0.8rem; color: var(--hc-muted); }
.status::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: #9aa4b2; }
.status[data-state="connected"]::before { background: #1e9e57; }
.new { flex: none; white-space: nowrap; background: transparent; border: 1px solid var(--hc-border); padding: 6px 12px; font-size: 0.9rem; }
.new:hover { background: var(--hc-surface); }
.banner {
  padding: 8px 16px; background: #fff4d6; color: #4d3800; font-size: 0.92rem;
  border-bottom: 1px solid #f0d48a;
}
@media (prefers-color-scheme: dark) { .banner { background: #3a3116; color: #ffe7a3; border-color: #5c4c1c; } }
.link-button { min-height: 0; padding: 0; border: 0; background: none; color: inherit; text-decoration: underline; font-weight: 600; }

.body { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.scroller { flex: 1; min-height: 0; overflow-y: auto; padding: 16px; overscroll-behavior: contain; }
.log { display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: min(42rem, 85%); padding: 10px 14px; border-radius: var(--hc-radius); overflow-wrap: anywhere; }
.msg--user {
  align-self: flex-end; background: var(--hc-accent); color: var(--hc-accent-fg);
  border-bottom-right-radius: 4px; white-space: pre-wrap;
}
.msg--assistant { align-self: flex-start; background: var(--hc-surface); border-bottom-left-radius: 4px; }
.msg[data-pending] { opacity: 0.75; }
.msg-state { display: block; font-size: 0.8rem; opacity: 0.9; margin-top: 2px; }
.msg-body p, .msg-body ol, .msg-body ul { margin: 0 0 0.6em; }
.msg-body > :last-child { margin-bottom: 0; }
.msg-body ol, .msg-body ul { padding-left: 1.4em; }
.msg-body li + li { margin-top: 0.25em; }
.msg-body a { color: inherit; text-decoration: underline; text-underline-offset: 2px; }
.msg--assistant .msg-body a { color: var(--hc-accent); }
.msg-body code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: rgba(127,127,127,0.16); padding: 0.1em 0.35em; border-radius: 5px; }

.notice { margin: 4px auto; max-width: 90%; text-align: center; font-size: 0.88rem; color: var(--hc-muted); }
.notice--error { color: var(--hc-error); }

.ticket-card {
  align-self: flex-start; width: min(26rem, 92%); padding: 12px 14px; border: 1px solid var(--hc-border);
  border-left: 4px solid var(--hc-accent); border-radius: 12px; background: var(--hc-bg);
  box-shadow: 0 1px 3px rgba(0,0,0,0.08);
}
.ticket-head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.ticket-label { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--hc-muted); }
.ticket-key { font-weight: 700; }
.ticket-status { margin-left: auto; font-size: 0.8rem; font-weight: 600; padding: 2px 10px; border-radius: 999px; background: #e3ebfb; color: #173e8a; }
.ticket-status:empty { display: none; }
.ticket-status[data-tone="active"] { background: #fff0cc; color: #5c4000; }
.ticket-status[data-tone="done"] { background: #dcf3e5; color: #0f5a30; }
.ticket-summary { margin: 6px 0 8px; }
.ticket-summary:empty { display: none; }
.ticket-actions { margin: 0; }
.ticket-link { display: inline-flex; align-items: center; min-height: 44px; color: var(--hc-accent); font-weight: 600; }

.typing { display: flex; align-items: center; gap: 8px; margin-top: 10px; color: var(--hc-muted); font-size: 0.88rem; }
.dots { display: inline-flex; gap: 4px; padding: 10px 12px; background: var(--hc-surface); border-radius: var(--hc-radius); }
.dots span { width: 6px; height: 6px; border-radius: 50%; background: var(--hc-muted); animation: hc-blink 1.2s infinite ease-in-out; }
.dots span:nth-child(2) { animation-delay: 0.2s; }
.dots span:nth-child(3) { animation-delay: 0.4s; }
@keyframes hc-blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }

.quick-replies { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
.quick-reply {
  padding: 8px 16px; border: 1.5px solid var(--hc-accent); background: var(--hc-bg);
  color: var(--hc-accent); border-radius: 999px; font-weight: 600;
}
.quick-reply:hover { background: var(--hc-surface); }

.composer { border-top: 1px solid var(--hc-border); padding: 10px 12px calc(10px + env(safe-area-inset-bottom)); background: var(--hc-bg); }
.composer-row { display: flex; gap: 8px; align-items: flex-end; }
.composer-input {
  flex: 1; min-height: 44px; max-height: 35vh; resize: none; padding: 10px 12px; line-height: 1.4;
  border: 1px solid var(--hc-border); border-radius: 12px; background: var(--hc-bg);
}
.composer-input[aria-invalid="true"], .composer--error .composer-input { border-color: var(--hc-error); }
.send { padding: 0 20px; border: 0; background: var(--hc-accent); color: var(--hc-accent-fg); font-weight: 650; }
.composer-meta { display: flex; gap: 12px; align-items: baseline; }
.composer-error { flex: 1; margin: 6px 2px 0; color: var(--hc-error); font-size: 0.9rem; }
.composer-error:empty { display: none; }
.counter { margin: 6px 2px 0 auto; font-size: 0.85rem; color: var(--hc-muted); font-variant-numeric: tabular-nums; }
.counter--over { color: var(--hc-error); font-weight: 650; }

.identity { margin: auto; width: min(24rem, 100%); padding: 24px 20px; display: flex; flex-direction: column; gap: 14px; }
.identity-title { margin: 0; font-size: 1.25rem; }
.identity-intro { margin: 0; color: var(--hc-muted); }
.identity .notice { text-align: left; margin: 0; max-width: none; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field label { font-weight: 600; }
.field-input { min-height: 44px; padding: 8px 12px; border: 1px solid var(--hc-border); border-radius: 10px; background: var(--hc-bg); }
.field-input[aria-invalid="true"] { border-color: var(--hc-error); }
.field-error { margin: 0; color: var(--hc-error); font-size: 0.9rem; }
.field-error:empty { display: none; }
.primary { border: 0; background: var(--hc-accent); color: var(--hc-accent-fg); font-weight: 650; padding: 10px 20px; }

@media (max-width: 480px) {
  .bar { padding-left: 12px; }
  .scroller { padding: 12px; }
  .msg { max-width: 92%; }
  .new { padding: 6px 10px; }
}
@media (prefers-reduced-motion: reduce) {
  .dots span { animation: none; opacity: 0.6; }
}
`;
