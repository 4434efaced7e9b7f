/**
 * `<helpdesk-chat>`: the chat widget as a custom element with its own shadow DOM.
 * Attributes: `server` (backend base URL; default: where the script came from), `user-name` and
 * `user-email` (open-mode identity), `token` (signed identity), `heading` (title text).
 * With no identity from attributes or storage it asks for one before connecting. The conversation
 * itself (session, outbox, reconnects) is the controller's; this element is the DOM around it.
 */
import { createChatController, type ChatController, type ChatScreen } from './chat-controller.js';
import { createChatView, type ChatView } from './chat-view.js';
import { createComposer, type Composer } from './composer.js';
import { createConnection, resolveServer, type ConnectionStatus } from './connection.js';
import { handshakeAuthFor, identityKeyOf, resolveCredentials, type Credentials } from './credentials.js';
import { h, randomId } from './dom.js';
import { createHeaderBar, type HeaderBar } from './header-bar.js';
import { createIdentityForm } from './identity-form.js';
import { createWidgetStore, type Identity, type WidgetStore } from './storage.js';
import { STYLES } from './styles.js';

export class HelpdeskChatElement extends HTMLElement {
  static readonly observedAttributes = ['server', 'user-name', 'user-email', 'token', 'heading'];
  /** Set by the bundle's entry (index.ts) from the script's own URL. */
  static defaultServer = '';

  private readonly shadow = this.attachShadow({ mode: 'open' });
  private readonly view: ChatView = createChatView();
  private readonly composer: Composer = createComposer({ idPrefix: 'hc', onSubmit: (text) => this.submit(text, true) });
  private readonly bar: HeaderBar = createHeaderBar();
  private readonly body = h('div', { class: 'body' });
  private readonly controller: ChatController = createChatController({
    openConnection: (handlers) =>
      createConnection({
        server: this.server,
        getAuth: () => handshakeAuthFor(this.credentials, this.store?.loadSessionToken(this.identityKey)),
        handlers,
      }),
    sessionTokens: {
      load: () => this.store?.loadSessionToken(this.identityKey),
      save: (sessionToken) => this.store?.saveSessionToken(this.identityKey, sessionToken),
      clear: () => this.store?.clearSessionToken(this.identityKey),
    },
    screen: this.createScreen(),
    newClientId: randomId,
  });

  private store: WidgetStore | undefined;
  private credentials: Credentials | undefined;
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
    this.controller.disconnect();
  }

  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (name === 'heading') return this.renderTitle();
    if (oldValue === newValue || !this.isConnected || this.restartQueued) return;
    // Several attributes often change together; restart once.
    this.restartQueued = true;
    queueMicrotask(() => {
      this.restartQueued = false;
      this.controller.disconnect();
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

  private askForIdentity(initial: Partial<Identity>, notice?: string): void {
    this.controller.disconnect();
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
    this.controller.connect();
  }

  private createScreen(): ChatScreen {
    const { view, bar, composer } = this;
    return {
      showStatus: (status) => this.showStatus(status),
      showRefusal: (error) => {
        const c = this.credentials;
        if (c?.kind === 'user' && !c.isFromAttributes) return this.askForIdentity(c.user, error.message);
        bar.showBanner(`Could not connect: ${error.message}`, () => this.controller.retry());
      },
      showConversation: ({ messages, tickets, pending, quickReplies }) => {
        bar.hideBanner();
        view.reset();
        for (const message of messages) view.showMessage(message);
        for (const ticket of tickets) view.upsertTicket(ticket);
        for (const entry of pending) view.addPending(entry.clientId, entry.text, entry.state);
        this.showQuickReplies(quickReplies);
        view.scrollToEnd();
      },
      showMessage: (message) => view.showMessage(message),
      appendDelta: (id, delta) => view.appendDelta(id, delta),
      setTyping: (active, queued) => view.setTyping(active, queued),
      upsertTicket: (ticket) => view.upsertTicket(ticket),
      addNotice: (text, tone) => view.addNotice(text, tone),
      addPending: ({ clientId, text, state }) => view.addPending(clientId, text, state),
      setPendingState: (clientId, state) => view.setPendingState(clientId, state),
      confirmPending: (clientId, message) => view.confirmPending(clientId, message),
      refusePending: (clientId, text, reason) => {
        view.removePending(clientId);
        this.restoreDraft(text);
        composer.showError(reason);
      },
      setQuickReplies: (replies) => this.showQuickReplies(replies),
      setNewConversationBusy: (isBusy) => {
        bar.newButton.disabled = isBusy;
      },
    };
  }

  private showStatus(status: ConnectionStatus): void {
    this.bar.setStatus(status);
    if (status !== 'connected') this.view.setTyping(false);
    if (status === 'reconnecting') this.bar.showBanner('Reconnecting…');
    else if (status === 'disconnected') this.bar.showBanner('Disconnected.', () => this.controller.retry());
    // `connected` keeps the banner until the session arrives: only then can messages flow.
  }

  private showQuickReplies(replies: readonly string[]): void {
    this.view.setQuickReplies(replies, (reply) => this.submit(reply, false));
  }

  private submit(text: string, isFromComposer: boolean): void {
    const result = this.controller.send(text);
    if (result.status === 'empty') return this.composer.focus();
    if (result.status === 'too-long') return this.composer.showError(result.message);
    if (isFromComposer) this.composer.setText('');
    this.composer.clearError();
  }

  /** A refused message goes back into the input, ahead of anything typed since. */
  private restoreDraft(text: string): void {
    const current = this.composer.getText();
    this.composer.setText(current.trim() === '' ? text : `${text}\n${current}`);
  }

  private async startNewConversation(): Promise<void> {
    if ((await this.controller.startNewConversation()) === 'started') this.composer.focus();
  }

  private renderTitle(): void {
    this.bar.setTitle(this.getAttribute('heading')?.trim() || 'IT Help');
  }
}
