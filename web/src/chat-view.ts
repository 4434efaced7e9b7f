/**
 * The conversation area: message bubbles keyed by message id (so streamed deltas, complete
 * messages and a full history re-render all land on the same bubble), pending bubbles keyed by
 * clientId, ticket cards keyed by ticket key, notices, quick replies and the typing indicator.
 */
import type { ChatMessage } from '@helpdesk/backend/contract';
import type { PendingState, TicketInfo } from './chat-screen.js';
import { h } from './dom.js';
import { renderAssistantText } from './render-text.js';
import { createTicketCard, updateTicketCard } from './ticket-card.js';

const TYPING_TEXT = 'Assistant is typing…';
const QUEUED_TEXT = 'Many colleagues are asking right now. Your message is queued and will be answered in turn…';

interface Bubble {
  el: HTMLElement;
  body: HTMLElement;
  role: ChatMessage['role'];
  text: string;
}

export interface ChatView {
  readonly el: HTMLElement;
  reset(): void;
  /** Creates the bubble or replaces the one with the same id (a streamed draft, a pending send). */
  showMessage(message: ChatMessage): void;
  appendDelta(id: string, delta: string): void;
  addPending(clientId: string, text: string, state: PendingState): void;
  setPendingState(clientId: string, state: PendingState): void;
  removePending(clientId: string): void;
  /** The server accepted a pending message under its own id. */
  confirmPending(clientId: string, message: ChatMessage): void;
  upsertTicket(ticket: TicketInfo, afterMessageId?: string): void;
  addNotice(text: string, tone?: 'info' | 'error'): void;
  setTyping(active: boolean, queued?: boolean): void;
  setQuickReplies(replies: readonly string[], onPick: (reply: string) => void): void;
  scrollToEnd(): void;
}

export function createChatView(): ChatView {
  const log = h('div', {
    class: 'log',
    attrs: { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Conversation' },
  });
  const typingText = h('span', { class: 'typing-text', text: TYPING_TEXT });
  const typing = h(
    'div',
    { class: 'typing', attrs: { role: 'status', hidden: '' } },
    h('span', { class: 'dots', attrs: { 'aria-hidden': 'true' } }, h('span'), h('span'), h('span')),
    typingText,
  );
  const quickReplies = h('div', {
    class: 'quick-replies',
    attrs: { role: 'group', 'aria-label': 'Suggested replies' },
  });
  quickReplies.hidden = true;
  const el = h('div', { class: 'scroller' }, log, typing, quickReplies);

  const bubbles = new Map<string, Bubble>();
  const pending = new Map<string, Bubble>();
  const cards = new Map<string, HTMLElement>();

  const isNearEnd = (): boolean => el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  const scrollToEnd = (): void => {
    el.scrollTop = el.scrollHeight;
  };
  /** Whether the reader is at the end: new content follows only then, never yanking them down. */
  let isPinned = true;
  el.addEventListener('scroll', () => (isPinned = isNearEnd()), { passive: true });
  const follow = (change: () => void): void => {
    const wasPinned = isPinned || isNearEnd();
    change();
    if (wasPinned) scrollToEnd();
  };
  // The area shrinks when the composer grows (an error line, a longer draft) or the phone
  // keyboard opens; stay at the end if the reader was there.
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(() => {
      if (isPinned) scrollToEnd();
    }).observe(el);
  }

  const createBubble = (role: ChatMessage['role']): Bubble => {
    const who = h('span', { class: 'sr-only', text: role === 'user' ? 'You: ' : 'Assistant: ' });
    const body = h('div', { class: 'msg-body' });
    const bubble = h('div', { class: `msg msg--${role}`, attrs: { 'data-role': role } }, who, body);
    return { el: bubble, body, role, text: '' };
  };

  const paint = (bubble: Bubble, text: string): void => {
    bubble.text = text;
    if (bubble.role === 'assistant') bubble.body.innerHTML = renderAssistantText(text);
    else bubble.body.textContent = text;
  };

  const setComplete = (bubble: Bubble, isComplete: boolean): void => {
    bubble.el.dataset['complete'] = String(isComplete);
    // Screen readers announce a streaming bubble once, when it is finished.
    if (isComplete) bubble.el.removeAttribute('aria-busy');
    else bubble.el.setAttribute('aria-busy', 'true');
  };

  const upsertTicket = (ticket: TicketInfo, afterMessageId?: string): void => {
    follow(() => {
      let card = cards.get(ticket.key);
      if (card) updateTicketCard(card, ticket);
      else {
        card = createTicketCard(ticket);
        cards.set(ticket.key, card);
      }
      const anchor = afterMessageId ? bubbles.get(afterMessageId)?.el : undefined;
      if (anchor) anchor.after(card);
      else if (!card.isConnected) log.append(card);
    });
  };

  return {
    el,
    reset() {
      log.replaceChildren();
      bubbles.clear();
      pending.clear();
      cards.clear();
      typing.hidden = true;
      quickReplies.hidden = true;
      quickReplies.replaceChildren();
    },
    showMessage(message) {
      follow(() => {
        let bubble = bubbles.get(message.id);
        if (!bubble || bubble.role !== message.role) {
          const fresh = createBubble(message.role);
          if (bubble) bubble.el.replaceWith(fresh.el);
          else log.append(fresh.el);
          bubble = fresh;
          bubbles.set(message.id, bubble);
        }
        bubble.el.dataset['id'] = message.id;
        bubble.el.title = formatTime(message.createdAt);
        paint(bubble, message.text);
        setComplete(bubble, true);
      });
      if (message.ticket) upsertTicket(message.ticket, message.id);
    },
    appendDelta(id, delta) {
      follow(() => {
        let bubble = bubbles.get(id);
        if (!bubble) {
          bubble = createBubble('assistant');
          bubble.el.dataset['id'] = id;
          bubbles.set(id, bubble);
          log.append(bubble.el);
          setComplete(bubble, false);
        }
        if (bubble.el.dataset['complete'] === 'true') return; // a late delta after the final text
        paint(bubble, bubble.text + delta);
      });
    },
    addPending(clientId, text, state) {
      const bubble = createBubble('user');
      paint(bubble, text);
      bubble.body.after(h('span', { class: 'msg-state' }));
      pending.set(clientId, bubble);
      log.append(bubble.el);
      this.setPendingState(clientId, state);
      scrollToEnd();
    },
    setPendingState(clientId, state) {
      const bubble = pending.get(clientId);
      if (!bubble) return;
      bubble.el.dataset['pending'] = state;
      const label = bubble.el.querySelector('.msg-state');
      if (label) label.textContent = state === 'queued' ? 'Waiting for connection…' : 'Sending…';
    },
    removePending(clientId) {
      pending.get(clientId)?.el.remove();
      pending.delete(clientId);
    },
    confirmPending(clientId, message) {
      const bubble = pending.get(clientId);
      pending.delete(clientId);
      if (!bubble) return this.showMessage(message);
      if (bubbles.has(message.id)) {
        // The server's own `message` event for it came first.
        bubble.el.remove();
        return;
      }
      delete bubble.el.dataset['pending'];
      bubble.el.querySelector('.msg-state')?.remove();
      bubbles.set(message.id, bubble);
      this.showMessage(message);
    },
    upsertTicket,
    addNotice(text, tone = 'info') {
      follow(() => log.append(h('p', { class: `notice notice--${tone}`, text })));
    },
    setTyping(active, queued = false) {
      follow(() => {
        typing.hidden = !active;
        typingText.textContent = queued ? QUEUED_TEXT : TYPING_TEXT;
      });
    },
    setQuickReplies(replies, onPick) {
      follow(() => {
        quickReplies.replaceChildren(
          ...replies.map((reply) => {
            const button = h('button', { class: 'quick-reply', text: reply, attrs: { type: 'button' } });
            button.addEventListener('click', () => onPick(reply));
            return button;
          }),
        );
        quickReplies.hidden = replies.length === 0;
      });
    },
    scrollToEnd,
  };
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}
