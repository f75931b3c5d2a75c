import { describe, expect, it } from 'vitest';
import { FRAME, FRAMES, frameFault, type FrameSample } from '../../../../scripts/bench/viewer-frame.ts';

/** A stand-in for sigma v4 as the probe reads it: render() hands `edges` to the edge program, or returns at once while the context is lost (as sigma does). */
function fakeSigma(edges: number, opts: { lostAfter?: number; hideEdges?: boolean } = {}) {
  const listeners = new Set<() => void>();
  let renders = 0;
  const sigma = {
    contextLost: false,
    webGLContext: { isContextLost: () => sigma.contextLost },
    edgeProgram: {
      calls: 0,
      render(_params: unknown, _offset: number, _count: number) {
        this.calls++;
      },
    },
    on: (_: string, f: () => void) => listeners.add(f),
    off: (_: string, f: () => void) => listeners.delete(f),
    render() {
      if (sigma.contextLost) return;
      renders++;
      // Two depth ranges, as sigma draws edges layer by layer.
      if (!opts.hideEdges) {
        sigma.edgeProgram.render({}, 0, Math.floor(edges / 2));
        sigma.edgeProgram.render({}, Math.floor(edges / 2), edges - Math.floor(edges / 2));
      }
      for (const f of listeners) f();
      if (opts.lostAfter !== undefined && renders >= opts.lostAfter) sigma.contextLost = true;
    },
  };
  return sigma;
}

/** Runs the in-page FRAME script against a fake page: animation frames as timers, a clock that moves 10 ms a call. */
async function runFrame(sigma: ReturnType<typeof fakeSigma>, edges: number): Promise<FrameSample> {
  let clock = 0;
  const window = { __benchView: () => ({ sigma, graph: { size: edges } }) };
  const performance = { now: () => (clock += 10) };
  const requestAnimationFrame = (f: () => void) => setTimeout(f, 0);
  return (await new Function('window', 'performance', 'requestAnimationFrame', `return ${FRAME};`)(window, performance, requestAnimationFrame)) as FrameSample;
}

describe('a viewer benchmark frame is recorded only when it drew the graph', () => {
  it('times FRAMES renders and records what each drew: every edge, rendered to its end', async () => {
    const sigma = fakeSigma(500);
    const sample = await runFrame(sigma, 500);
    expect(sample.frames).toHaveLength(FRAMES);
    expect(sample.frames).toEqual(Array.from({ length: FRAMES }, () => ({ rendered: true, contextLost: false, edgesDrawn: 500 })));
    expect(sample.ms).toBeGreaterThan(0);
    expect(frameFault(sample)).toBeNull();
    // The edge program is handed back as it was, and still draws.
    sigma.edgeProgram.calls = 0;
    sigma.render();
    expect(sigma.edgeProgram.calls).toBe(2);
  });

  it('refuses frames rendered into a lost WebGL context (sigma draws nothing and says nothing)', async () => {
    const sample = await runFrame(fakeSigma(500, { lostAfter: 1 }), 500);
    expect(sample.frames[1]).toEqual({ rendered: false, contextLost: true, edgesDrawn: 0 });
    expect(frameFault(sample)).toMatch(/context was lost/);
  });

  it('refuses frames that left the edges out (hidden while the camera or pointer moves)', async () => {
    const sample = await runFrame(fakeSigma(500, { hideEdges: true }), 500);
    expect(frameFault(sample)).toBe('frame 1: 0 of 500 edges drawn');
  });

  it('names the first faulty frame, and finds nothing to check on an empty measurement', () => {
    const ok = { rendered: true, contextLost: false, edgesDrawn: 10 };
    expect(frameFault({ ms: 5, edges: 10, frames: [ok, { ...ok, rendered: false }] })).toBe("frame 2: sigma's render did not run to its end");
    expect(frameFault({ ms: 5, edges: 10, frames: [ok, { ...ok, edgesDrawn: 9 }] })).toBe('frame 2: 9 of 10 edges drawn');
    expect(frameFault({ ms: 5, edges: 10, frames: [] })).toBe('no frame was drawn');
    expect(frameFault({ ms: 5, edges: 0, frames: [{ ...ok, edgesDrawn: 0 }] })).toBeNull();
  });
});
