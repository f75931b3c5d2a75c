import { describe, expect, it } from 'vitest';
import { floorServerMs } from '../../../../scripts/bench/http-floor.ts';

describe('floorServerMs', () => {
  it('reads the app metric’s duration from a Server-Timing header, among other metrics and parameters', () => {
    expect(floorServerMs('app;dur=3.250')).toBe(3.25);
    expect(floorServerMs('db;dur=1.5, app;desc="handler";dur=0.75, cache;desc=hit')).toBe(0.75);
    expect(floorServerMs(['db;dur=1', 'app;dur=2'])).toBe(2);
  });

  it('gives nothing without the header, without the metric, or without a usable duration', () => {
    expect(floorServerMs(undefined)).toBeUndefined();
    expect(floorServerMs('')).toBeUndefined();
    expect(floorServerMs('db;dur=4')).toBeUndefined();
    expect(floorServerMs('application;dur=4')).toBeUndefined();
    expect(floorServerMs('app')).toBeUndefined();
    expect(floorServerMs('app;dur=')).toBeUndefined();
    expect(floorServerMs('app;dur=soon')).toBeUndefined();
    expect(floorServerMs('app;dur=-1')).toBeUndefined();
  });
});
