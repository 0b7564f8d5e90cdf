// What other points systems do: compute the board on every request by summing ledger entries.
// A production-style cloud function, run by the benchmark beside the real `api` in the same store.
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;
const $ = db.command.aggregate;

function periodMatch(period, key) {
  if (period === 'month') return { occurredOn: _.gte(`${key}-01`).and(_.lte(`${key}-31`)) };
  if (period === 'year') return { occurredOn: _.gte(`${key}-01-01`).and(_.lte(`${key}-12-31`)) };
  return { occurredOn: _.gte('0000-01-01') };
}

async function membersOf(branchId) {
  const ids = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await db.collection('members').where({ branchId, status: 'active' }).field({ _id: true }).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    ids.push(...data.map((m) => m._id));
    if (data.length < 1000) return ids;
  }
}

exports.main = async ({ period, key, branchId, limit = 50 }) => {
  // Sum every entry of the period per member; keep the branch's members; rank.
  const { list: sums } = await db
    .collection('ledger')
    .aggregate()
    .match(periodMatch(period, key))
    .group({ _id: '$memberId', total: $.sum('$points') })
    .end();
  const inBranch = branchId ? new Set(await membersOf(branchId)) : null;
  const list = sums
    .filter((row) => !inBranch || inBranch.has(row._id))
    .sort((a, b) => b.total - a.total || (a._id < b._id ? -1 : 1))
    .slice(0, limit);
  const { data: members } = await db.collection('members').where({ _id: _.in(list.map((row) => row._id)) }).limit(1000).get();
  const names = new Map(members.map((m) => [m._id, m]));
  let rank = 0;
  return list.map((row, i) => {
    if (i === 0 || list[i - 1].total !== row.total) rank = i + 1;
    const member = names.get(row._id) || {};
    return { memberId: row._id, name: member.name, branchName: member.branchName, total: row.total, rank };
  });
};
