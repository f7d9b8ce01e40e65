/**
 * A list that renders only the rows in view, so 10,000 conversations scroll as smoothly as 10.
 *
 * Rows have one fixed height. When rows are inserted above the ones being read, the list keeps
 * those rows where they are on screen (nothing jumps); it follows new rows only while scrolled to
 * the very top and the pointer is not over it. Keyboard: arrows, Page Up/Down, Home/End move the
 * cursor, Enter opens the row.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type RowKey = string | number;

/** Which rows to render for a scroll position: [first, last) with overscan. Exported for tests. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan: number): [number, number] {
  const first = Math.min(count, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

export type VirtualListProps<T> = {
  items: readonly T[];
  rowHeight: number;
  getKey: (item: T) => RowKey;
  renderRow: (item: T, index: number, state: { active: boolean; selected: boolean }) => ReactNode;
  /** The row that is open elsewhere (e.g. its transcript). */
  selectedKey?: RowKey | null;
  /** Click or Enter on a row. */
  onOpen?: (item: T) => void;
  /** Called when the last rows come into view: load the next page. */
  onEndReached?: () => void;
  /** How many rows above the top of the view have not been seen since they arrived. */
  onUnseenAboveChange?: (count: number) => void;
  ariaLabel: string;
  overscan?: number;
  className?: string;
  /** Call with a function to scroll back to the top (the "new rows" button). */
  scrollToTopRef?: { current: (() => void) | null };
};

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, getKey, renderRow, selectedKey = null, onOpen, onEndReached, onUnseenAboveChange, ariaLabel, overscan = 6 } = props;
  const listId = useId();
  const viewportRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [activeKey, setActiveKey] = useState<RowKey | null>(null);
  const pointerInside = useRef(false);
  // The first row in view and its index when last rendered: the anchor kept in place.
  const anchor = useRef<{ key: RowKey; index: number } | null>(null);
  const unseenAbove = useRef(0);

  const indexOfKey = useMemo(() => {
    const map = new Map<RowKey, number>();
    items.forEach((item, index) => map.set(getKey(item), index));
    return map;
  }, [items, getKey]);

  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (element === null) return;
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Rows inserted above the anchor: scroll by as much, so what is on screen stays put.
  useLayoutEffect(() => {
    const element = viewportRef.current;
    const previous = anchor.current;
    if (element === null || previous === null) return;
    const now = indexOfKey.get(previous.key);
    if (now === undefined || now === previous.index) return;
    const following = element.scrollTop === 0 && !pointerInside.current;
    if (following) {
      anchor.current = { key: previous.key, index: now };
      return;
    }
    const shift = (now - previous.index) * rowHeight;
    element.scrollTop += shift;
    anchor.current = { key: previous.key, index: now };
    if (now > previous.index) {
      unseenAbove.current += now - previous.index;
      onUnseenAboveChange?.(unseenAbove.current);
    }
    setScrollTop(element.scrollTop);
  }, [indexOfKey, rowHeight, onUnseenAboveChange]);

  const [first, last] = visibleRange(scrollTop, viewport, rowHeight, items.length, overscan);

  // Remember the first row in view after every render.
  useEffect(() => {
    // The element, not the state: a layout effect may have just moved it.
    const top = viewportRef.current?.scrollTop ?? scrollTop;
    const topIndex = Math.min(items.length - 1, Math.floor(top / rowHeight));
    const item = items[topIndex];
    anchor.current = item === undefined ? null : { key: getKey(item), index: topIndex };
    if (unseenAbove.current > 0 && topIndex < unseenAbove.current) {
      unseenAbove.current = Math.max(0, topIndex);
      onUnseenAboveChange?.(unseenAbove.current);
    }
  }, [items, scrollTop, rowHeight, getKey, onUnseenAboveChange]);

  useEffect(() => {
    if (onEndReached !== undefined && items.length > 0 && last >= items.length - overscan) onEndReached();
  }, [last, items.length, overscan, onEndReached]);

  const scrollToTop = useCallback(() => {
    const element = viewportRef.current;
    if (element === null) return;
    element.scrollTop = 0;
    setScrollTop(0);
    unseenAbove.current = 0;
    onUnseenAboveChange?.(0);
  }, [onUnseenAboveChange]);
  if (props.scrollToTopRef !== undefined) props.scrollToTopRef.current = scrollToTop;

  const activeIndex = activeKey === null ? -1 : (indexOfKey.get(activeKey) ?? -1);

  const moveTo = (index: number) => {
    const element = viewportRef.current;
    const clamped = Math.max(0, Math.min(items.length - 1, index));
    const item = items[clamped];
    if (item === undefined || element === null) return;
    setActiveKey(getKey(item));
    const top = clamped * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
    setScrollTop(element.scrollTop);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const from = activeIndex >= 0 ? activeIndex : Math.floor(scrollTop / rowHeight) - 1;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: items.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      const item = items[activeIndex];
      if (item !== undefined) {
        event.preventDefault();
        onOpen?.(item);
      }
    }
  };

  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const item = items[index];
    if (item === undefined) continue;
    const key = getKey(item);
    const active = key === activeKey;
    const selected = key === selectedKey;
    rows.push(
      <div
        key={key}
        id={`${listId}-${key}`}
        className="vlist-row"
        role="option"
        aria-selected={selected}
        aria-setsize={items.length}
        aria-posinset={index + 1}
        data-active={active || undefined}
        style={{ top: index * rowHeight, height: rowHeight }}
        onClick={() => {
          setActiveKey(key);
          onOpen?.(item);
        }}
      >
        {renderRow(item, index, { active, selected })}
      </div>
    );
  }

  return (
    <div
      ref={viewportRef}
      className={['vlist', props.className ?? ''].join(' ')}
      role="listbox"
      aria-label={ariaLabel}
      tabIndex={0}
      aria-activedescendant={activeKey !== null && activeIndex >= first && activeIndex < last ? `${listId}-${activeKey}` : undefined}
      onScroll={event => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onPointerEnter={() => {
        pointerInside.current = true;
      }}
      onPointerLeave={() => {
        pointerInside.current = false;
      }}
    >
      <div className="vlist-inner" style={{ height: items.length * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
