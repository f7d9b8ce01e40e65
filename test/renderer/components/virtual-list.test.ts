import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../../renderer/src/components/VirtualList.tsx';

describe('renderer/components/VirtualList', () => {
  it('renders only the rows in view plus overscan, whatever the list length', () => {
    // 10,000 rows of 58 px in a 600 px viewport scrolled to the middle
    const [first, last] = visibleRange(290_000, 600, 58, 10_000, 6);
    expect(first).toBe(Math.floor(290_000 / 58) - 6);
    expect(last - first).toBeLessThanOrEqual(Math.ceil(600 / 58) + 13);
  });

  it('clamps at both ends', () => {
    expect(visibleRange(0, 600, 58, 3, 6)).toEqual([0, 3]);
    expect(visibleRange(10_000_000, 600, 58, 100, 6)).toEqual([100, 100]);
  });
});
