/**
 * `<helpdesk-chat>`: the chat widget as a custom element with its own shadow DOM.
 * Attributes: `server` (backend base URL; default: where the script came from), `user-name` and
 * `user-email` (open-mode identity), `token` (signed identity), `heading` (title text).
 * With no identity from attributes or storage it asks for one before connecting.
 */
import {
  MAX_MESSAGE_LENGTH,
  type ChatMessage,
  type ErrorPayload,
  type SessionPayload,
  type TicketUpdate,
} from '@helpdesk/backend/contract';
import { createChatView, type ChatView } from './chat-view.js';
import { createComposer, type Composer } from './composer.js';
import { createConnection, resolveServer, type ChatConnection, type ConnectionStatus } from './connection.js';
import { handshakeAuthFor, identityKeyOf, resolveCredentials, type Credentials } from './credentials.js';
import { h, randomId } from './dom.js';
import { createHeaderBar, type HeaderBar } from './header-bar.js';
import { createIdentityForm } from './identity-form.js';
import { createEntry, reconcileOutbox, type OutboxEntry } from './outbox.js';
import { createWidgetStore, type Identity, type WidgetStore } from './storage.js';
import { STYLES } from './styles.js';

export class HelpdeskChatElement extends HTMLElement {
  static readonly observedAttributes = ['server', 'user-name', 'user-email', 'token', 'heading'];
  /** Set by the bundle's entry (index.ts) from the script's own URL. */
  static defaultServer = '';

  private readonly shadow = this.attachShadow({ mode: 'open' });
  private readonly view: ChatView = createChatView();
  private readonly composer: Composer = createComposer({ idPrefix: 'hc', onSubmit: (text) => this.send(text, true) });
  private readonly bar: HeaderBar = createHeaderBar();
  private readonly body = h('div', { class: 'body' });

  private connection: ChatConnection | undefined;
  private store: WidgetStore | undefined;
  private credentials: Credentials | undefined;
  private outbox: OutboxEntry[] = [];
  private messages = new Map<string, ChatMessage>();
  private isSessionReady = false;
  private isFlushing = false;
  private hasRetriedWithoutSession = false;
  private sessionCount = 0;
  private restartQueued = false;

  constructor() {
    super();
    this.shadow.append(
      h('style', { text: STYLES }),
      h(
        'div',
        { class: 'frame', attrs: { part: 'frame' } },
        this.bar.header,
        this.bar.banner,
        this.body,
        this.composer.el,
      ),
    );
    this.bar.newButton.addEventListener('click', () => void this.startNewConversation());
  }

  connectedCallback(): void {
    this.start();
  }

  disconnectedCallback(): void {
    this.stop();
  }

  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (name === 'heading') return this.renderTitle();
    if (oldValue === newValue || !this.isConnected || this.restartQueued) return;
    // Several attributes often change together; restart once.
    this.restartQueued = true;
    queueMicrotask(() => {
      this.restartQueued = false;
      this.stop();
      if (this.isConnected) this.start();
    });
  }

  private get server(): string {
    return resolveServer(this.getAttribute('server') ?? undefined, HelpdeskChatElement.defaultServer, location);
  }

  private get identityKey(): string {
    return identityKeyOf(this.credentials);
  }

  private start(): void {
    this.renderTitle();
    this.store = createWidgetStore(this.server);
    const name = this.getAttribute('user-name')?.trim();
    const email = this.getAttribute('user-email')?.trim();
    const token = this.getAttribute('token') ?? undefined;
    this.credentials = resolveCredentials({ token, name, email }, this.store.loadIdentity());
    if (!this.credentials) return this.askForIdentity({ name, email });
    this.connect();
  }

  private stop(): void {
    this.connection?.close();
    this.connection = undefined;
    this.isSessionReady = false;
  }

  private askForIdentity(initial: Partial<Identity>, notice?: string): void {
    this.stop();
    this.composer.el.hidden = true;
    this.bar.setStatus(undefined);
    this.bar.hideBanner();
    const form = createIdentityForm({
      idPrefix: 'hc',
      initial,
      ...(notice ? { notice } : {}),
      onSubmit: (user) => {
        this.store?.saveIdentity(user);
        this.credentials = { kind: 'user', user, isFromAttributes: false };
        this.connect();
        this.composer.focus();
      },
    });
    this.body.replaceChildren(form);
    form.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }

  private connect(): void {
    this.body.replaceChildren(this.view.el);
    this.composer.el.hidden = false;
    this.hasRetriedWithoutSession = false;
    this.connection = createConnection({
      server: this.server,
      getAuth: () => handshakeAuthFor(this.credentials, this.store?.loadSessionToken(this.identityKey)),
      handlers: {
        onStatus: (status) => this.setStatus(status),
        onRejected: (error) => this.onRejected(error),
        onSession: (payload) => this.onSession(payload),
        onDelta: ({ id, delta }) => {
          this.view.setQuickReplies([], () => undefined);
          this.view.appendDelta(id, delta);
        },
        onMessage: (message) => this.onMessage(message),
        onTyping: (active) => this.view.setTyping(active),
        onTicketCreated: (ticket) => this.view.upsertTicket(ticket),
        onTicketUpdated: (update) => this.onTicketUpdated(update),
        onError: (error) => this.view.addNotice(error.message, 'error'),
      },
    });
  }

  private setStatus(status: ConnectionStatus): void {
    this.bar.setStatus(status);
    if (status !== 'connected') {
      this.isSessionReady = false;
      this.view.setTyping(false);
    }
    if (status === 'reconnecting') this.bar.showBanner('Reconnecting…');
    else if (status === 'disconnected') this.bar.showBanner('Disconnected.', () => this.connection?.reconnect());
    // `connected` keeps the banner until the session arrives: only then can messages flow.
  }

  private onRejected(error: ErrorPayload): void {
    const c = this.credentials;
    if (!this.hasRetriedWithoutSession && this.store?.loadSessionToken(this.identityKey)) {
      // A stale session token (server data reset, another user) must not lock the employee out.
      this.hasRetriedWithoutSession = true;
      this.store.clearSessionToken(this.identityKey);
      this.connection?.reconnect();
      return;
    }
    if (c?.kind === 'user' && !c.isFromAttributes) return this.askForIdentity(c.user, error.message);
    this.bar.showBanner(`Could not connect: ${error.message}`, () => this.connection?.reconnect());
  }

  private onSession(payload: SessionPayload): void {
    this.sessionCount++;
    this.store?.saveSessionToken(this.identityKey, payload.sessionToken);
    this.bar.hideBanner();
    this.messages = new Map(payload.messages.map((m) => [m.id, m]));
    this.view.reset();
    for (const message of payload.messages) this.view.showMessage(message);
    for (const ticket of payload.tickets) this.view.upsertTicket(ticket);
    this.outbox = reconcileOutbox(this.outbox, payload.messages);
    for (const entry of this.outbox) this.view.addPending(entry.clientId, entry.text, 'queued');
    this.updateQuickReplies();
    this.view.scrollToEnd();
    this.isSessionReady = true;
    void this.flush();
  }

  private onMessage(message: ChatMessage): void {
    this.messages.set(message.id, message);
    this.view.showMessage(message);
    this.updateQuickReplies();
  }

  /**
   * The card follows the ticket's status. The words ("IT (Kim) commented on IT-3: …") arrive as a
   * stored assistant `message` next to this event, so a reload shows the same; no notice here.
   */
  private onTicketUpdated(update: TicketUpdate): void {
    this.view.upsertTicket({ key: update.key, url: update.url, ...(update.status ? { status: update.status } : {}) });
  }

  /** Buttons belong to the latest assistant message only, and vanish once anything follows it. */
  private updateQuickReplies(): void {
    const last = [...this.messages.values()].at(-1);
    const replies = last?.role === 'assistant' && this.outbox.length === 0 ? (last.quickReplies ?? []) : [];
    this.view.setQuickReplies(replies, (reply) => this.send(reply, false));
  }

  private send(raw: string, isFromComposer: boolean): void {
    const text = raw.trim();
    if (text === '') return this.composer.focus();
    if (text.length > MAX_MESSAGE_LENGTH) {
      this.composer.showError(
        `Messages can be at most ${MAX_MESSAGE_LENGTH} characters; this one has ${text.length}. Please shorten it.`,
      );
      return;
    }
    if (isFromComposer) this.composer.setText('');
    this.composer.clearError();
    const entry = createEntry(randomId(), text, this.messages.values());
    this.outbox.push(entry);
    this.view.addPending(entry.clientId, text, this.isSessionReady ? 'sending' : 'queued');
    this.updateQuickReplies();
    void this.flush();
  }

  /** Sends queued messages one at a time, in order, while a session is live. */
  private async flush(): Promise<void> {
    if (this.isFlushing) return;
    this.isFlushing = true;
    try {
      for (;;) {
        const entry = this.outbox.find((e) => e.state === 'queued');
        const connection = this.connection;
        if (!entry || !connection || !this.isSessionReady || !connection.isConnected()) return;
        entry.state = 'sending';
        this.view.setPendingState(entry.clientId, 'sending');
        const outcome = await connection.sendMessage({ text: entry.text, clientId: entry.clientId });
        if (outcome.status === 'disconnected') {
          entry.state = 'unknown';
          this.view.setPendingState(entry.clientId, 'queued');
          return;
        }
        this.outbox = this.outbox.filter((e) => e !== entry);
        if (outcome.status === 'ok') {
          const message = outcome.value.message ?? {
            id: entry.clientId,
            role: 'user' as const,
            text: entry.text,
            createdAt: new Date().toISOString(),
          };
          this.messages.set(message.id, message);
          this.view.confirmPending(entry.clientId, message);
        } else {
          this.view.removePending(entry.clientId);
          this.restoreDraft(entry.text);
          this.composer.showError(
            outcome.status === 'rejected'
              ? outcome.error.message
              : 'The server did not confirm your message. Please try sending it again.',
          );
        }
        this.updateQuickReplies();
      }
    } finally {
      this.isFlushing = false;
    }
  }

  /** A refused message goes back into the input, ahead of anything typed since. */
  private restoreDraft(text: string): void {
    const current = this.composer.getText();
    this.composer.setText(current.trim() === '' ? text : `${text}\n${current}`);
  }

  private async startNewConversation(): Promise<void> {
    const connection = this.connection;
    if (!connection?.isConnected() || !this.isSessionReady) {
      this.view.addNotice('You are offline; a new conversation can start once the connection is back.', 'error');
      return;
    }
    const sessionsBefore = this.sessionCount;
    this.bar.newButton.disabled = true;
    const outcome = await connection.newConversation();
    this.bar.newButton.disabled = false;
    if (outcome.status !== 'ok') {
      const message = outcome.status === 'rejected' ? outcome.error.message : 'Could not start a new conversation.';
      this.view.addNotice(message, 'error');
      return;
    }
    // If the server already sent the new session, the view shows it; do not wipe it.
    if (this.sessionCount === sessionsBefore) {
      this.messages.clear();
      this.view.reset();
      for (const entry of this.outbox) {
        this.view.addPending(entry.clientId, entry.text, entry.state === 'sending' ? 'sending' : 'queued');
      }
      this.view.addNotice('New conversation started.');
    }
    this.composer.focus();
  }

  private renderTitle(): void {
    this.bar.setTitle(this.getAttribute('heading')?.trim() || 'IT Help');
  }
}
