/** The widget's top bar (title, connection state, "New conversation") and the banner below it. */
import type { ConnectionStatus } from './connection.js';
import { h } from './dom.js';

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Online',
  reconnecting: 'Offline',
  disconnected: 'Offline',
  closed: 'Offline',
};

export interface HeaderBar {
  readonly header: HTMLElement;
  readonly banner: HTMLElement;
  readonly newButton: HTMLButtonElement;
  setTitle(text: string): void;
  /** `undefined` hides the status and the button (while the identity form is shown). */
  setStatus(status: ConnectionStatus | undefined): void;
  showBanner(text: string, onRetry?: () => void): void;
  hideBanner(): void;
}

export function createHeaderBar(): HeaderBar {
  const title = h('h2', { class: 'title' });
  const status = h('span', { class: 'status', attrs: { 'data-state': 'connecting' } });
  const newButton = h('button', { class: 'new', text: 'New conversation', attrs: { type: 'button' } });
  const header = h('header', { class: 'bar' }, h('div', { class: 'heading' }, title, status), newButton);
  const banner = h('div', { class: 'banner', attrs: { role: 'status' } });
  banner.hidden = true;
  return {
    header,
    banner,
    newButton,
    setTitle(text) {
      title.textContent = text;
    },
    setStatus(state) {
      status.hidden = state === undefined;
      newButton.hidden = state === undefined;
      if (state === undefined) return;
      status.dataset['state'] = state;
      status.textContent = STATUS_TEXT[state];
    },
    showBanner(text, onRetry) {
      banner.replaceChildren(text);
      if (onRetry) {
        const retry = h('button', { class: 'link-button', text: 'Try again', attrs: { type: 'button' } });
        retry.addEventListener('click', onRetry);
        banner.append(' ', retry);
      }
      banner.hidden = false;
    },
    hideBanner() {
      banner.hidden = true;
    },
  };
}
