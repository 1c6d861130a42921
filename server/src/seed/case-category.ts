/**
 * The category of a monitored household (防止返贫监测对象) follows its history: 脱贫不稳定户 (unstable)
 * only for a household once out of poverty, 边缘易致贫户 (marginal) only for one never registered poor,
 * 突发严重困难户 (sudden hardship) for either.
 */

/** Cases of sudden hardship, whatever the household's history. */
export const SUDDEN_HARDSHIP_SHARE = 0.15;

/**
 * A household the registry marks monitored no longer shows whether it was registered poor before;
 * nearly all relocated households were (同步搬迁户, moved along without being poor, are the rest).
 */
export const ONCE_POOR_SHARE = 0.9;

type Uniform = (salt: string) => string;

/** SQL: whether the household (its `poverty_status` in scope) was once out of poverty. */
export const oncePoorSql = (u: Uniform) =>
  `CASE poverty_status WHEN 'out_of_poverty' THEN true WHEN 'ordinary' THEN false
                       ELSE ${u('history')} < ${ONCE_POOR_SHARE} END`;

/** SQL: the category of a household whose history `oncePoor` says. */
export const categorySql = (u: Uniform, oncePoor: string) =>
  `CASE WHEN ${u('category')} < ${SUDDEN_HARDSHIP_SHARE} THEN 'sudden_hardship'
        WHEN ${oncePoor} THEN 'unstable' ELSE 'marginal' END`;

/** SQL: the status a monitored household had before, and returns to when its risk is eliminated. */
export const priorStatusSql = (oncePoor: string) =>
  `CASE WHEN ${oncePoor} THEN 'out_of_poverty' ELSE 'ordinary' END`;
