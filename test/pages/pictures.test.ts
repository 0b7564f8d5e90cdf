/**
 * The pictures of the 排行 page as drawing commands: the top of a board for a group chat, and the
 * 荣誉证书 of 第十八条, with who earns one.
 */
import { boardPicture, PICTURE_ROWS, WIDTH } from '../../miniprogram/pictures/board-picture';
import { CERTIFICATE_PLACES, certificatePicture, earnsCertificate } from '../../miniprogram/pictures/certificate';
import { fitText, paint, textWidth, wrapText, type Canvas2D, type DrawCommand, type Picture } from '../../miniprogram/pictures/drawing';

const texts = (picture: Picture) => picture.commands.flatMap((c) => (c.kind === 'text' ? [c.text] : []));
const textCommands = (picture: Picture) => picture.commands.filter((c): c is Extract<DrawCommand, { kind: 'text' }> => c.kind === 'text');

function rows(count: number) {
  return Array.from({ length: count }, (_, i) => ({ rank: i + 1, name: `会员${i + 1}`, detail: i % 2 ? '东宝分会' : '总会直属', points: 100 - i }));
}

describe('the picture of the top of a board', () => {
  it('names the organisation and the board, then each row’s rank, name, branch and points', () => {
    const picture = boardPicture({
      organisation: '荆门市新的社会阶层人士联谊会',
      title: '2026年11月 东宝分会 积分排行',
      rows: [
        { rank: 1, name: '王建华', detail: '东宝分会', points: 120 },
        { rank: 2, name: '马丽', detail: '东宝分会', points: 87.5 },
      ],
      asOf: '截至 2026年11月30日',
    });

    expect(texts(picture)).toEqual([
      '荆门市新的社会阶层人士联谊会',
      '2026年11月 东宝分会 积分排行',
      '1',
      '王建华',
      '东宝分会',
      '120 分',
      '2',
      '马丽',
      '东宝分会',
      '87.5 分',
      '截至 2026年11月30日',
      '完整排行请在小程序中查看',
    ]);
    expect(picture.commands.filter((c) => c.kind === 'circle')).toHaveLength(2);
  });

  it(`shows the first ${PICTURE_ROWS} rows and grows with them`, () => {
    const three = boardPicture({ organisation: '市新联会', title: '累计 全会 积分排行', rows: rows(3), asOf: '' });
    const thirty = boardPicture({ organisation: '市新联会', title: '累计 全会 积分排行', rows: rows(30), asOf: '' });

    expect(texts(thirty)).toContain(`会员${PICTURE_ROWS}`);
    expect(texts(thirty)).not.toContain(`会员${PICTURE_ROWS + 1}`);
    expect(thirty.height).toBeGreaterThan(three.height);
  });

  it('keeps every text inside the picture, shortening a long name with …', () => {
    const picture = boardPicture({
      organisation: '荆门市新的社会阶层人士联谊会',
      title: '2026年第4季度 第一党支部预备党员 积分排行',
      rows: [{ rank: 1, name: '欧阳王李赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许', detail: '东宝分会', points: 5 }],
      asOf: '截至 2026年11月30日',
    });

    for (const text of textCommands(picture)) {
      const width = textWidth(text.text, text.size);
      const left = text.align === 'center' ? text.x - width / 2 : text.align === 'right' ? text.x - width : text.x;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + width).toBeLessThanOrEqual(WIDTH);
      expect(text.y).toBeLessThan(picture.height);
    }
    expect(texts(picture)[3]).toMatch(/…$/);
  });

  it('says so when nobody is on the board yet', () => {
    expect(texts(boardPicture({ organisation: '市新联会', title: '本月 全会 积分排行', rows: [], asOf: '' }))).toContain('本期还没有人获得积分');
  });
});

describe('the 荣誉证书 (第十八条)', () => {
  const question = { period: 'year' as const, key: '2025', scope: {}, me: { memberId: 'm1', rank: 3 }, thisYear: '2026' };

  it(`goes to the first ${CERTIFICATE_PLACES} of an ended year’s board, of everyone or of their group`, () => {
    expect(earnsCertificate(question)).toBe(true);
    expect(earnsCertificate({ ...question, scope: { group: 'members' } })).toBe(true);
    expect(earnsCertificate({ ...question, period: 'cycle' })).toBe(true);
    expect(earnsCertificate({ ...question, me: { rank: CERTIFICATE_PLACES } })).toBe(true);
  });

  it('not to the 11th, nor for a year still running, a month, a branch’s or a profession’s board', () => {
    expect(earnsCertificate({ ...question, me: { rank: CERTIFICATE_PLACES + 1 } })).toBe(false);
    expect(earnsCertificate({ ...question, me: { rank: null } })).toBe(false);
    expect(earnsCertificate({ ...question, me: null })).toBe(false);
    expect(earnsCertificate({ ...question, key: '2026' })).toBe(false);
    expect(earnsCertificate({ ...question, period: 'month', key: '2025-12' })).toBe(false);
    expect(earnsCertificate({ ...question, scope: { branchId: 'b1' } })).toBe(false);
    expect(earnsCertificate({ ...question, scope: { profession: '律师' } })).toBe(false);
  });

  it('names the organisation, the member, the year, the board, the rank and the points, and the day it was drawn', () => {
    const picture = certificatePicture({
      organisation: '荆门市新的社会阶层人士联谊会',
      name: '马丽',
      year: '2025',
      board: '全会',
      rank: 3,
      points: 460,
      measure: '年度积分',
      issuedOn: '2026年1月5日',
    });
    const body = texts(picture).join('');

    expect(texts(picture)[0]).toBe('荣誉证书');
    expect(texts(picture)).toContain('马丽：');
    expect(body).toContain('在荆门市新的社会阶层人士联谊会2025年度积分排名（全会）中位列第 3 名，年度积分 460 分。特发此证，以资鼓励。');
    expect(texts(picture).slice(-2)).toEqual(['荆门市新的社会阶层人士联谊会', '2026年1月5日']);
    // Inside the inner frame (34 px from each edge).
    for (const text of textCommands(picture)) {
      const width = textWidth(text.text, text.size);
      const left = text.align === 'center' ? text.x - width / 2 : text.align === 'right' ? text.x - width : text.x;
      expect(left).toBeGreaterThanOrEqual(34);
      expect(left + width).toBeLessThanOrEqual(picture.width - 34);
    }
    expect(texts(picture).filter((t) => /^[，。]/.test(t))).toEqual([]);
  });
});

describe('drawing', () => {
  it('estimates Chinese at one em and Latin at about half, to shorten and to wrap', () => {
    expect(textWidth('积分', 20)).toBe(40);
    expect(fitText('荆门市新的社会阶层人士联谊会', 10, 50)).toBe('荆门市新…');
    expect(wrapText('一二三四五六七', 10, 30)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText('一二三，四五', 10, 30)).toEqual(['一二三，', '四五']);
  });

  it('paints each command on a canvas 2d context at the given scale', () => {
    const calls: string[] = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (target, name: string) => (name in target ? target[name] : (...args: unknown[]) => calls.push(`${name}(${args.join(',')})`)),
      set: (target, name: string, value) => {
        target[name] = value;
        calls.push(`${name}=${value}`);
        return true;
      },
    }) as unknown as Canvas2D;

    paint(ctx, { width: 10, height: 10, commands: [{ kind: 'rect', x: 0, y: 0, width: 10, height: 10, fill: '#fff' }, { kind: 'text', text: '甲', x: 5, y: 5, size: 4, color: '#000', bold: true, align: 'center' }] }, 2);

    expect(calls).toEqual([
      'scale(2,2)',
      'textBaseline=middle',
      'fillStyle=#fff',
      'fillRect(0,0,10,10)',
      'fillStyle=#000',
      'font=bold 4px "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
      'textAlign=center',
      'fillText(甲,5,5)',
    ]);
  });
});
