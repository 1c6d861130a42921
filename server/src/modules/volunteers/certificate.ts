import { writePdf } from '../../platform/files/pdf.ts';

export interface CertificateFacts {
  serial: string;
  name: string;
  idMasked: string;
  placeName: string;
  hours: number;
  activities: number;
  issuedAt: string;
}

const day = (iso: string) => {
  const [y, m, d] = new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** The certificate of service hours (志愿服务证明) in the wording of the Ministry's rules, as a PDF. */
export const certificatePdf = (c: CertificateFacts) =>
  writePdf({
    title: `志愿服务证明 ${c.serial}`,
    framed: true,
    pages: [
      [
        { gap: 40 },
        { text: '志愿服务证明', size: 30, align: 'center' },
        { text: 'Certificate of Volunteer Service', size: 12, align: 'center', muted: true },
        { gap: 40 },
        {
          text: `兹证明 ${c.name}（公民身份号码 ${c.idMasked}）在${c.placeName}参加志愿服务活动 ${c.activities} 次，经活动组织方审核确认的志愿服务时长累计 ${c.hours} 小时。`,
          size: 15,
        },
        { gap: 12 },
        { text: '特此证明。', size: 15 },
        { gap: 60 },
        { text: `出具单位：${c.placeName}`, size: 14 },
        { text: `出具日期：${day(c.issuedAt)}`, size: 14 },
        { text: `证明编号：${c.serial}`, size: 14 },
        { gap: 40 },
        {
          text: `本证明依据《志愿服务记录与证明出具办法》（民政部令第67号）出具。凭证明编号可在“志愿服务证明查验”页面（/verify/${c.serial}）查验，查验结果仅显示隐去部分的姓名与服务时长。`,
          size: 10,
          muted: true,
        },
      ],
    ],
  });
