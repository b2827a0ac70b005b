// Durations and countdowns. Durations come as ISO-8601 from Java (PT16H, PT-1H-30M).

const ISO = /^(-)?P(?:(\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/;

export function seconds(iso) {
  if (!iso) return null;
  const m = ISO.exec(iso);
  if (!m) return null;
  const total = (+(m[2] || 0)) * 86400 + (+(m[3] || 0)) * 3600 + (+(m[4] || 0)) * 60 + (+(m[5] || 0));
  return m[1] ? -total : total;
}

function two(n) {
  return String(n).padStart(2, '0');
}

/** 1d 02:03:04, 02:03:04 or 03:04; negative as "-…". */
export function clockText(totalSeconds) {
  const negative = totalSeconds < 0;
  let s = Math.floor(Math.abs(totalSeconds));
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const hms = (d || h ? two(h) + ':' : '') + two(m) + ':' + two(s);
  return (negative ? '-' : '') + (d ? d + 'd ' : '') + hms;
}

/** Short text of a duration in seconds: 16h, 1h 30m, 45m, 20s. */
export function durationText(totalSeconds) {
  if (totalSeconds === null || totalSeconds === undefined) return '';
  const negative = totalSeconds < 0;
  let s = Math.round(Math.abs(totalSeconds));
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const parts = [];
  if (d) parts.push(d + 'd');
  if (h) parts.push(h + 'h');
  if (m) parts.push(m + 'm');
  if (!parts.length) parts.push(s + 's');
  return (negative ? '-' : '') + parts.join(' ');
}

export function when(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  return isNaN(d) ? String(instant) : d.toLocaleString();
}

/**
 * Countdown elements carry data-due (an instant); one timer per view rewrites them every second.
 * Classes: overdue once past, at-risk within the window.
 */
export function tickCountdowns(root, atRiskSeconds) {
  const now = Date.now();
  for (const node of root.querySelectorAll('[data-due]')) {
    const left = (Date.parse(node.getAttribute('data-due')) - now) / 1000;
    node.textContent = (node.getAttribute('data-prefix') || '') + clockText(left);
    node.classList.toggle('overdue', left < 0);
    node.classList.toggle('at-risk', left >= 0 && left <= atRiskSeconds);
    const row = node.closest('tr');
    if (row) {
      row.classList.toggle('overdue', left < 0);
      row.classList.toggle('at-risk', left >= 0 && left <= atRiskSeconds);
    }
  }
}

/**
 * A live view: loads now, then reloads every refresh interval and rewrites its countdowns every second, both while
 * the tab is visible. Returns the function that stops both.
 */
export function liveView(load, root, atRiskSeconds, refreshSeconds) {
  load();
  const stopTick = whileVisible(() => tickCountdowns(root, atRiskSeconds), 1000);
  const stopRefresh = whileVisible(() => load(), refreshSeconds * 1000);
  return () => {
    stopTick();
    stopRefresh();
  };
}

/** Runs fn every interval while the tab is visible; when it shows again, runs at once. Returns a stop function. */
export function whileVisible(fn, intervalMs) {
  let timer = null;
  const start = () => {
    if (timer === null) timer = setInterval(fn, intervalMs);
  };
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const onVisibility = () => {
    if (document.hidden) stop();
    else {
      fn();
      start();
    }
  };
  document.addEventListener('visibilitychange', onVisibility);
  if (!document.hidden) start();
  return () => {
    stop();
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
