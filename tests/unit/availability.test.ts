import { Availability, type AvailabilityEvent, DeadlineExceeded, withDeadline } from '../../src/core/availability';

/** A probe whose every call waits for the test to settle it. */
function controlledProbe() {
  const calls: { resolve: () => void; reject: (err: Error) => void }[] = [];
  const probe = () =>
    new Promise<void>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { probe, calls };
}

const options = { timeoutMs: 50, maxAgeMs: 0, retryMs: 10_000, staleMs: 10_000 };
const tick = () => new Promise((r) => setImmediate(r));

describe('withDeadline', () => {
  it('passes the value through when the work settles in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 1_000, 'the work')).resolves.toBe(7);
  });

  it('rejects with DeadlineExceeded naming what did not answer', async () => {
    const never = new Promise(() => undefined);
    const error = await withDeadline(never, 5, 'the database').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineExceeded);
    expect((error as Error).message).toBe('the database did not answer within 5 ms');
  });
});

describe('Availability', () => {
  it('closes the gate when a failed call is confirmed by a refused probe, and opens it on the next success', async () => {
    const { probe, calls } = controlledProbe();
    const availability = new Availability(probe, options);
    const confirming = availability.confirm();
    calls[0]!.reject(new Error('connection refused'));
    expect(await confirming).toMatchObject({ up: false, refused: true, reason: 'connection refused' });
    expect(availability.down).toBe(true);

    const checking = availability.check();
    calls[1]!.resolve();
    expect(await checking).toMatchObject({ up: true });
    expect(availability.down).toBe(false);
    availability.close();
  });

  it('keeps the gate open when the probe that confirms a failure answers: a stale connection is no outage', async () => {
    const { probe, calls } = controlledProbe();
    const availability = new Availability(probe, options);
    const confirming = availability.confirm();
    calls[0]!.resolve();
    expect(await confirming).toMatchObject({ up: true });
    expect(availability.down).toBe(false);
  });

  it('shares one probe among concurrent callers', async () => {
    const { probe, calls } = controlledProbe();
    const availability = new Availability(probe, options);
    const both = Promise.all([availability.check(), availability.confirm()]);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve();
    expect((await both).map((v) => v.up)).toEqual([true, true]);
  });

  it('opens the gate when a probe that ran out of time answers late', async () => {
    const { probe, calls } = controlledProbe();
    const availability = new Availability(probe, options);
    expect(await availability.confirm()).toMatchObject({ up: false, refused: false });
    expect(availability.down).toBe(true);
    calls[0]!.resolve();
    await tick();
    expect(availability.down).toBe(false);
  });

  it('starts no third probe while two are unanswered, and answers at once', async () => {
    const { probe, calls } = controlledProbe();
    const availability = new Availability(probe, options);
    await availability.confirm();
    await availability.confirm();
    expect(await availability.confirm()).toMatchObject({ up: false, reason: 'earlier probes are still unanswered' });
    expect(calls).toHaveLength(2);
    availability.close();
  });

  it('falls back on a recent success when a probe is only slow and no call has failed', async () => {
    const { probe, calls } = controlledProbe();
    const availability = new Availability(probe, options);
    const first = availability.check();
    calls[0]!.resolve();
    expect(await first).toMatchObject({ up: true, reason: 'answered' });
    // The second probe is never answered: it runs out of time, and the first success stands.
    expect(await availability.check()).toMatchObject({ up: true, reason: 'answered' });
    expect(calls).toHaveLength(2);
    expect(availability.down).toBe(false);
  });

  describe('with a warm-up', () => {
    const warmOptions = { ...options, warmUpMs: 1_000 };

    it('keeps the gate closed and /readyz not up while the restarted database warms up, then opens it', async () => {
      const { probe, calls } = controlledProbe();
      let finishWarmUp: () => void = () => undefined;
      const warmUp = jest.fn(() => new Promise<void>((resolve) => (finishWarmUp = resolve)));
      const availability = new Availability(probe, warmOptions, warmUp);
      const confirming = availability.confirm();
      calls[0]!.reject(new Error('connection refused'));
      await confirming;

      const checking = availability.check();
      calls[1]!.resolve();
      expect(await checking).toMatchObject({ up: false, reason: expect.stringContaining('warming up') });
      expect(availability.down).toBe(true);
      // Probes succeeding meanwhile start no second warm-up.
      const again = availability.check();
      calls[2]!.resolve();
      await again;
      expect(warmUp).toHaveBeenCalledTimes(1);

      finishWarmUp();
      await tick();
      expect(availability.down).toBe(false);
      expect(availability.lastWarmUp).toMatchObject({ result: undefined });
      expect(availability.lastWarmUp!.error).toBeUndefined();
      const afterWarmUp = availability.check();
      calls[3]!.resolve();
      expect(await afterWarmUp).toMatchObject({ up: true });
      availability.close();
    });

    it('opens the gate when the warm-up runs out of its time, or fails', async () => {
      const cases = [
        { warmUp: () => new Promise(() => undefined), error: 'the warm-up did not answer within 20 ms' },
        { warmUp: () => Promise.reject(new Error('refused')), error: 'refused' },
      ];
      for (const { warmUp, error } of cases) {
        const { probe, calls } = controlledProbe();
        const availability = new Availability(probe, { ...options, warmUpMs: 20 }, warmUp);
        const confirming = availability.confirm();
        calls[0]!.reject(new Error('connection refused'));
        await confirming;
        const checking = availability.check();
        calls[1]!.resolve();
        await checking;
        expect(availability.down).toBe(true);
        await new Promise((r) => setTimeout(r, 40));
        expect(availability.down).toBe(false);
        expect(availability.lastWarmUp).toMatchObject({ error });
        availability.close();
      }
    });

    it('lets a read wait a bounded time for the warm-up: true when the gate opens in time, false otherwise', async () => {
      const { probe, calls } = controlledProbe();
      let finishWarmUp: () => void = () => undefined;
      const availability = new Availability(probe, warmOptions, () => new Promise<void>((r) => (finishWarmUp = r)));
      const confirming = availability.confirm();
      calls[0]!.reject(new Error('connection refused'));
      await confirming;
      expect(availability.warmingUp).toBe(false);
      const checking = availability.check();
      calls[1]!.resolve();
      await checking;
      expect(availability.warmingUp).toBe(true);

      expect(await availability.opened(10)).toBe(false);
      const waiting = availability.opened(1_000);
      finishWarmUp();
      expect(await waiting).toBe(true);
      expect(availability.warmingUp).toBe(false);
      availability.close();
    });

    it('does not warm up while the gate is open: a successful probe of a healthy database changes nothing', async () => {
      const { probe, calls } = controlledProbe();
      const warmUp = jest.fn(() => Promise.resolve());
      const availability = new Availability(probe, warmOptions, warmUp);
      const checking = availability.check();
      calls[0]!.resolve();
      expect(await checking).toMatchObject({ up: true, reason: 'answered' });
      expect(warmUp).not.toHaveBeenCalled();
    });
  });

  it('tells its listener of each step of an outage once: gate closed, probe answered, gate opened', async () => {
    const { probe, calls } = controlledProbe();
    let finishWarmUp: () => void = () => undefined;
    const availability = new Availability(
      probe,
      { ...options, warmUpMs: 1_000 },
      () => new Promise<void>((r) => (finishWarmUp = r)),
    );
    const events: AvailabilityEvent[] = [];
    availability.onEvent = (e) => events.push(e);
    const before = Date.now();
    for (const settle of ['reject', 'reject'] as const) {
      const confirming = availability.confirm();
      calls.at(-1)![settle](new Error('connection refused'));
      await confirming;
    }
    for (let i = 0; i < 2; i++) {
      const checking = availability.check();
      calls.at(-1)!.resolve();
      await checking;
    }
    finishWarmUp();
    await tick();
    expect(events.map((e) => e.event)).toEqual(['gate-closed', 'probe-answered', 'gate-opened']);
    expect(events.at(-1)).toMatchObject({ warmedUp: true });
    // Epoch milliseconds, so that a benchmark can line the service's steps up with its own clock.
    for (const e of events) expect(e.at).toBeGreaterThanOrEqual(before - 1);
    availability.close();
  });
});
