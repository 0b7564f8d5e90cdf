/**
 * The picture of the top of a board, for group chats where a picture travels better than a card
 * (第十六条's boards, shared): the organisation, the board's title, then rank, name, branch (or a
 * unit's members and average) and points of the first rows, and the day it was drawn.
 */
import { fitText, type DrawCommand, type Picture } from './drawing';

export interface PictureRow {
  rank: number;
  name: string;
  /** Under the name: the member's branch, or a unit's members and average. */
  detail: string;
  points: number;
}

export interface BoardPictureInput {
  organisation: string;
  title: string;
  rows: readonly PictureRow[];
  /** '截至 2026年11月30日'. */
  asOf: string;
}

/** How many rows the picture shows: the top of the board, readable in a chat's preview. */
export const PICTURE_ROWS = 10;

export const WIDTH = 600;
const HEAD = 190;
const ROW = 76;
const FOOT = 90;
const BRAND = '#c8102e';
const TEXT = '#1f2329';
const MUTED = '#646a73';
const MEDALS: Record<number, string> = { 1: '#f5c242', 2: '#b4bac2', 3: '#c98a56' };

/** Points as the boards show them: whole numbers plain, scores to two places at most. */
export function pointsText(points: number): string {
  return `${Math.round(points * 100) / 100} 分`;
}

export function boardPicture(input: BoardPictureInput): Picture {
  const rows = input.rows.slice(0, PICTURE_ROWS);
  const body = Math.max(rows.length, 1) * ROW;
  const height = HEAD + body + 24 + FOOT;
  const commands: DrawCommand[] = [
    { kind: 'rect', x: 0, y: 0, width: WIDTH, height, fill: '#f5f6f7' },
    { kind: 'rect', x: 0, y: 0, width: WIDTH, height: HEAD - 30, fill: BRAND },
    { kind: 'text', text: fitText(input.organisation, 24, WIDTH - 64), x: WIDTH / 2, y: 52, size: 24, color: '#ffe8eb', align: 'center' },
    { kind: 'text', text: fitText(input.title, 36, WIDTH - 64), x: WIDTH / 2, y: 104, size: 36, color: '#ffffff', bold: true, align: 'center' },
    { kind: 'rect', x: 24, y: HEAD - 50, width: WIDTH - 48, height: body + 40, fill: '#ffffff', radius: 16 },
  ];
  if (rows.length === 0) {
    commands.push({ kind: 'text', text: '本期还没有人获得积分', x: WIDTH / 2, y: HEAD - 30 + ROW / 2, size: 28, color: MUTED, align: 'center' });
  }
  rows.forEach((row, i) => {
    const top = HEAD - 30 + i * ROW;
    const middle = top + ROW / 2;
    const medal = MEDALS[row.rank];
    if (medal) commands.push({ kind: 'circle', x: 72, y: middle, radius: 22, fill: medal });
    commands.push({ kind: 'text', text: String(row.rank), x: 72, y: middle, size: 26, color: medal ? '#ffffff' : MUTED, bold: true, align: 'center' });
    const pointsWidth = 150;
    commands.push(
      { kind: 'text', text: fitText(row.name, 30, WIDTH - 120 - 48 - pointsWidth), x: 120, y: middle - 14, size: 30, color: TEXT, bold: true },
      { kind: 'text', text: fitText(row.detail, 22, WIDTH - 120 - 48 - pointsWidth), x: 120, y: middle + 20, size: 22, color: MUTED },
      { kind: 'text', text: pointsText(row.points), x: WIDTH - 48, y: middle, size: 30, color: BRAND, bold: true, align: 'right' },
    );
    if (i < rows.length - 1) commands.push({ kind: 'line', x1: 120, y1: top + ROW, x2: WIDTH - 48, y2: top + ROW, stroke: '#eeeeee', lineWidth: 1 });
  });
  const foot = height - FOOT / 2;
  commands.push(
    { kind: 'text', text: input.asOf, x: WIDTH / 2, y: foot - 14, size: 22, color: MUTED, align: 'center' },
    { kind: 'text', text: '完整排行请在小程序中查看', x: WIDTH / 2, y: foot + 18, size: 22, color: MUTED, align: 'center' },
  );
  return { width: WIDTH, height, commands };
}
