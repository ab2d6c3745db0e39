import { h } from '../html.builder.js';
import { consoleState } from '../navigation.js';
import { Notice } from './notice.widget.js';

/**
 * The frame of every screen: a heading that takes the focus when the screen appears (so a screen
 * reader announces where the person is) and the message handed over from the previous screen.
 */
export function screen(
  title: string,
  ...content: Array<Node | null>
): { element: HTMLElement; heading: HTMLHeadingElement; flash: Notice } {
  const heading = h('h1', { tabindex: '-1' }, title);
  const flash = new Notice();
  if (consoleState.flash) {
    flash.show(consoleState.flash.kind, consoleState.flash.text);
    consoleState.flash = null;
  }
  const element = h(
    'section',
    { class: 'screen', 'aria-labelledby': 'screen-title' },
    heading,
    flash.element,
    ...content.filter((node): node is Node => node !== null),
  );
  heading.id = 'screen-title';
  return { element, heading, flash };
}

/** A button that shows it is working and cannot be pressed twice meanwhile. */
export async function busy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
