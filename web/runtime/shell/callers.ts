/**
 * Who is holding the phone: the demo's people from GET /demo.json (name, roles, unit), grouped by
 * unit, with a filter, and any other openid typed in (a newcomer who has not bound yet). Choosing
 * someone reloads the preview as them on the same page: /?as=<openid>#/<page>.
 */
import { h } from './dom';

export interface DemoPerson {
  openid: string;
  name: string;
  roles: string[];
  unit: string;
  household?: string;
}

export interface DemoCast {
  scheme: string;
  people: DemoPerson[];
  /** Whom the preview opens as when the URL names nobody. */
  start?: string;
}

export async function fetchCast(): Promise<DemoCast | null> {
  const response = await fetch('/demo.json').catch(() => null);
  if (!response?.ok) return null;
  return (await response.json()) as DemoCast;
}

export function switchCaller(openid: string): void {
  location.assign(`/?as=${encodeURIComponent(openid)}${location.hash}`);
}

export function callerPanel(cast: DemoCast | null, current: string): HTMLElement {
  const people = cast?.people ?? [];
  const me = people.find((p) => p.openid === current);
  const list = h('div', { class: 'callers__list' });
  const render = (filter: string) => {
    const shown = people.filter((p) => !filter || `${p.name} ${p.roles.join(' ')} ${p.unit} ${p.openid}`.includes(filter));
    const units = [...new Set(shown.map((p) => p.unit))];
    list.replaceChildren(
      ...units.map((unit) =>
        h(
          'section',
          { class: 'callers__unit' },
          h('h3', {}, unit),
          ...shown
            .filter((p) => p.unit === unit)
            .map((p) =>
              h(
                'button',
                { class: `caller ${p.openid === current ? 'caller--on' : ''}`, 'data-openid': p.openid, title: p.openid, onclick: () => switchCaller(p.openid) },
                h('span', { class: 'caller__name' }, p.name),
                h('span', { class: 'caller__roles' }, p.roles.join('、')),
              ),
            ),
        ),
      ),
    );
  };
  render('');
  const other = h('input', { class: 'callers__other', placeholder: '其他 openid（如未绑定的新用户）', 'aria-label': '其他 openid' });
  other.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Enter' && other.value.trim()) switchCaller(other.value.trim());
  });
  const filter = h('input', { class: 'callers__filter', type: 'search', placeholder: '按姓名、角色或单位筛选', 'aria-label': '筛选' });
  filter.addEventListener('input', () => render(filter.value.trim()));
  return h(
    'aside',
    { class: 'callers' },
    h('h2', {}, '切换身份'),
    h('div', { class: 'callers__current' }, '当前：', h('strong', {}, me ? (me.roles.length > 0 ? `${me.name}（${me.roles.join('、')}）` : me.name) : current)),
    people.length > 0 ? filter : h('p', { class: 'callers__empty' }, '没有演示成员名单（未播种演示协会）：在下方输入 openid 切换身份。'),
    list,
    other,
  );
}
