/**
 * 邱县新联会's catalog (seeds/003: 将“积分指标”细化为参加集体活动、社会服务、信息转发等七大板块，分条分类列出
 * 可量化的评分标准) as data: seven 板块, each an item category. The article names three; the other four
 * are its own mechanisms (docs/rules.md Q3): 学习交流 (每周集中学习、每月交流研讨、每季度分析总结), 会长轮值活动
 * (当值副会长每月至少牵头举办4场主题活动), 品牌活动 (品牌引领制度) and 服务大局 (结合中心工作、重点任务，按照
 * 多行多得的原则; 建言献策 with it). 积分+: no item has a cap per month, per event or per year (Q4).
 * Item ids are stable: tests and the demo refer to them.
 */
import type { CatalogItem } from '../../../typings/models';

const ARTICLE = '积分管理制度';

/** The seven 板块, in the order the pages list them. */
const SECTIONS = ['学习交流', '参加集体活动', '会长轮值活动', '社会服务', '品牌活动', '信息转发', '服务大局'] as const;
type Section = (typeof SECTIONS)[number];

const fixed = (category: Section, id: string, name: string, points: number, article = ARTICLE): CatalogItem => ({
  id,
  name,
  category,
  kind: 'fixed',
  points,
  claimable: true,
  article,
});
const range = (category: Section, id: string, name: string, from: number, to: number, article = ARTICLE): CatalogItem => ({
  id,
  name,
  category,
  kind: 'range',
  range: [from, to],
  claimable: true,
  article,
});

export const ITEMS: CatalogItem[] = [
  // 学习交流制度: 每周集中学习、每月交流研讨、每季度分析总结“三项学习制度”; 理想信念教育、主题培训.
  fixed('学习交流', 'study.weekly', '参加每周集中学习', 2, '学习交流制度'),
  fixed('学习交流', 'study.monthly', '参加每月交流研讨', 5, '学习交流制度'),
  fixed('学习交流', 'study.monthly_speak', '在月度交流研讨中发言（额外）', 3, '学习交流制度'),
  fixed('学习交流', 'study.quarterly', '参加每季度分析总结', 5, '学习交流制度'),
  fixed('学习交流', 'study.training', '参加理想信念教育、主题培训', 8, '学习交流制度'),
  // 参加集体活动: the association's, a 分会's and the 统战部's own gatherings.
  fixed('参加集体活动', 'event.county', '参加县委统战部组织的会议、活动', 15),
  fixed('参加集体活动', 'event.association', '参加县新联会组织的会议、活动', 10),
  fixed('参加集体活动', 'event.branch', '参加分会组织的会议、活动', 5),
  fixed('参加集体活动', 'event.host', '承办县新联会或分会的会议、活动', 20),
  // 会长轮值制度: 月度轮值, 当值副会长每月至少牵头举办4场主题活动 (行业交流沙龙、公益服务项目、政策解读培训).
  fixed('会长轮值活动', 'rota.lead', '当值会长、副会长牵头举办轮值主题活动', 20, '会长轮值制度'),
  fixed('会长轮值活动', 'rota.organise', '协助筹办轮值主题活动', 8, '会长轮值制度'),
  fixed('会长轮值活动', 'rota.attend', '参加轮值主题活动', 5, '会长轮值制度'),
  // 社会服务: 每天都有会员活跃在公益一线 (助农、公益法律服务、心理咨询、义诊).
  fixed('社会服务', 'service.volunteer', '参加公益志愿服务（每次）', 8),
  range('社会服务', 'service.professional', '提供专业公益服务（义诊、法律援助、心理疏导等）', 5, 20),
  range('社会服务', 'service.donation', '捐款捐物、助学助困', 5, 50),
  // 品牌引领制度: 实践创新基地、服务站、服务团和 “邱县新联助农/公益/文化” 等活动品牌.
  fixed('品牌活动', 'brand.join', '参加品牌活动（一品一播、新联助农等）', 8, '品牌引领制度'),
  fixed('品牌活动', 'brand.lead', '牵头开展分会品牌活动', 20, '品牌引领制度'),
  range('品牌活动', 'brand.create', '创建新的活动品牌或实践创新基地', 30, 100, '品牌引领制度'),
  // 信息转发: 新联会公众号的点赞量、转发量、推荐量 (per article forwarded, and original pieces used).
  { id: 'media.forward', name: '转发新联会公众号信息', category: '信息转发', kind: 'per_count', points: 1, claimable: true, article: ARTICLE, unit: '条', maxCount: 200 },
  fixed('信息转发', 'media.story', '撰写的信息被新联会公众号采用', 5),
  fixed('信息转发', 'media.press', '撰写的信息被县级以上媒体采用', 10),
  // 服务大局: 结合中心工作、重点任务，按照多行多得的原则 (积分+); 建言献策.
  range('服务大局', 'task.central', '参与县委县政府中心工作、重点任务', 10, 50),
  fixed('服务大局', 'task.suggestion', '书面建言献策、反映社情民意', 5),
  range('服务大局', 'task.adopted', '建言献策被采纳或获领导批示（额外）', 10, 30),
  range('服务大局', 'task.investment', '招商引资、引进项目', 20, 100),
  // Beyond the listed standards: within the proposer's authority, and the 会长会's decisions.
  { id: 'other', name: '其他积极贡献', category: '服务大局', kind: 'discretionary', claimable: true, article: ARTICLE },
  { id: 'committee.major', name: '重大贡献（会长会研究加分）', category: '服务大局', kind: 'committee', claimable: false, article: ARTICLE },
];
