/**
 * 荣誉证书 (第十八条 6: 对积分排名靠前的会员颁发荣誉证书): who may draw one, and the picture. A member
 * among the first CERTIFICATE_PLACES of an ended year's board, of the whole organisation or of their
 * group (领导、会员 ranked apart, 第十六条), gets a certificate naming the organisation, the member,
 * the year, the board, their rank and points; they save it or send it from WeChat's picture menu.
 * It carries no seal: the association's own certificate is still the one it stamps.
 */
import type { BoardScope, Period } from '../../typings/api';
import { wrapText, type DrawCommand, type Picture } from './drawing';
import { pointsText } from './board-picture';

/** The top places of a year's board that get a certificate (docs/rules.md, 第十八条). */
export const CERTIFICATE_PLACES = 10;

export interface CertificateFacts {
  organisation: string;
  name: string;
  /** 'YYYY'. */
  year: string;
  /** The board in words: '全会', '领导', '会员', '全部'. */
  board: string;
  rank: number;
  points: number;
  /** Points, or 年度得分 where the year ranks by score. */
  measure: string;
  /** The day it was drawn, '2027年1月5日'. */
  issuedOn: string;
}

export interface CertificateQuestion {
  period: Period;
  key: string | null;
  scope: BoardScope;
  /** The caller's standing on that board. */
  me: { memberId?: string; rank: number | null } | null;
  /** This year in China, 'YYYY'. */
  thisYear: string;
}

/**
 * Whether the caller's standing on this board earns a certificate: a year's board (the year, or the
 * assessment cycle of a template with one) that has ended, of everyone or of a group, and a rank
 * within the first CERTIFICATE_PLACES.
 */
export function earnsCertificate(question: CertificateQuestion): boolean {
  const { period, key, scope, me, thisYear } = question;
  if (period !== 'year' && period !== 'cycle') return false;
  if (key === null || key >= thisYear) return false;
  const scopes = Object.keys(scope);
  if (scopes.length > 1 || (scopes.length === 1 && scopes[0] !== 'group')) return false;
  return !!me && me.rank !== null && me.rank <= CERTIFICATE_PLACES;
}

const WIDTH = 600;
const HEIGHT = 820;
const RED = '#b0191e';
const GOLD = '#c9a14a';
const INK = '#3a2a1a';

export function certificatePicture(facts: CertificateFacts): Picture {
  const sentence =
    `在${facts.organisation}${facts.year}年度积分排名（${facts.board}）中位列第 ${facts.rank} 名，` +
    `${facts.measure} ${pointsText(facts.points)}。特发此证，以资鼓励。`;
  const lines = wrapText(`　　${sentence}`, 28, WIDTH - 140);
  const commands: DrawCommand[] = [
    { kind: 'rect', x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: '#fffaf0' },
    { kind: 'frame', x: 20, y: 20, width: WIDTH - 40, height: HEIGHT - 40, stroke: RED, lineWidth: 6 },
    { kind: 'frame', x: 34, y: 34, width: WIDTH - 68, height: HEIGHT - 68, stroke: GOLD, lineWidth: 2 },
    { kind: 'text', text: '荣誉证书', x: WIDTH / 2, y: 140, size: 64, color: RED, bold: true, align: 'center', serif: true },
    { kind: 'line', x1: 170, y1: 196, x2: WIDTH - 170, y2: 196, stroke: GOLD, lineWidth: 2 },
    { kind: 'text', text: `${facts.name}：`, x: 70, y: 270, size: 34, color: INK, bold: true, serif: true },
  ];
  lines.forEach((line, i) => commands.push({ kind: 'text', text: line, x: 70, y: 330 + i * 50, size: 28, color: INK, serif: true }));
  commands.push(
    { kind: 'text', text: facts.organisation, x: WIDTH - 70, y: HEIGHT - 190, size: 28, color: INK, align: 'right', serif: true },
    { kind: 'text', text: facts.issuedOn, x: WIDTH - 70, y: HEIGHT - 140, size: 26, color: INK, align: 'right', serif: true },
  );
  return { width: WIDTH, height: HEIGHT, commands };
}
