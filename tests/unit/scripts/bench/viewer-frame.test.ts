import { describe, expect, it } from 'vitest';
import { FRAME, FRAMES, frameFault, type FrameSample } from '../../../../scripts/bench/viewer-frame.ts';

interface FakeOptions {
  lostAfter?: number;
  hideEdges?: boolean;
  /** Pixels each render covers (alpha > 0 in the drawing buffer); default 100. */
  covers?: number;
  /** The WebGL canvas as the page has it. */
  canvas?: { isConnected?: boolean; rect?: { left: number; top: number; right: number; bottom: number; width: number; height: number }; visible?: boolean };
}

/**
 * A stand-in for sigma v4 and its WebGL2 context as the probe reads them: render() hands
 * `edges` to the edge program (or returns at once while the context is lost, as sigma
 * does) and fills `covers` pixels of a 40×25 drawing buffer; the context logs what the
 * probe asks of it.
 */
function fakeSigma(edges: number, opts: FakeOptions = {}) {
  const listeners = new Set<() => void>();
  const log: string[] = [];
  let renders = 0;
  const PICKING = { name: 'picking' };
  const rect = opts.canvas?.rect ?? { left: 10, top: 10, right: 50, bottom: 35, width: 40, height: 25 };
  const canvas = {
    isConnected: opts.canvas?.isConnected ?? true,
    getBoundingClientRect: () => rect,
    checkVisibility: () => opts.canvas?.visible ?? true,
  };
  let bound: unknown = PICKING;
  const gl = {
    FRAMEBUFFER: 1,
    FRAMEBUFFER_BINDING: 2,
    RGBA: 3,
    UNSIGNED_BYTE: 4,
    drawingBufferWidth: 40,
    drawingBufferHeight: 25,
    canvas,
    isContextLost: () => sigma.contextLost,
    getParameter: (p: number) => (p === 2 ? bound : null),
    bindFramebuffer: (_: number, fb: unknown) => {
      bound = fb;
    },
    readPixels(_x: number, _y: number, w: number, h: number, _f: number, _t: number, out: Uint8Array) {
      log.push(`read ${w}x${h} from ${bound === null ? 'screen' : 'picking'}`);
      for (let i = 0; i < Math.min(w * h, opts.covers ?? 100); i++) out[i * 4 + 3] = 255;
    },
  };
  const sigma = {
    contextLost: false,
    webGLContext: gl,
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
      log.push('render');
      // Two depth ranges, as sigma draws edges layer by layer; it ends with its picking framebuffer bound.
      if (!opts.hideEdges) {
        sigma.edgeProgram.render({}, 0, Math.floor(edges / 2));
        sigma.edgeProgram.render({}, Math.floor(edges / 2), edges - Math.floor(edges / 2));
      }
      bound = PICKING;
      for (const f of listeners) f();
      if (opts.lostAfter !== undefined && renders >= opts.lostAfter) sigma.contextLost = true;
    },
  };
  return { sigma, log, bound: () => bound };
}

type Fake = ReturnType<typeof fakeSigma>;

/** Runs the in-page FRAME script against a fake page: animation frames as timers, a clock that moves 10 ms a call; `swap` replaces the page's renderer after the first frame. */
async function runFrame(fake: Fake, edges: number, swap?: Fake): Promise<FrameSample> {
  let clock = 0;
  let current = fake.sigma;
  const window = { __benchView: () => ({ sigma: current, graph: { size: edges } }), innerWidth: 1280, innerHeight: 720 };
  const performance = { now: () => (clock += 10) };
  let frames = 0;
  const requestAnimationFrame = (f: () => void) =>
    setTimeout(() => {
      if (++frames === 2 && swap) current = swap.sigma;
      f();
    }, 0);
  return (await new Function('window', 'performance', 'requestAnimationFrame', `return ${FRAME};`)(window, performance, requestAnimationFrame)) as FrameSample;
}

const OK = { rendered: true, contextLost: false, edgesDrawn: 10 };
const sampleOf = (over: Partial<FrameSample>): FrameSample => ({
  ms: 5,
  edges: 10,
  frames: [OK, OK],
  pixelsDrawn: 100,
  pixels: 1000,
  hidden: null,
  replaced: false,
  ...over,
});

describe('a viewer benchmark frame is recorded only when it drew the graph', () => {
  it('times FRAMES renders and records what each drew: every edge, rendered to its end, pixels covered', async () => {
    const fake = fakeSigma(500);
    const sample = await runFrame(fake, 500);
    expect(sample.frames).toHaveLength(FRAMES);
    expect(sample.frames).toEqual(Array.from({ length: FRAMES }, () => ({ rendered: true, contextLost: false, edgesDrawn: 500 })));
    expect(sample.ms).toBeGreaterThan(0);
    expect(sample).toMatchObject({ pixelsDrawn: 100, pixels: 1000, hidden: null, replaced: false });
    expect(frameFault(sample)).toBeNull();
    // The edge program is handed back as it was, and still draws.
    fake.sigma.edgeProgram.calls = 0;
    fake.sigma.render();
    expect(fake.sigma.edgeProgram.calls).toBe(2);
  });

  it("waits for each timed frame's GPU work: a one-pixel read of the screen after every render, sigma's framebuffer bound again after", async () => {
    const fake = fakeSigma(500);
    await runFrame(fake, 500);
    const timed = Array.from({ length: FRAMES }, () => ['render', 'read 1x1 from screen']).flat();
    // Then the untimed render whose whole buffer is counted.
    expect(fake.log).toEqual([...timed, 'render', 'read 40x25 from screen']);
    expect(fake.bound()).toEqual({ name: 'picking' });
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

  it('refuses frames that covered no pixel although every edge was handed to the program', async () => {
    const sample = await runFrame(fakeSigma(500, { covers: 0 }), 500);
    expect(sample.pixelsDrawn).toBe(0);
    expect(frameFault(sample)).toBe("the frame covered none of the canvas's 1000 pixels");
  });

  it('refuses frames drawn into a canvas the reader cannot see', async () => {
    const detached = await runFrame(fakeSigma(500, { canvas: { isConnected: false } }), 500);
    expect(frameFault(detached)).toBe('the canvas sigma draws into is not visible: the canvas is not in the document');
    const empty = await runFrame(fakeSigma(500, { canvas: { rect: { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 } } }), 500);
    expect(frameFault(empty)).toMatch(/not visible: the canvas has no size/);
    const away = await runFrame(fakeSigma(500, { canvas: { rect: { left: 2000, top: 0, right: 2040, bottom: 25, width: 40, height: 25 } } }), 500);
    expect(frameFault(away)).toMatch(/not visible: the canvas is outside the viewport/);
    const hidden = await runFrame(fakeSigma(500, { canvas: { visible: false } }), 500);
    expect(frameFault(hidden)).toMatch(/not visible: the canvas or an ancestor is hidden/);
  });

  it('refuses frames timed on a renderer the page replaced meanwhile', async () => {
    const sample = await runFrame(fakeSigma(500), 500, fakeSigma(500));
    expect(sample.replaced).toBe(true);
    expect(frameFault(sample)).toBe('the page replaced its renderer while the frames were timed');
  });

  it('names the first faulty frame, and finds nothing to check on an empty measurement', () => {
    expect(frameFault(sampleOf({ frames: [OK, { ...OK, rendered: false }] }))).toBe("frame 2: sigma's render did not run to its end");
    expect(frameFault(sampleOf({ frames: [OK, { ...OK, edgesDrawn: 9 }] }))).toBe('frame 2: 9 of 10 edges drawn');
    expect(frameFault(sampleOf({ frames: [] }))).toBe('no frame was drawn');
    expect(frameFault(sampleOf({ edges: 0, frames: [{ ...OK, edgesDrawn: 0 }], pixelsDrawn: 0 }))).toBeNull();
    expect(frameFault(sampleOf({}))).toBeNull();
  });
});
