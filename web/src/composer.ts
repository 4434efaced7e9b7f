/**
 * The message input: a growing textarea and a Send button. Enter sends, Shift+Enter adds a line,
 * and Enter while an IME is composing (Japanese input) is left to the IME. A counter appears near
 * the length limit; errors are shown inline and the typed text stays.
 */
import { MAX_MESSAGE_LENGTH } from '@helpdesk/backend/contract';
import { h } from './dom.js';

const COUNTER_FROM = MAX_MESSAGE_LENGTH - 500;

export interface Composer {
  readonly el: HTMLElement;
  getText(): string;
  setText(text: string): void;
  focus(): void;
  showError(message: string): void;
  clearError(): void;
}

export function createComposer(options: { idPrefix: string; onSubmit(text: string): void }): Composer {
  const errorId = `${options.idPrefix}-composer-error`;
  const counterId = `${options.idPrefix}-composer-counter`;
  const input = h('textarea', {
    class: 'composer-input',
    attrs: {
      rows: '1',
      'aria-label': 'Message',
      placeholder: 'Describe your IT problem…',
      autocomplete: 'off',
      enterkeyhint: 'send',
      'aria-describedby': `${counterId} ${errorId}`,
    },
  });
  const counter = h('span', { class: 'counter', attrs: { id: counterId, 'aria-live': 'polite' } });
  const error = h('p', { class: 'composer-error', attrs: { id: errorId, role: 'alert' } });
  const form = h(
    'form',
    { class: 'composer', attrs: { 'aria-label': 'Send a message' } },
    h('div', { class: 'composer-row' }, input, h('button', { class: 'send', text: 'Send', attrs: { type: 'submit' } })),
    h('div', { class: 'composer-meta' }, error, counter),
  );

  const update = (): void => {
    const length = input.value.length;
    counter.hidden = length < COUNTER_FROM;
    counter.textContent = `${length} / ${MAX_MESSAGE_LENGTH}`;
    const isOver = length > MAX_MESSAGE_LENGTH;
    counter.classList.toggle('counter--over', isOver);
    if (isOver) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    // Grow with the text up to a cap; CSS max-height makes the rest scroll.
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight}px`;
  };

  const clearError = (): void => {
    error.textContent = '';
    form.classList.remove('composer--error');
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    options.onSubmit(input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    form.requestSubmit();
  });
  input.addEventListener('input', () => {
    clearError();
    update();
  });
  update();

  return {
    el: form,
    getText: () => input.value,
    setText(text) {
      input.value = text;
      update();
    },
    focus: () => input.focus(),
    showError(message) {
      error.textContent = message;
      form.classList.add('composer--error');
    },
    clearError,
  };
}
