// A chat transcript as a list, shared by the Agent Desk and the Chat view: events of the v2 format (index, type,
// from {nickname, type}, text, utcTime, userData) go in once each, in index order, whatever order they arrive in.
// Every text is a text node: chat text is the customer's and is never parsed.
import { fill, h } from '../js/dom.js';

const SILENT = new Set(['TypingStarted', 'TypingStopped']);

function time(event) {
  const date = new Date(event.utcTime);
  return isNaN(date.getTime()) ? '' : date.toLocaleTimeString();
}

function who(event) {
  return (event.from && event.from.nickname) || '';
}

function body(event, label, fileHref) {
  const data = event.userData || {};
  switch (event.type) {
    case 'Message':
      return [h('span', { class: 'who' }, who(event)), event.text || ''];
    case 'ParticipantJoined':
      return label('joined', { name: who(event) });
    case 'ParticipantLeft':
      return label('left', { name: who(event) });
    case 'FileUploaded': {
      const name = data['file-name'] || event.text || '';
      const href = fileHref && data['file-id'] ? fileHref(data['file-id']) : null;
      return [label('fileSent', { name: who(event) }), ' ',
        href ? h('a', { href, download: name, class: 'file-link', 'data-file-id': data['file-id'] }, name) : name];
    }
    case 'FileDeleted':
      return label('fileDeleted', { name: who(event), file: event.text || '' });
    default:
      return [h('span', { class: 'who' }, who(event) || label('system')), event.text || event.type];
  }
}

/** The list item of one event. */
export function eventItem(event, label, fileHref) {
  const from = (event.from && event.from.type) || '';
  return h('li', { class: 'event ' + event.type + (from ? ' from-' + from : ''), 'data-index': event.index },
    h('time', { class: 'at' }, time(event)), ' ', body(event, label, fileHref));
}

/**
 * The transcript of one chat in a list element. label(key, params) gives the strings (joined, left, fileSent,
 * fileDeleted, system); fileHref(fileId), when given, links uploaded files for download.
 */
export class Transcript {
  constructor(list, label, fileHref) {
    this.list = list;
    this.label = label;
    this.fileHref = fileHref;
    this.events = new Map();
    this.shown = 0;
  }

  /** The next index to ask for: one after the highest known. */
  next() {
    return this.events.size ? Math.max(...this.events.keys()) + 1 : 1;
  }

  /** Adds events not known yet; answers those that were new. */
  add(events) {
    const added = [];
    for (const event of events || []) {
      if (typeof event.index === 'number' && !this.events.has(event.index)) {
        this.events.set(event.index, event);
        added.push(event);
      }
    }
    const visible = added.filter(event => !SILENT.has(event.type)).sort((a, b) => a.index - b.index);
    if (visible.length && visible[0].index < this.shown) {
      this.render();
    } else {
      for (const event of visible) {
        this.list.appendChild(eventItem(event, this.label, this.fileHref));
        this.shown = event.index;
      }
    }
    if (visible.length) {
      this.list.scrollTop = this.list.scrollHeight;
    }
    return added;
  }

  /** Draws every known event again (into a new list element when given). */
  render(list) {
    if (list) {
      this.list = list;
    }
    const sorted = [...this.events.values()].filter(event => !SILENT.has(event.type))
      .sort((a, b) => a.index - b.index);
    fill(this.list, sorted.map(event => eventItem(event, this.label, this.fileHref)));
    this.shown = sorted.length ? sorted[sorted.length - 1].index : 0;
  }
}
