/**
 * A picture as a list of drawing commands (rectangles, lines, text) on a canvas of logical size, so
 * what a share picture or a certificate shows is decided by pure functions the tests read, and only
 * `paint` touches a canvas (a canvas 2d context on the phone, an HTML canvas in the preview).
 */

export type DrawCommand =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; radius?: number }
  | { kind: 'frame'; x: number; y: number; width: number; height: number; stroke: string; lineWidth: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; lineWidth: number }
  | { kind: 'circle'; x: number; y: number; radius: number; fill: string }
  | { kind: 'text'; text: string; x: number; y: number; size: number; color: string; bold?: boolean; align?: 'left' | 'center' | 'right'; serif?: boolean };

export interface Picture {
  /** Logical size; the canvas is drawn at `scale` times it for a sharp picture. */
  width: number;
  height: number;
  commands: DrawCommand[];
}

/** The part of CanvasRenderingContext2D that paint uses (WeChat's canvas 2d context has the same). */
export interface Canvas2D {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  strokeRect(x: number, y: number, width: number, height: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, start: number, end: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  fillText(text: string, x: number, y: number): void;
}

const SANS = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const SERIF = '"Songti SC", "Noto Serif CJK SC", "SimSun", serif';

/** Width of text at `size` px, estimated: a Chinese character is one em, Latin letters and digits about 0.56. */
export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e7f ? size : size * 0.56;
  return width;
}

/** The text shortened with … to fit `maxWidth`. */
export function fitText(text: string, size: number, maxWidth: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

/** Punctuation a Chinese line never starts with: it hangs at the end of the line before. */
const NO_LINE_START = '，。、；：！？）》」』”’…';

/**
 * The text broken into lines no wider than `maxWidth` (Chinese breaks between any two characters),
 * except that closing punctuation stays on its line, overhanging by at most one character.
 */
export function wrapText(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line !== '' && textWidth(line + char, size) > maxWidth && !NO_LINE_START.includes(char)) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function roundedRect(ctx: Canvas2D, x: number, y: number, width: number, height: number, radius: number): void {
  const r = Math.min(radius, width / 2, height / 2);
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.lineTo(x + width - r, y);
  ctx.arc(x + width - r, y + r, r, -Math.PI / 2, 0);
  ctx.lineTo(x + width, y + height - r);
  ctx.arc(x + width - r, y + height - r, r, 0, Math.PI / 2);
  ctx.lineTo(x + r, y + height);
  ctx.arc(x + r, y + height - r, r, Math.PI / 2, Math.PI);
  ctx.lineTo(x, y + r);
  ctx.arc(x + r, y + r, r, Math.PI, (3 * Math.PI) / 2);
  ctx.closePath();
  ctx.fill();
}

/** Draws the picture's commands at `scale` (the canvas is width × scale by height × scale pixels). */
export function paint(ctx: Canvas2D, picture: Picture, scale: number): void {
  ctx.scale(scale, scale);
  ctx.textBaseline = 'middle';
  for (const command of picture.commands) {
    switch (command.kind) {
      case 'rect':
        ctx.fillStyle = command.fill;
        if (command.radius) roundedRect(ctx, command.x, command.y, command.width, command.height, command.radius);
        else ctx.fillRect(command.x, command.y, command.width, command.height);
        break;
      case 'frame':
        ctx.strokeStyle = command.stroke;
        ctx.lineWidth = command.lineWidth;
        ctx.strokeRect(command.x, command.y, command.width, command.height);
        break;
      case 'line':
        ctx.strokeStyle = command.stroke;
        ctx.lineWidth = command.lineWidth;
        ctx.beginPath();
        ctx.moveTo(command.x1, command.y1);
        ctx.lineTo(command.x2, command.y2);
        ctx.stroke();
        break;
      case 'circle':
        ctx.fillStyle = command.fill;
        ctx.beginPath();
        ctx.arc(command.x, command.y, command.radius, 0, Math.PI * 2);
        ctx.fill();
        break;
      case 'text':
        ctx.fillStyle = command.color;
        ctx.font = `${command.bold ? 'bold ' : ''}${command.size}px ${command.serif ? SERIF : SANS}`;
        ctx.textAlign = command.align ?? 'left';
        ctx.fillText(command.text, command.x, command.y);
        break;
    }
  }
}
