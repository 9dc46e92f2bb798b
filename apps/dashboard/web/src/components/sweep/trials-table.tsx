/**
 * Every trial of the sweep, virtualized (only the rows in view exist in the DOM, so 10,000 rows
 * scroll smoothly). Keyboard: the table is one tab stop; ↑/↓/PgUp/PgDn/Home/End move between rows,
 * Enter opens the trial, Space adds it to (or removes it from) the learning curves.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ParamInfo, TrialRow } from '../../api/types';
import { formatDuration, formatNumber, formatParam } from '../../model/format';
import { durationOf, type SortKey, type TrialSort } from '../../model/trial-sort';
import { navigate } from '../../routing/navigation';
import { trialHref } from '../../routing/routes';
import { StateBadge } from '../state-badge';

const ROW_HEIGHT = 30;
/** The sticky header's height: rows start below it in the scroller, and scrolling keeps them clear of it. */
const HEADER_HEIGHT = 34;

interface Props {
  readonly sweep: string;
  readonly trials: readonly TrialRow[];
  readonly params: readonly ParamInfo[];
  readonly sort: TrialSort;
  readonly onSort: (sort: TrialSort) => void;
  readonly selected: ReadonlySet<number>;
  readonly onToggle: (trial: number) => void;
  /** Changes when the rows are re-sorted or re-filtered: the table then goes back to its top. */
  readonly viewKey: string;
}

interface Column {
  readonly key: SortKey;
  readonly title: string;
  /** In em. Fixed, so the header (its own grid) and every row (each its own grid) line up. */
  readonly width: number;
  readonly numeric?: boolean;
  readonly cell: (t: TrialRow) => ReactNode;
}

function columnsFor(params: readonly ParamInfo[]): Column[] {
  return [
    { key: 'number', title: '#', width: 4.5, numeric: true, cell: (t) => t.number },
    { key: 'state', title: 'state', width: 7, cell: (t) => <StateBadge state={t.state} /> },
    { key: 'value', title: 'value', width: 7, numeric: true, cell: (t) => formatNumber(t.value) },
    ...params.map<Column>((p) => ({
      key: `param:${p.name}`,
      title: p.name,
      width: p.kind === 'numeric' ? 7.5 : 8.5,
      numeric: p.kind === 'numeric',
      cell: (t) => formatParam(t.params[p.name]),
    })),
    { key: 'lastStep', title: 'steps', width: 5, numeric: true, cell: (t) => t.lastStep ?? '—' },
    { key: 'duration', title: 'duration', width: 7, numeric: true, cell: (t) => formatDuration(durationOf(t)) },
  ];
}

/** The tick box column's width (em). */
const PICK_WIDTH = 2.4;

export function TrialsTable({ sweep, trials, params, sort, onSort, selected, onToggle, viewKey }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number>(undefined);
  const virtualizer = useVirtualizer({
    count: trials.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const columns = columnsFor(params);

  useEffect(() => {
    // Only a new order or filter (viewKey) resets the view, not a live update: a user reading
    // row 500 of a running sweep stays there.
    virtualizer.scrollToOffset(0);
    setActive(0);
  }, [viewKey, virtualizer]);
  const template = `${PICK_WIDTH}em ${columns.map((c) => `${c.width}em`).join(' ')}`;
  const width = `max(100%, ${PICK_WIDTH + columns.reduce((sum, c) => sum + c.width, 0)}em)`;
  const activeIndex = Math.min(active, Math.max(0, trials.length - 1));

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(trials.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // Focus at once when the row exists (a held arrow key must not outrun it); after a far jump
    // (End) the row is rendered a few frames later, and its ref callback takes the focus.
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`);
    if (row) row.focus({ preventScroll: true });
    else pendingFocus.current = next;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, trial: TrialRow) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: trials.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusRow(target);
    } else if (event.key === 'Enter') {
      navigate(trialHref(sweep, trial.number));
    } else if (event.key === ' ') {
      event.preventDefault();
      onToggle(trial.number);
    }
  };

  const sortBy = (key: SortKey) =>
    onSort({ key, order: sort.key === key && sort.order === 'asc' ? 'desc' : key === 'value' && sort.key !== key ? 'desc' : 'asc' });

  return (
    <div className="vtable" role="table" aria-label="Trials" aria-rowcount={trials.length + 1} data-testid="trials-table">
      <div className="vtable-scroll" ref={scroller}>
        <div className="vtable-head" role="row" style={{ gridTemplateColumns: template, height: HEADER_HEIGHT, width }}>
          <span role="columnheader" className="vtable-cell" title="drawn in the learning curves">
            <span aria-label="in learning curves">∿</span>
          </span>
          {columns.map((c) => (
            <span key={c.key} role="columnheader" aria-sort={sort.key === c.key ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button
                type="button"
                aria-pressed={sort.key === c.key}
                onClick={() => sortBy(c.key)}
                className={c.numeric ? 'numeric' : undefined}
                title={`sort by ${c.title}`}
              >
                {c.title}
                {sort.key === c.key ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            </span>
          ))}
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative', width }}>
          {virtualizer.getVirtualItems().map((item) => {
            const trial = trials[item.index]!;
            const isSelected = selected.has(trial.number);
            return (
              <div
                key={trial.number}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-index={item.index}
                ref={(element) => {
                  if (element && pendingFocus.current === item.index) {
                    pendingFocus.current = undefined;
                    element.focus({ preventScroll: true });
                  }
                }}
                data-trial={trial.number}
                tabIndex={item.index === activeIndex ? 0 : -1}
                className={`vtable-row${isSelected ? ' selected' : ''}`}
                style={{ gridTemplateColumns: template, top: item.start - HEADER_HEIGHT, height: ROW_HEIGHT }}
                onClick={() => navigate(trialHref(sweep, trial.number))}
                onFocus={() => setActive(item.index)}
                onKeyDown={(e) => onKeyDown(e, item.index, trial)}
              >
                <span role="cell" className="vtable-cell">
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    checked={isSelected}
                    aria-label={`show trial ${trial.number} in learning curves`}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => onToggle(trial.number)}
                  />
                </span>
                {columns.map((c) => (
                  <span key={c.key} role="cell" className={`vtable-cell${c.numeric ? ' numeric' : ''}`}>
                    {c.cell(trial)}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
