// Fluent modals hide the page behind them (aria-hidden on the body's other children) and restore it,
// and focus, when they unmount. Work that must follow a modal waits for that.

/** A modal dialog is open or still closing. Tabster's focus sentinels are aria-hidden too, but not modals. */
const modalIsOpen = () => !!document.querySelector('[aria-modal="true"], body > [aria-hidden="true"]:not([data-tabster-dummy])');

/**
 * Runs `then` once no modal dialog is in the document, checked each frame: a modal opened while another
 * is still closing stays hidden behind it. The limit (about thirty seconds) only guards against a modal
 * that never leaves; a busy machine can take seconds to close one (five were too few on CI), and a closed
 * dialog ends the wait at once.
 */
export function whenNoModalIsOpen(then: () => void, framesLeft = 1800) {
  if (!modalIsOpen() || framesLeft <= 0) then();
  else requestAnimationFrame(() => whenNoModalIsOpen(then, framesLeft - 1));
}

/**
 * Moves keyboard focus to the element `find` returns, once no modal is open or closing and the element
 * is in the document (looked for each frame, about a second). An element that is not focusable by
 * itself gets tabindex="-1": it takes focus without joining the Tab order.
 */
export function focusWhenShown(find: () => HTMLElement | null, framesLeft = 60) {
  whenNoModalIsOpen(() => {
    const target = find();
    if (!target) {
      if (framesLeft > 0) requestAnimationFrame(() => focusWhenShown(find, framesLeft - 1));
      return;
    }
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    // After this frame's work, so a closing dialog's focus restoration does not take it back.
    requestAnimationFrame(() => target.focus());
  });
}

/** The open record (its `<article>`, named by the client). */
export const openRecord = () => document.querySelector<HTMLElement>('main article');

const rows = () => [...document.querySelectorAll<HTMLElement>('li[data-testid="participant"]')];

/** The first action ("Open {name}") of the row where a client appears. */
export const clientRowAction = (clientId: string) => () =>
  rows()
    .find((row) => row.dataset.clientIds?.split(' ').includes(clientId))
    ?.querySelector<HTMLElement>('button, a[href]') ?? null;

/** The first action of a participant's row (after linking: "Open {name}"). */
export const participantAction = (address: string) => () =>
  rows()
    .find((row) => row.dataset.address?.toLowerCase() === address.toLowerCase())
    ?.querySelector<HTMLElement>('button, a[href]') ?? null;
