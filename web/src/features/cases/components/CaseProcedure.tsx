import type { CaseDetail, CaseStep } from '@anju/contracts';
import { Grid, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ELIMINATION, IDENTIFICATION } from '../steps.ts';

/** The procedure as antd Steps: identification up to assistance, or elimination once it is under way. */
export function CaseProcedure({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const eliminating = ELIMINATION.slice(1).includes(detail.step);
  const flow = eliminating ? ELIMINATION : IDENTIFICATION;
  // a rejected case stops where the reviewer said no
  const stoppedAt: CaseStep | null =
    detail.step === 'not_identified' ? (detail.events.at(-1)?.fromStep ?? 'verification') : null;
  const current = flow.indexOf(stoppedAt ?? detail.step);
  const done = detail.step === 'eliminated' || (!eliminating && detail.step === 'assisted');
  return (
    <Steps
      data-testid="case-procedure"
      size="small"
      orientation={phone ? 'vertical' : 'horizontal'}
      titlePlacement={phone ? 'horizontal' : 'vertical'}
      current={current}
      status={stoppedAt ? 'error' : done ? 'finish' : 'process'}
      items={flow.map((s) => ({
        title: t(`cases.stepShort.${s}`),
        content: s === stoppedAt ? t('cases.step.not_identified') : undefined,
      }))}
    />
  );
}
