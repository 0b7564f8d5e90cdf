/**
 * 申报 for a person with no 积分台账 of their own (docs/rules.md H24): a 村民小组长 or 荆门's 政治指导员
 * is told why, in the server's sentence, in place of the form: no item to pick, nothing to submit.
 */
import { selfReportRefusal } from '../../domain/ledgers';
import { schemeTerms } from '../../domain/glossary';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';
import { VILLAGE_SCHEME } from '../../domain/schemes/village';
import { aCatalog } from './support/builders';
import { restoreClock, setNow } from './support/clock';
import { ok, stubApi } from './support/cloud';
import { exists, openPage, settle, textOf, type RenderedPage } from './support/load';
import { memoryStorage, restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/report/index';

const GROUP_LEADER = { name: '唐组长', category: null, roles: ['group_leader'] };
const VILLAGE_REFUSAL = selfReportRefusal(GROUP_LEADER, VILLAGE_SCHEME)!;

async function open(refusal: string | null, terms = schemeTerms(VILLAGE_SCHEME)): Promise<{ page: RenderedPage; callFunction: jest.Mock }> {
  const base = aCatalog();
  const callFunction = stubApi({ 'catalog.get': ok({ ...base, terms, viewer: { ...base.viewer, memberId: 'p-gl1', selfReportRefusal: refusal } }) });
  const page = openPage(PAGE);
  await settle();
  return { page, callFunction };
}

beforeEach(() => {
  setNow('2026-05-12T04:00:00Z');
  memoryStorage();
  stubWx('requestSubscribeMessage');
});
afterEach(() => {
  restoreWx();
  restoreClock();
});

describe('申报 page: a person with no 积分台账', () => {
  it("shows a 村民小组长 that the household's people report for it, in place of the form", async () => {
    const { page, callFunction } = await open(VILLAGE_REFUSAL);

    expect(textOf(page, '.refusal__title')).toBe('不能为自己申报');
    expect(textOf(page, '.refusal__text')).toBe(
      '您没有本人的积分台账，不能为自己申报：积分以户为单位，记在农户名下（以户为单位建立积分台账）。您家的积分，请由户里的成员用各自的邀请码绑定微信后以户申报。',
    );
    for (const part of ['.field-item', '.field-date', '.note-input', '.photo--add', '.submit']) expect(exists(page, part)).toBe(false);
    expect(callFunction).toHaveBeenCalledTimes(1);
  });

  it('names the 政治指导员 as no 会员 on 荆门\'s template', async () => {
    const refusal = selfReportRefusal({ name: '刘指导员', category: null, roles: ['political_instructor'] }, JINGMEN_SCHEME);
    const { page } = await open(refusal, schemeTerms(JINGMEN_SCHEME));
    expect(textOf(page, '.refusal__text')).toBe('您没有本人的积分台账，不能为自己申报：政治指导员不是会员，积分只记在会员名下。');
    expect(exists(page, '.submit')).toBe(false);
  });

  it('shows the form to a household person, whose catalog carries no refusal', async () => {
    const { page } = await open(null);
    expect(exists(page, '.refusal')).toBe(false);
    expect(exists(page, '.field-item')).toBe(true);
    expect(exists(page, '.submit')).toBe(true);
  });
});
