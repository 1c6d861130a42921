import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Image } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Most bytes the server takes a photo. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

interface Props {
  value?: File[];
  onChange?: (files: File[]) => void;
}

/** Photos taken with the phone's camera (or chosen), shown as thumbnails before they are sent. */
export function PhotoPicker({ value = [], onChange }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const urls = useMemo(() => value.map((f) => URL.createObjectURL(f)), [value]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return (
    <Flex wrap gap={8} align="center">
      {urls.map((url, i) => (
        <Flex key={url} vertical align="center" gap={2}>
          <Image src={url} width={72} height={72} style={{ objectFit: 'cover' }} alt="" />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('visits.form.removePhoto')}
            onClick={() => onChange?.(value.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Button
        icon={<CameraOutlined />}
        onClick={() => input.current?.click()}
        data-testid="visit-photo-button"
      >
        {t('visits.form.takePhoto')}
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid="visit-photo-input"
        onChange={(e) => {
          onChange?.([...value, ...Array.from(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </Flex>
  );
}
