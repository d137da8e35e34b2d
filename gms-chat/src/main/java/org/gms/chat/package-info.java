/**
 * The chat engine of Chat API v2 (sessions, transcripts, routing queue, agent API, files, bot bridge, v2 REST
 * servlets and the chat CometD service, written against the CometD server API). It depends on gms-push and below,
 * never on gms-callback; gms-server mounts it as a feature.
 */
package org.gms.chat;
