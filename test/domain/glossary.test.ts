import { schemeTerms } from '../../domain/glossary';
import type { Scheme } from '../../domain/scheme';
import { CHANGZHOU_SCHEME } from '../../domain/schemes/changzhou';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';

describe('what the terms tell the pages of a template’s cycle, vetoes and 末尾淘汰', () => {
  it('names the month an annual cycle starts, and nothing for a permanent scheme', () => {
    expect(schemeTerms(CHANGZHOU_SCHEME).cycle).toEqual({ startMonth: 1 });
    const july: Scheme = { ...CHANGZHOU_SCHEME, calendar: { ...CHANGZHOU_SCHEME.calendar, cycle: { kind: 'annual', startMonth: 7 } } };
    expect(schemeTerms(july).cycle).toEqual({ startMonth: 7 });
    expect(schemeTerms(JINGMEN_SCHEME).cycle).toBeUndefined();
  });

  it('says there are vetoes only where the template lists conditions and a chain decides them (seeds/001 篇二十一)', () => {
    const conditions = { ...CHANGZHOU_SCHEME.outcomes, vetoes: [{ id: 'crime', name: '触犯刑律', effect: 'zero' as const, article: '篇二十一' }] };
    const withChain: Scheme = { ...CHANGZHOU_SCHEME, outcomes: conditions, review: { ...CHANGZHOU_SCHEME.review, chains: { ...CHANGZHOU_SCHEME.review.chains, veto: [{ kind: 'roles', roles: ['party_committee'] }] } } };
    expect(schemeTerms(withChain).vetoes).toBe(true);
    expect(schemeTerms({ ...CHANGZHOU_SCHEME, outcomes: conditions }).vetoes).toBeUndefined();
    expect(schemeTerms(CHANGZHOU_SCHEME).vetoes).toBeUndefined();
  });

  it('says there is a 末尾淘汰 where the template has a bottom (seeds/003)', () => {
    expect(schemeTerms({ ...JINGMEN_SCHEME, outcomes: { ...JINGMEN_SCHEME.outcomes, bottom: { share: 0.05, least: 3 } } }).bottom).toBe(true);
    expect(schemeTerms(JINGMEN_SCHEME).bottom).toBeUndefined();
  });
});
