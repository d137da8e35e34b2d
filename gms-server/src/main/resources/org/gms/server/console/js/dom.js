// Building the DOM without HTML strings: every text goes in as a text node, so nothing from the server is parsed.

/** h('button', {class: 'primary', onclick: fn}, 'Label', child, [more]) */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the children of an element. */
export function fill(element, ...children) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
  append(element, children);
  return element;
}

let ids = 0;

/** A unique id for label/for pairs. */
export function uid(prefix) {
  ids += 1;
  return (prefix || 'id') + '-' + ids;
}

/** A labelled form field: the label wraps nothing, it names the control by id. */
export function field(label, control) {
  const id = control.id || uid('field');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** A modal dialog (the native <dialog>): Escape closes it, focus stays inside while it is open. */
export function dialog(title, body, buttons) {
  const heading = uid('dialog-title');
  const element = h('dialog', { class: 'modal', 'aria-labelledby': heading },
    h('h2', { id: heading }, title), h('div', { class: 'modal-body' }, body),
    h('div', { class: 'modal-buttons' }, buttons));
  element.addEventListener('close', () => element.remove());
  document.body.appendChild(element);
  element.showModal();
  return element;
}

/** Local date-time of an ISO instant, in the browser's zone. */
export function localTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
}
