import type { GridNorm } from '@anju/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The household norm the grids are measured against: the kind of site, the figures and their source. */
export function NormNote({ norm }: { norm: GridNorm }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (
    <div data-testid="grid-norm" style={{ marginTop: 8 }}>
      <Typography.Text strong>
        {t('grids.norm.used', {
          kind: t(`grids.siteKind.${norm.siteKind}`),
          range: norm.min > 0 ? t('grids.norm.range', norm) : t('grids.norm.upTo', norm),
        })}
      </Typography.Text>
      {!norm.kindSet && (
        <Typography.Paragraph type="warning" style={{ margin: 0 }} data-testid="grid-norm-unset">
          {t('grids.norm.kindUnset')}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
        {t('grids.norm.source', { source: english ? norm.sourceEn : norm.sourceZh })}
      </Typography.Paragraph>
    </div>
  );
}
