import { realSleep } from '../../src/lib/ports.js';

describe('realSleep', () => {
  it('rejects with the abort reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const pending = realSleep(10_000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
  });

  it('resolves after the delay', async () => {
    await expect(realSleep(5)).resolves.toBeUndefined();
  });
});
