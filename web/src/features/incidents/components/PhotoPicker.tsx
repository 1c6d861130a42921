import { CameraOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';

/** Most photos a step may carry (the server's limit). */
export const MAX_PHOTOS = 9;
/** Largest photo the server takes. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The reason a file cannot go as a photo, or null when it can. */
export function photoProblem(file: { type?: string; size?: number }): 'type' | 'size' | null {
  if (!file.type || !TYPES.includes(file.type)) return 'type';
  if ((file.size ?? 0) > MAX_PHOTO_BYTES) return 'size';
  return null;
}

/** Picks photos (the phone's camera or gallery) to send with a step; nothing is sent until the form is. */
export function PhotoPicker({
  value = [],
  onChange,
  testId,
}: {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Upload
      listType="picture-card"
      accept={TYPES.join(',')}
      multiple
      fileList={value}
      beforeUpload={() => false}
      onChange={({ fileList }) => onChange?.(fileList.slice(0, MAX_PHOTOS))}
      data-testid={testId}
    >
      {value.length < MAX_PHOTOS && (
        <div>
          <CameraOutlined />
          <div style={{ marginTop: 4 }}>{t('incidents.photos.add')}</div>
        </div>
      )}
    </Upload>
  );
}

/** Form rule: every picked file is a JPEG, PNG or WebP photo of at most 5 MB. */
export const photoRule = (t: (key: string) => string) => ({
  validator: async (_: unknown, files?: UploadFile[]) => {
    for (const f of files ?? []) {
      const problem = photoProblem({ type: f.type, size: f.size });
      if (problem) throw new Error(t(`incidents.photos.${problem}`));
    }
  },
});

export const blobsOf = (files?: UploadFile[]) =>
  (files ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
