// Every piece of ticket data reaches the page through these helpers: text goes into textContent and attributes
// through setAttribute, never parsed as markup, so a subject like <script>…</script> stays inert text.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(node, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'class') node.setAttribute('class', value);
    else if (key === 'testid') node.setAttribute('data-testid', value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key.startsWith('on')) throw new Error('event handler attributes are not allowed: ' + key);
    else if (key === 'style') throw new Error('inline styles are not allowed (CSP): use a class');
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  return node;
}

function appendAll(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** el('p', {class: 'x', testid: 'y'}, 'text', otherNode): strings become text nodes. */
export function el(tag, props, ...children) {
  return appendAll(apply(document.createElement(tag), props), children);
}

export function svg(tag, props, ...children) {
  return appendAll(apply(document.createElementNS(SVG_NS, tag), props), children);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function replace(node, ...children) {
  return appendAll(clear(node), children);
}

/** A link to a ticket page; ids are checked so nothing but a ULID ever lands in an href. */
export function ticketLink(id, text) {
  const safe = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(String(id)) ? String(id) : '';
  return el('a', {href: '#/ticket/' + safe, 'data-ticket-id': safe}, text ?? safe);
}

/** A problem document (RFC 9457) as readable lines: its detail, then each field's problem. */
export function problemLines(error) {
  const problem = error && error.problem;
  if (!problem) return [String(error && error.message || error)];
  const lines = [problem.detail || problem.title || ('HTTP ' + problem.status)];
  for (const e of problem.errors || []) lines.push(e.field + ': ' + e.problem);
  if (problem.allowedStatuses) lines.push('allowed: ' + problem.allowedStatuses.join(', '));
  return lines;
}

export function showProblem(output, error) {
  replace(output, ...problemLines(error).map(line => el('div', {}, line)));
  output.hidden = false;
}
