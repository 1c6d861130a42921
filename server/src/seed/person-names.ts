import type { Rng } from './rng.ts';

type Weighted = readonly (readonly [string, number])[];

/** Surnames of rural Yunnan and Guizhou with rough weights (杨, 罗, 龙 and 石 rank higher there than nationally). */
const SURNAMES: Weighted = [
  ['李', 7.5],
  ['王', 6],
  ['张', 5.5],
  ['杨', 6],
  ['刘', 4],
  ['陈', 4],
  ['赵', 3],
  ['黄', 3],
  ['吴', 3],
  ['罗', 3],
  ['周', 2.5],
  ['马', 2.5],
  ['何', 2],
  ['徐', 1.5],
  ['朱', 1.5],
  ['胡', 1.5],
  ['邓', 1.5],
  ['孙', 1],
  ['高', 1],
  ['郭', 1],
  ['梁', 1],
  ['谢', 1],
  ['唐', 1],
  ['彭', 1],
  ['肖', 1],
  ['田', 1.2],
  ['龙', 1.2],
  ['余', 1],
  ['林', 0.8],
  ['宋', 0.8],
  ['郑', 0.8],
  ['冯', 0.8],
  ['曹', 0.8],
  ['曾', 0.8],
  ['袁', 0.8],
  ['潘', 0.8],
  ['蒋', 0.8],
  ['熊', 0.8],
  ['韦', 0.8],
  ['石', 0.8],
  ['韩', 0.6],
  ['董', 0.6],
  ['杜', 0.6],
  ['魏', 0.6],
  ['丁', 0.6],
  ['任', 0.6],
  ['卢', 0.6],
  ['陶', 0.6],
  ['付', 0.6],
  ['廖', 0.6],
  ['雷', 0.6],
  ['蔡', 0.5],
  ['叶', 0.5],
  ['程', 0.5],
  ['苏', 0.5],
  ['吕', 0.5],
  ['姚', 0.5],
  ['范', 0.5],
  ['钟', 0.5],
  ['谭', 0.5],
  ['邹', 0.5],
  ['陆', 0.5],
  ['安', 0.5],
  ['文', 0.5],
  ['汪', 0.4],
  ['姜', 0.4],
  ['侯', 0.4],
  ['夏', 0.4],
  ['毛', 0.4],
  ['贺', 0.4],
  ['万', 0.4],
  ['代', 0.4],
  ['沈', 0.3],
  ['崔', 0.3],
  ['邵', 0.3],
  ['孟', 0.3],
  ['秦', 0.3],
  ['严', 0.3],
  ['金', 0.3],
];

/** Surnames frequent within an ethnic group (GB 3304 code); other groups draw from SURNAMES. */
const ETHNIC_SURNAMES: Record<string, Weighted> = {
  '03': [
    ['马', 10],
    ['杨', 2],
    ['李', 2],
    ['张', 1.5],
    ['丁', 1],
    ['沙', 1],
    ['纳', 0.5],
  ],
  '07': [
    ['李', 3],
    ['杨', 2],
    ['安', 1.5],
    ['龙', 1.5],
    ['沙', 1],
    ['普', 1],
    ['禄', 1],
    ['陇', 0.5],
  ],
  '06': [
    ['王', 2],
    ['杨', 2],
    ['龙', 2],
    ['石', 2],
    ['吴', 1.5],
    ['熊', 1.5],
    ['陶', 1],
    ['张', 1],
  ],
  '08': [
    ['韦', 3],
    ['黄', 2.5],
    ['覃', 2],
    ['莫', 1.5],
    ['蓝', 1],
    ['陆', 1],
    ['梁', 1],
  ],
  '09': [
    ['韦', 3],
    ['王', 2],
    ['罗', 2],
    ['陈', 1],
    ['杨', 1],
    ['岑', 0.5],
  ],
  '12': [
    ['吴', 3],
    ['杨', 3],
    ['石', 1.5],
    ['龙', 1.5],
    ['欧', 0.5],
  ],
  '15': [
    ['田', 3],
    ['向', 2],
    ['彭', 2],
    ['覃', 1],
    ['冉', 1],
    ['张', 1],
  ],
};

const [OLD, MID, YOUNG] = [1970, 2005, Infinity];

/** Characters of given names by sex and birth generation: 德/秀 before 1970, 伟/丽 after, 子轩/欣怡 after 2005. */
const GIVEN: Record<'male' | 'female', [before: number, chars: string][]> = {
  male: [
    [OLD, '德国华明文志正学永光建富贵发成开祥福荣海金云忠顺兴元'],
    [MID, '伟强军勇杰涛斌超鹏浩俊磊飞林波辉刚平兵龙江春亮松峰'],
    [YOUNG, '子宇浩轩睿泽辰铭博俊逸晨豪锦皓宸航佑一凯昊天瑞嘉'],
  ],
  female: [
    [OLD, '秀英兰芳珍凤玉桂琼花翠梅莲菊素淑美春慧巧仙群琴'],
    [MID, '丽娟艳敏静霞燕红玲婷雪芬琴露晓莉倩颖娜蓉丹艳芳'],
    [YOUNG, '欣怡涵雨萱梓诗佳悦可馨琪语思沐彤瑶妍若安宁一紫'],
  ],
};

export function surnameFor(rng: Rng, ethnicity: string): string {
  const own = ETHNIC_SURNAMES[ethnicity];
  return rng.weighted(own && rng.next() < 0.8 ? own : SURNAMES);
}

/** A given name of one (15 %) or two characters fitting the sex and the birth year. */
export function givenName(rng: Rng, sex: 'male' | 'female', birthYear: number): string {
  const chars = GIVEN[sex].find(([before]) => birthYear < before)![1];
  // Every character is in the BMP, so indexing the string picks whole characters.
  const pick = () => chars[rng.int(0, chars.length - 1)];
  const first = pick();
  if (rng.next() < 0.15) return first;
  let second = pick();
  while (second === first) second = pick();
  return first + second;
}
