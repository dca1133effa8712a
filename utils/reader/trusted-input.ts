/**
 * Only the user drives the reader. The reader lives inside a web page, and on the supported sites auto-clean
 * opens it with no gesture, so every script of that page (its ads and trackers included) shares the document
 * with it. A script can dispatch a synthetic `keydown` or call `.click()` on a button; such events carry
 * `isTrusted: false`, while everything a person does with a keyboard, a mouse, a touch screen or assistive
 * technology carries `isTrusted: true`. One guard, installed where the reader's events pass, drops the
 * untrusted ones before any handler sees them, so no action (save, translate, a setting) can be started by
 * the page.
 */

/**
 * Every event type that can start an action in the reader, its panels or the element picker: keys, pointers and
 * what they trigger. Not the value events of form controls (input, change): a page cannot reach the controls
 * whose value they report (the roots are closed), while assistive tools and autofill do set values from script
 * and announce them with such events, and a person must keep that way to use the reader.
 */
export const ACTION_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'submit',
  'reset',
  'toggle',
  'paste',
  'drop',
  'wheel',
] as const;

export interface InputGuardOptions {
  /**
   * Let synthetic events through. Only for unit tests in jsdom, where every event is synthetic; the extension
   * never sets it.
   */
  acceptSynthetic?: boolean;
}

/** True when an event may start a reader action. */
export function isUserEvent(event: Event, options: InputGuardOptions = {}): boolean {
  return event.isTrusted || !!options.acceptSynthetic;
}

/**
 * Drops untrusted action events at `target` in the capture phase, before they reach anything inside it (the
 * reader's shadow root: every button, select and field of the reader is below it). Returns the removal.
 */
export function guardUserInput(target: EventTarget, options: InputGuardOptions = {}): () => void {
  if (options.acceptSynthetic) return () => undefined;
  const drop = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    // A synthetic click on a checkbox or a submit button would otherwise still flip or submit it.
    if (event.cancelable) event.preventDefault();
  };
  for (const type of ACTION_EVENTS) target.addEventListener(type, drop, true);
  return () => {
    for (const type of ACTION_EVENTS) target.removeEventListener(type, drop, true);
  };
}
