// A small Bayeux (CometD) client over long polling, enough for the console: handshake with the session's CSRF token,
// a connect loop that hands messages to the channel listeners, subscribe, publish, disconnect. It reconnects with a
// growing pause (at most 5 s) when the server is away, and hands shakes again when the server forgot the client.

const URL = '/genesys/cometd';

export class Bayeux {
  constructor(csrfToken, onState) {
    this.csrfToken = csrfToken;
    this.onState = onState || (() => {});
    this.clientId = null;
    this.listeners = new Map();
    this.pending = new Map();
    this.nextId = 1;
    this.stopped = false;
    this.backoff = 0;
  }

  /**
   * Calls listener(data, message) for every message of a channel (a service channel or a subscribed one).
   * '/meta/handshake' listeners are called after each successful handshake (a view that published on a service
   * channel, such as a watch, publishes again: the server forgot the old client).
   */
  on(channel, listener) {
    if (!this.listeners.has(channel)) {
      this.listeners.set(channel, []);
    }
    this.listeners.get(channel).push(listener);
  }

  /** Removes a listener given to on(). */
  off(channel, listener) {
    const remaining = (this.listeners.get(channel) || []).filter(each => each !== listener);
    if (remaining.length) {
      this.listeners.set(channel, remaining);
    } else {
      this.listeners.delete(channel);
    }
  }

  async start() {
    await this.handshake();
    this.loop();
  }

  async handshake() {
    const [reply] = await this.send([{
      channel: '/meta/handshake', version: '1.0', minimumVersion: '1.0',
      supportedConnectionTypes: ['long-polling'], ext: { csrf: this.csrfToken },
      advice: { timeout: 60000, interval: 0 }
    }]);
    if (!reply || !reply.successful) {
      throw new Error((reply && reply.error) || 'CometD handshake refused');
    }
    this.clientId = reply.clientId;
    this.onState('connected');
    for (const channel of this.listeners.keys()) {
      if (!channel.startsWith('/service/') && !channel.startsWith('/meta/')) {
        await this.subscribe(channel);
      }
    }
    for (const listener of this.listeners.get('/meta/handshake') || []) {
      listener(reply, reply);
    }
  }

  async loop() {
    let first = true;
    while (!this.stopped) {
      try {
        const replies = await this.send([{
          channel: '/meta/connect', clientId: this.clientId, connectionType: 'long-polling',
          advice: first ? { timeout: 0 } : undefined
        }]);
        first = false;
        this.backoff = 0;
        const connect = replies.find(message => message.channel === '/meta/connect');
        if (connect && !connect.successful) {
          const advice = connect.advice || {};
          if (advice.reconnect === 'none') {
            this.onState('disconnected');
            return;
          }
          if (advice.reconnect === 'handshake' || String(connect.error || '').startsWith('402')) {
            await this.handshake();
            first = true;
          }
        }
      } catch (error) {
        if (this.stopped) {
          return;
        }
        this.onState('reconnecting');
        this.backoff = Math.min(5000, this.backoff + 1000);
        await new Promise(resolve => setTimeout(resolve, this.backoff));
        try {
          await this.handshake();
          first = true;
        } catch (ignored) {
          // tried again after the next pause
        }
      }
    }
  }

  async subscribe(channel) {
    const [reply] = await this.send([{ channel: '/meta/subscribe', clientId: this.clientId, subscription: channel }]);
    return reply && reply.successful;
  }

  /** Publishes data on a channel; answers the server's reply to it (for /service channels, its answer). */
  async publish(channel, data) {
    const replies = await this.send([{ channel, clientId: this.clientId, data }]);
    return replies.find(message => message.channel === channel && message.successful !== undefined) || replies[0];
  }

  async stop() {
    this.stopped = true;
    if (this.clientId) {
      try {
        await this.send([{ channel: '/meta/disconnect', clientId: this.clientId }]);
      } catch (ignored) {
        // the server forgets the client by itself
      }
    }
  }

  async send(messages) {
    for (const message of messages) {
      message.id = String(this.nextId++);
    }
    const response = await fetch(URL, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      body: JSON.stringify(messages)
    });
    if (!response.ok) {
      throw new Error('CometD answered ' + response.status);
    }
    const replies = await response.json();
    const ids = new Set(messages.map(message => message.id));
    for (const message of replies) {
      const own = ids.has(message.id) && message.channel.startsWith('/meta/');
      if (!own && message.data !== undefined) {
        for (const listener of this.listeners.get(message.channel) || []) {
          listener(message.data, message);
        }
      }
    }
    return replies;
  }
}
