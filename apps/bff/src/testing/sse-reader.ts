/**
 * Reads a Server-Sent Events response event by event (tests wait for the next event, never for time).
 */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

export function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let done = false;
  return {
    /** The next event (comments such as heartbeats come back as event ':comment'); null when the stream ended. */
    async next(): Promise<SseEvent | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) return { id: null, event: ':comment', data: block.slice(1).trim() };
          const fields = Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).replace(/^ /, '')]));
          return { id: fields.id ?? null, event: fields.event ?? 'message', data: fields.data ?? '' };
        }
        if (done) return null;
        const chunk = await reader.read();
        if (chunk.done) done = true;
        else buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    /** The next event that is not a heartbeat. */
    async nextEvent(): Promise<SseEvent | null> {
      for (;;) {
        const event = await this.next();
        if (event === null || event.event !== ':comment') return event;
      }
    },
    cancel: () => reader.cancel(),
  };
}
