/**
 * The "who are you" form shown in open mode when the page gave no identity and none is stored.
 * Validation is our own (novalidate) so messages are consistent and tied to their fields.
 */
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from '@helpdesk/backend/contract';
import { h } from './dom.js';
import type { Identity } from './storage.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validateIdentity(name: string, email: string): { name?: string; email?: string } {
  const problems: { name?: string; email?: string } = {};
  if (name.trim() === '') problems.name = 'Please enter your name.';
  else if (name.trim().length > MAX_NAME_LENGTH) {
    problems.name = `Please use at most ${MAX_NAME_LENGTH} characters.`;
  }
  if (email.trim() === '') problems.email = 'Please enter your work email.';
  else if (!EMAIL.test(email.trim()) || email.trim().length > MAX_EMAIL_LENGTH) {
    problems.email = 'Please enter an email address such as name@company.com.';
  }
  return problems;
}

export function createIdentityForm(options: {
  idPrefix: string;
  initial?: Partial<Identity>;
  /** Why the form is shown again, e.g. the server refused the identity. */
  notice?: string;
  onSubmit(identity: Identity): void;
}): HTMLElement {
  const field = (key: 'name' | 'email', label: string, type: string, autocomplete: string) => {
    const id = `${options.idPrefix}-identity-${key}`;
    const input = h('input', {
      class: 'field-input',
      attrs: { id, name: key, type, autocomplete, required: '', 'aria-describedby': `${id}-error` },
    });
    input.value = options.initial?.[key] ?? '';
    const error = h('p', { class: 'field-error', attrs: { id: `${id}-error` } });
    const wrapper = h('div', { class: 'field' }, h('label', { text: label, attrs: { for: id } }), input, error);
    return { wrapper, input, error };
  };
  const name = field('name', 'Your name', 'text', 'name');
  const email = field('email', 'Work email', 'email', 'email');
  const form = h(
    'form',
    { class: 'identity', attrs: { novalidate: '', 'aria-labelledby': `${options.idPrefix}-identity-title` } },
    h('h2', { class: 'identity-title', text: 'Before we start', attrs: { id: `${options.idPrefix}-identity-title` } }),
    h('p', { class: 'identity-intro', text: 'IT uses these to follow up with you if a ticket is needed.' }),
    ...(options.notice
      ? [h('p', { class: 'notice notice--error', text: options.notice, attrs: { role: 'alert' } })]
      : []),
    name.wrapper,
    email.wrapper,
    h('button', { class: 'primary', text: 'Start chat', attrs: { type: 'submit' } }),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = validateIdentity(name.input.value, email.input.value);
    for (const [key, f] of [
      ['name', name],
      ['email', email],
    ] as const) {
      const problem = problems[key];
      f.error.textContent = problem ?? '';
      if (problem) f.input.setAttribute('aria-invalid', 'true');
      else f.input.removeAttribute('aria-invalid');
    }
    if (problems.name) return name.input.focus();
    if (problems.email) return email.input.focus();
    options.onSubmit({ name: name.input.value.trim(), email: email.input.value.trim() });
  });
  return form;
}
