import { Image, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { photoUrl } from '../api.ts';

/** Thumbnails of incident photos that open full size. */
export function Photos({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} data-testid="incident-photos">
        {ids.map((id) => (
          <Image
            key={id}
            src={photoUrl(id)}
            width={72}
            height={72}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={t('incidents.photos.alt')}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
