import { assertMayClaim, assertMayPropose } from '../../domain/proposals';
import { catalogItem } from '../../domain/scheme';
import { JINGMEN_SCHEME as scheme } from '../../domain/schemes/jingmen';
import { expectDomainError, member } from './builders';

const item = (id: string) => catalogItem(scheme, id);

describe('self-reports (第十五条 个性化事件可由会员自行申请)', () => {
  it('lets a member report a claimable item', () => {
    expect(() => assertMayClaim(member(), item('honor.city'), scheme)).not.toThrow();
    expect(() => assertMayClaim(member(), item('other'), scheme)).not.toThrow();
  });

  it.each([['position.annual'], ['position.monthly'], ['position.term_bonus'], ['deed.major']])('refuses %s', (id) => {
    expectDomainError(() => assertMayClaim(member(), item(id), scheme), 'FORBIDDEN', '不能自行申报');
  });

  it('refuses a member who left', () => {
    expectDomainError(() => assertMayClaim(member({ status: 'left' }), item('honor.city'), scheme), 'FORBIDDEN');
  });
});

const ASSOCIATION = { id: 'association', name: '会长会', branchId: null };
const a = member({ _id: 'a' });
const b = member({ _id: 'b' });

describe('leader awards (第十三条, 第十五条 集体事件)', () => {
  const director = member({ _id: 'director', tier: 'director' });

  it('lets a leader propose within their authority', () => {
    expect(assertMayPropose(director, item('other'), [a, b], scheme)).toEqual({ authority: 2, route: 'leader' });
    expect(assertMayPropose(member({ positions: ['president'] }), item('meeting.attend.branch'), [a], scheme).authority).toBe(10);
  });

  it('refuses a plain member', () => {
    expectDomainError(() => assertMayPropose(member(), item('meeting.attend.branch'), [a], scheme), 'FORBIDDEN', /领导小组成员/);
  });

  it('refuses an award to oneself (第十四条)', () => {
    expectDomainError(() => assertMayPropose(director, item('meeting.attend.branch'), [a, member({ _id: 'director' })], scheme), 'SELF_REVIEW');
  });

  it('lets a branch leader award only their own branch’s members; association leaders award anyone', () => {
    const eastLeader = member({ branchId: 'east', branchName: '东宝分会', positions: ['branch_leader'] });
    const inEast = member({ branchId: 'east', branchName: '东宝分会' });
    const inWest = member({ name: '会员丙', branchId: 'west', branchName: '掇刀分会' });
    expect(assertMayPropose(eastLeader, item('meeting.attend.branch'), [inEast], scheme).authority).toBe(2);
    expectDomainError(() => assertMayPropose(eastLeader, item('meeting.attend.branch'), [inEast, inWest], scheme), 'FORBIDDEN', /会员丙（掇刀分会）/);
    expect(assertMayPropose(member({ positions: ['vice_president'] }), item('meeting.attend.branch'), [inEast, inWest], scheme).authority).toBe(5);
  });

  it('refuses position points, which come only from dues records (第五条)', () => {
    expectDomainError(() => assertMayPropose(director, item('position.monthly'), [a], scheme), 'FORBIDDEN');
  });
});

describe('committee awards (第八条 由各级新联会会长会研究加分)', () => {
  const clerk = member({ _id: 'clerk', secretariat: true });

  it('are recorded by the secretariat with the committee’s authority', () => {
    expect(assertMayPropose(clerk, item('deed.major'), [a], scheme, ASSOCIATION)).toEqual({ authority: 200, route: 'committee' });
    const inEast = member({ branchId: 'east', branchName: '东宝分会' });
    expect(assertMayPropose(clerk, item('deed.major'), [inEast], scheme, { id: 'east', name: '东宝分会会长会', branchId: 'east' }).authority).toBe(50);
  });

  it('let a committee award a range value beyond any one person (第七条 1–20 above 会长 10)', () => {
    expect(assertMayPropose(clerk, item('activity.outstanding.city_uf'), [a], scheme, ASSOCIATION).route).toBe('committee');
  });

  it('are refused to a leader outside the secretariat', () => {
    const president = member({ positions: ['president'] });
    expectDomainError(() => assertMayPropose(president, item('deed.major'), [a], scheme, ASSOCIATION), 'FORBIDDEN', '秘书处');
  });

  it('let a branch’s 会长会 award only its own branch’s members (第十三条 2)', () => {
    const east = { id: 'east', name: '东宝分会会长会', branchId: 'east' };
    const inEast = member({ branchId: 'east', branchName: '东宝分会' });
    expect(assertMayPropose(clerk, item('deed.major'), [inEast], scheme, east).authority).toBe(50);
    expectDomainError(() => assertMayPropose(clerk, item('deed.major'), [inEast, a], scheme, east), 'FORBIDDEN', /只能给本分会会员加分/);
  });

  it('must name the committee', () => {
    expectDomainError(() => assertMayPropose(clerk, item('deed.major'), [a], scheme), 'INVALID_INPUT', '会长会');
  });
});
