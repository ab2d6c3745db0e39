import { h, uniqueId } from '../html.builder.js';

export interface FieldOptions {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password' | 'number';
  autocomplete?: string;
  required?: boolean;
  value?: string;
  hint?: string;
  attributes?: Record<string, string>;
}

/** A labelled input; its hint, if any, is read with it (`aria-describedby`). */
export function field(options: FieldOptions): { element: HTMLElement; input: HTMLInputElement } {
  const id = uniqueId(options.name);
  const hintId = options.hint ? `${id}-hint` : undefined;
  const input = h('input', {
    id,
    name: options.name,
    type: options.type ?? 'text',
    autocomplete: options.autocomplete,
    required: options.required ?? true,
    'aria-describedby': hintId,
    spellcheck: options.type === 'password' || options.type === 'email' ? 'false' : undefined,
    ...options.attributes,
  });
  if (options.value) input.value = options.value;
  const element = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, options.label),
    options.hint ? h('p', { id: hintId, class: 'hint' }, options.hint) : null,
    input,
  );
  return { element, input };
}

/** Marks a field as wrong (or right again) for assistive technology as well as the eye. */
export function markInvalid(input: HTMLInputElement, invalid: boolean): void {
  if (invalid) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}
