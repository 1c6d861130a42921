import type { CaseStep } from '@anju/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STEP_COLOR } from '../steps.ts';

/** A case step as a coloured tag. */
export function StepTag({ step }: { step: CaseStep }) {
  const { t } = useTranslation();
  return (
    <Tag color={STEP_COLOR[step]} data-testid="case-step" data-step={step}>
      {t(`cases.step.${step}`)}
    </Tag>
  );
}
