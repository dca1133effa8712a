/**
 * Keeps Tab inside a small window of its own (the library popup): Tab from its last control goes to its first,
 * Shift+Tab from the first to the last. Without it, Tab from the end of the popup's list went to <body>, where a
 * keyboard user is lost (issue 13).
 */

const CANDIDATES = 'a[href], button, input, select, textarea, [tabindex]';

/** The controls Tab stops at in `root`, in document order (shown, enabled, not taken out of the tab order). */
export function tabStops(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(CANDIDATES)).filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && (el as HTMLInputElement).type !== 'hidden' && el.getClientRects().length > 0 && !el.closest('[inert], [aria-hidden="true"]'),
  );
}

export function cycleFocus(event: KeyboardEvent, root: Element): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  const stops = tabStops(root);
  if (stops.length < 2) return;
  const active = root.ownerDocument.activeElement;
  const [first, last] = [stops[0], stops[stops.length - 1]];
  const to = !event.shiftKey && active === last ? first : event.shiftKey && active === first ? last : null;
  if (!to) return;
  event.preventDefault();
  to.focus();
}
