// The one cancellation of both front doors (src/lib/cancellation.ts): SIGINT/SIGTERM and timeout-minutes abort the
// run's signal with a reason that says which; disposing stops listening.

import { EventEmitter } from 'node:events';
import { cancellation } from '../../src/lib/cancellation.js';

const aborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

describe('cancellation', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)(
    '%s aborts with "<signal> received", after the door has said so',
    (name) => {
      const source = new EventEmitter();
      const said: string[] = [];
      const stop = cancellation({
        timeoutMinutes: 60,
        signalSource: source,
        onSignal: (signal) => said.push(`${signal}, aborted: ${stop.signal.aborted}`),
      });
      source.emit(name);
      expect(said).toEqual([`${name}, aborted: false`]);
      expect(stop.signal.aborted).toBe(true);
      expect(stop.signal.reason).toEqual(new Error(`${name} received`));
      stop.dispose();
    },
  );

  test('timeout-minutes aborts with a reason naming the input and its value', async () => {
    const stop = cancellation({ timeoutMinutes: 2, minuteMs: 5, signalSource: new EventEmitter(), onSignal: () => {} });
    await aborted(stop.signal);
    expect(stop.signal.reason).toEqual(new Error('timeout-minutes (2) reached'));
    stop.dispose();
  });

  test('a second signal changes nothing: the first reason stays', () => {
    const source = new EventEmitter();
    const stop = cancellation({ timeoutMinutes: 60, signalSource: source, onSignal: () => {} });
    source.emit('SIGINT');
    source.emit('SIGTERM');
    expect(stop.signal.reason).toEqual(new Error('SIGINT received'));
  });

  test('dispose stops listening: no handlers left, and a later timeout does not abort', async () => {
    const source = new EventEmitter();
    const stop = cancellation({ timeoutMinutes: 1, minuteMs: 5, signalSource: source, onSignal: () => {} });
    stop.dispose();
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stop.signal.aborted).toBe(false);
  });

  test("the action keeps its handlers after an aborted run, so the runner's SIGTERM 7.5 s later does not kill it unreported", () => {
    const source = new EventEmitter();
    const stop = cancellation({
      timeoutMinutes: 60,
      signalSource: source,
      onSignal: () => {},
      keepHandlersOnceAborted: true,
    });
    source.emit('SIGINT');
    stop.dispose();
    expect(source.listenerCount('SIGTERM')).toBe(1);
    const terminal = cancellation({ timeoutMinutes: 60, signalSource: source, onSignal: () => {} });
    source.emit('SIGINT');
    terminal.dispose();
    expect(source.listenerCount('SIGTERM')).toBe(1);
  });
});
