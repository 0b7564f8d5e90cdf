/**
 * A mouse works the phone as a finger would. WeChat's components listen to touches: a tap is a
 * touchstart and a touchend without moving (j-component's RootComponent turns those into `tap` and
 * `longpress`), and TDesign's picker columns follow touchmove. Each mouse press inside a page becomes
 * touchstart / touchmove / touchend on the element under the pointer that belongs to the page's tree.
 * Mouse events that a real touch screen produced are left alone (the touch already happened).
 */

type WxNode = HTMLElement & { __wxElement?: unknown };

interface Press {
  target: WxNode;
  identifier: number;
}

let nextIdentifier = 1;

/** Touches this bridge made from a mouse (fidelity.ts lets them tap right after a scroll). */
export const touchesFromMouse = new WeakSet<Event>();

/** The first element on the event's path that exparser knows, stopping at `boundary`. */
function wxTargetOf(event: Event, boundary: Element): WxNode | null {
  for (const node of event.composedPath()) {
    if (node === boundary) return null;
    if (node instanceof HTMLElement && (node as WxNode).__wxElement) return node as WxNode;
  }
  return null;
}

function touchAt(target: EventTarget, identifier: number, event: MouseEvent): Touch {
  return new Touch({
    identifier,
    target,
    clientX: event.clientX,
    clientY: event.clientY,
    pageX: event.pageX,
    pageY: event.pageY,
    screenX: event.screenX,
    screenY: event.screenY,
  });
}

function fire(type: string, press: Press, event: MouseEvent, ended: boolean): void {
  const touch = touchAt(press.target, press.identifier, event);
  const touches = ended ? [] : [touch];
  const touchEvent = new TouchEvent(type, { bubbles: true, cancelable: true, composed: true, touches, targetTouches: touches, changedTouches: [touch] });
  touchesFromMouse.add(touchEvent);
  press.target.dispatchEvent(touchEvent);
}

/** Bridges presses inside `screen` (the phone's pages) until the returned function is called. */
export function bridgeMouseToTouch(screen: HTMLElement): () => void {
  let press: Press | null = null;
  const fromTouch = (event: MouseEvent) => Boolean((event as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } }).sourceCapabilities?.firesTouchEvents);

  const down = (event: MouseEvent) => {
    if (event.button !== 0 || fromTouch(event)) return;
    const target = wxTargetOf(event, screen);
    if (!target) return;
    press = { target, identifier: nextIdentifier++ };
    fire('touchstart', press, event, false);
  };
  const move = (event: MouseEvent) => {
    if (!press || fromTouch(event)) return;
    if ((event.buttons & 1) === 0) return up(event);
    fire('touchmove', press, event, false);
  };
  const up = (event: MouseEvent) => {
    if (!press || fromTouch(event)) return;
    const ending = press;
    press = null;
    fire('touchend', ending, event, true);
  };
  const cancel = (event: MouseEvent) => {
    if (!press) return;
    const ending = press;
    press = null;
    fire('touchcancel', ending, event, true);
  };

  screen.addEventListener('mousedown', down, true);
  window.addEventListener('mousemove', move, true);
  window.addEventListener('mouseup', up, true);
  window.addEventListener('blur', cancel as unknown as EventListener);
  return () => {
    screen.removeEventListener('mousedown', down, true);
    window.removeEventListener('mousemove', move, true);
    window.removeEventListener('mouseup', up, true);
    window.removeEventListener('blur', cancel as unknown as EventListener);
  };
}
