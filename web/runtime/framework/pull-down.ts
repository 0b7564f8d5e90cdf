/**
 * Pull-down refresh for pages whose json asks for it (enablePullDownRefresh): at the top of the page,
 * dragging down with the mouse (or scrolling up with the wheel) past the threshold shows WeChat's
 * three dots and calls onPullDownRefresh; wx.stopPullDownRefresh puts the page back.
 */
const THRESHOLD = 60;
const WHEEL_THRESHOLD = 120;

export interface PullDown {
  start(): void;
  stop(): void;
  readonly refreshing: boolean;
}

export function enablePullDownRefresh(scroller: HTMLElement, refresh: () => void): PullDown {
  const indicator = document.createElement('div');
  indicator.className = 'pull-down';
  indicator.innerHTML = '<i></i><i></i><i></i>';
  scroller.prepend(indicator);
  let refreshing = false;
  let dragFrom: number | null = null;
  let wheel = 0;

  const state: PullDown = {
    get refreshing() {
      return refreshing;
    },
    start() {
      if (refreshing) return;
      refreshing = true;
      indicator.classList.add('pull-down--on');
      scroller.scrollTop = 0;
      refresh();
    },
    stop() {
      refreshing = false;
      indicator.classList.remove('pull-down--on');
      indicator.style.height = '';
    },
  };

  scroller.addEventListener('mousedown', (event) => {
    if (event.button === 0 && scroller.scrollTop <= 0 && !refreshing) dragFrom = event.clientY;
  });
  window.addEventListener('mousemove', (event) => {
    if (dragFrom === null) return;
    const pulled = event.clientY - dragFrom;
    indicator.style.height = `${Math.max(0, Math.min(pulled, THRESHOLD * 1.5))}px`;
  });
  window.addEventListener('mouseup', (event) => {
    if (dragFrom === null) return;
    const pulled = event.clientY - dragFrom;
    dragFrom = null;
    indicator.style.height = '';
    if (pulled >= THRESHOLD) state.start();
  });
  scroller.addEventListener(
    'wheel',
    (event) => {
      if (scroller.scrollTop > 0 || event.deltaY >= 0 || refreshing) {
        wheel = 0;
        return;
      }
      wheel -= event.deltaY;
      if (wheel >= WHEEL_THRESHOLD) {
        wheel = 0;
        state.start();
      }
    },
    { passive: true },
  );
  return state;
}
