// Server-sent events over fetch(): EventSource cannot send an Authorization header. Parses the text/event-stream
// format (id, event, data, comments), resumes with Last-Event-ID after a dropped connection, and stops when the
// server completes the stream (after a project's final event) or when aborted.
import { headers, failure } from './api.js';

const FINAL = new Set(['ProjectDelivered', 'ProjectStopped', 'ProjectFailed']);

export function parseChunk(buffer, emit) {
  let start = 0, end;
  while ((end = nextBlank(buffer, start)) !== null) {
    const block = buffer.slice(start, end.at);
    start = end.at + end.length;
    const event = { id: null, event: 'message', data: [] };
    for (const line of block.split(/\r\n|\r|\n/)) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'id') event.id = value;
      else if (field === 'event') event.event = value;
      else if (field === 'data') event.data.push(value);
    }
    if (event.data.length > 0 || event.id !== null) emit({ id: event.id, event: event.event, data: event.data.join('\n') });
  }
  return buffer.slice(start);
}

function nextBlank(buffer, from) {
  const m = /\r\n\r\n|\n\n|\r\r/.exec(buffer.slice(from));
  return m ? { at: from + m.index, length: m[0].length } : null;
}

/**
 * Follows {@code url}: {@code onEvents(batch)} gets the events of each chunk read; returns a function that stops it.
 * {@code onState(text)} hears "live", "reconnecting …" and "ended".
 */
export function follow(url, { onEvents, onState = () => {}, onError = () => {} }) {
  const abort = new AbortController();
  let lastId = null, stopped = false, ended = false;
  (async () => {
    let wait = 500;
    while (!stopped) {
      try {
        const h = headers({ Accept: 'text/event-stream' });
        if (lastId !== null) h['Last-Event-ID'] = lastId;
        const response = await fetch(url, { headers: h, signal: abort.signal, cache: 'no-store' });
        if (!response.ok) { onError(await failure(response)); return; }
        onState('live');
        wait = 500;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const batch = [];
          buffer = parseChunk(buffer + value, e => {
            if (e.id !== null) lastId = e.id;
            ended ||= FINAL.has(e.event);
            batch.push(e);
          });
          if (batch.length) onEvents(batch);
        }
        if (ended) { onState('ended'); return; } // the server completes the stream after the project's final event
        throw new Error('the stream closed before the project ended');
      } catch (e) {
        if (stopped || e.name === 'AbortError') return;
        onState('reconnecting in ' + Math.round(wait / 1000) + ' s (' + e.message + ')');
        await new Promise(r => setTimeout(r, wait));
        wait = Math.min(wait * 2, 10000);
      }
    }
  })();
  return () => { stopped = true; abort.abort(); };
}
