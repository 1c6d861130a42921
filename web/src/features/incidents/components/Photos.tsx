import { Image, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { photoUrl } from '../api.ts';

/** Thumbnails of incident photos that open full size, and players for its voice messages. */
export function Photos({ ids, voiceIds = [] }: { ids: string[]; voiceIds?: string[] }) {
  const { t } = useTranslation();
  if (ids.length === 0 && voiceIds.length === 0) return null;
  return (
    <Space direction="vertical" size={8}>
      {voiceIds.map((id) => (
        <audio
          key={id}
          src={photoUrl(id)}
          controls
          preload="none"
          aria-label={t('incidents.voice.label')}
          style={{ maxWidth: '100%' }}
          data-testid="incident-voice"
        />
      ))}
      {ids.length > 0 && (
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
      )}
    </Space>
  );
}
