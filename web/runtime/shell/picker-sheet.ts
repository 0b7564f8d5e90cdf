/**
 * WeChat's native picker sheet: columns of rows that scroll and snap, the chosen row in the middle
 * band, 取消 and 确定 on top. A row can also be clicked. Dates list only the days between start and
 * end; the value comes back as WeChat gives it (builtins/picker.ts).
 */
import type { PickerRequest } from '../builtins/picker';
import { h } from './dom';

const ROW = 34;

interface Model {
  columns(selected: number[]): string[][];
  initial(): number[];
  value(selected: number[], columns: string[][]): unknown;
}

const pad = (n: number) => String(n).padStart(2, '0');

function labelOf(item: unknown, key: string): string {
  if (item !== null && typeof item === 'object' && key) return String((item as Record<string, unknown>)[key] ?? '');
  return String(item ?? '');
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function dateModel(request: PickerRequest): Model {
  const parse = (text: string, fallback: string) => {
    const [y, m = '1', d = '1'] = (text || fallback).split('-');
    return [Number(y), Number(m), Number(d)] as const;
  };
  const start = parse(request.start, '1900-01-01');
  const end = parse(request.end, '2100-12-31');
  const depth = request.fields === 'year' ? 1 : request.fields === 'month' ? 2 : 3;
  const years = Array.from({ length: end[0] - start[0] + 1 }, (_, i) => start[0] + i);
  const monthsOf = (year: number) => {
    const first = year === start[0] ? start[1] : 1;
    const last = year === end[0] ? end[1] : 12;
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  };
  const daysOf = (year: number, month: number) => {
    const first = year === start[0] && month === start[1] ? start[2] : 1;
    const inMonth = new Date(year, month, 0).getDate();
    const last = year === end[0] && month === end[1] ? Math.min(end[2], inMonth) : inMonth;
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  };
  const numbers = (selected: number[]): number[][] => {
    const year = years[Math.min(selected[0] ?? 0, years.length - 1)];
    const months = monthsOf(year);
    const month = months[Math.min(selected[1] ?? 0, months.length - 1)];
    return [years, months, daysOf(year, month)].slice(0, depth);
  };
  return {
    columns: (selected) => {
      const [ys, ms, ds] = numbers(selected);
      return [ys.map((y) => `${y}年`), ms?.map((m) => `${m}月`), ds?.map((d) => `${d}日`)].filter((c): c is string[] => Boolean(c));
    },
    initial: () => {
      const [y, m, d] = parse(String(request.value || ''), today());
      const yi = Math.max(0, years.indexOf(Math.min(Math.max(y, start[0]), end[0])));
      const months = monthsOf(years[yi]);
      const mi = Math.max(0, months.indexOf(m));
      const days = daysOf(years[yi], months[mi]);
      return [yi, mi, Math.max(0, days.indexOf(d))].slice(0, depth);
    },
    value: (selected) => {
      const cols = numbers(selected);
      const parts = cols.map((col, i) => col[Math.min(selected[i], col.length - 1)]);
      return [String(parts[0]), ...parts.slice(1).map(pad)].join('-');
    },
  };
}

function timeModel(request: PickerRequest): Model {
  const hours = Array.from({ length: 24 }, (_, i) => i);
  const minutes = Array.from({ length: 60 }, (_, i) => i);
  return {
    columns: () => [hours.map(pad), minutes.map(pad)],
    initial: () => {
      const [hh, mm] = String(request.value || '00:00').split(':').map(Number);
      return [hh || 0, mm || 0];
    },
    value: (selected) => `${pad(selected[0])}:${pad(selected[1])}`,
  };
}

function selectorModel(request: PickerRequest): Model {
  const multi = request.mode === 'multiSelector';
  const ranges = (multi ? request.range : [request.range]) as unknown[][];
  return {
    columns: () => ranges.map((range) => (Array.isArray(range) ? range : []).map((item) => labelOf(item, request.rangeKey))),
    initial: () => (multi ? ranges.map((_, i) => Number((request.value as number[] | undefined)?.[i] ?? 0)) : [Number(request.value) || 0]),
    value: (selected) => (multi ? [...selected] : selected[0]),
  };
}

export function openPickerSheet(layer: HTMLElement, request: PickerRequest): Promise<{ value: unknown } | null> {
  const model = request.mode === 'date' ? dateModel(request) : request.mode === 'time' ? timeModel(request) : selectorModel(request);
  let selected = model.initial();
  return new Promise((resolve) => {
    const columnsBox = h('div', { class: 'picker__columns' });
    const close = (confirm: boolean) => {
      element.remove();
      resolve(confirm ? { value: model.value(selected, model.columns(selected)) } : null);
    };
    const render = () => {
      const columns = model.columns(selected);
      selected = columns.map((col, i) => Math.min(Math.max(0, selected[i] ?? 0), Math.max(0, col.length - 1)));
      columnsBox.replaceChildren(
        ...columns.map((rows, c) => {
          const column = h(
            'div',
            { class: 'picker__column', 'data-column': String(c) },
            h('div', { class: 'picker__spacer' }),
            ...rows.map((label, r) =>
              h('div', { class: `picker__row ${r === selected[c] ? 'picker__row--on' : ''}`, onclick: () => choose(c, r) }, label),
            ),
            h('div', { class: 'picker__spacer' }),
          );
          let timer: number | undefined;
          column.addEventListener('scroll', () => {
            window.clearTimeout(timer);
            timer = window.setTimeout(() => {
              // A tap re-renders the columns: a scroll of the column it replaced (its first positioning) says nothing.
              if (!column.isConnected) return;
              const row = Math.round(column.scrollTop / ROW);
              if (row !== selected[c]) choose(c, row);
            }, 120);
          });
          requestAnimationFrame(() => (column.scrollTop = selected[c] * ROW));
          return column;
        }),
      );
    };
    const choose = (column: number, row: number) => {
      selected = [...selected];
      selected[column] = row;
      render();
    };
    const element: HTMLElement = h(
      'div',
      { class: 'sheet-layer', role: 'dialog', onclick: (event) => event.target === element && close(false) },
      h(
        'div',
        { class: 'sheet sheet--panel picker' },
        h(
          'div',
          { class: 'picker__bar' },
          h('button', { class: 'picker__cancel', onclick: () => close(false) }, '取消'),
          h('div', { class: 'picker__header' }, request.headerText),
          h('button', { class: 'picker__confirm', onclick: () => close(true) }, '确定'),
        ),
        h('div', { class: 'picker__body' }, columnsBox, h('div', { class: 'picker__band' })),
      ),
    );
    layer.append(element);
    render();
  });
}
