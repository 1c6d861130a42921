import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Upload, type UploadFile } from 'antd';
import { useEffect, useMemo, useRef } from 'react';

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

/** Form rule: every picked file is a JPEG, PNG or WebP photo of at most 5 MB; `message` words the problem. */
export const photoRule = (message: (problem: 'type' | 'size') => string) => ({
  validator: async (_: unknown, files?: UploadFile[]) => {
    for (const f of files ?? []) {
      const problem = photoProblem({ type: f.type, size: f.size });
      if (problem) throw new Error(message(problem));
    }
  },
});

/** The files picked as picture cards, ready to send. */
export const blobsOf = (files?: UploadFile[]) =>
  (files ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);

interface Cards {
  /** Picture cards (at most `MAX_PHOTOS`), any image the gallery or camera gives. */
  look: 'cards';
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
}

interface Camera {
  /** A camera button opening the back camera, the photos shown as thumbnails with a remove button each. */
  look: 'camera';
  value?: File[];
  onChange?: (files: File[]) => void;
  /** Words of each thumbnail's remove button. */
  removeLabel: string;
}

type Props = (Cards | Camera) & { addLabel: string; testId?: string };

/** Picks photos (the phone's camera or gallery) to send with a form; nothing is sent until the form is. */
export function PhotoPicker(props: Props) {
  return props.look === 'cards' ? <CardPicker {...props} /> : <CameraPicker {...props} />;
}

function CardPicker({ value = [], onChange, addLabel, testId }: Cards & Props) {
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
          <div style={{ marginTop: 4 }}>{addLabel}</div>
        </div>
      )}
    </Upload>
  );
}

function CameraPicker({ value = [], onChange, addLabel, removeLabel, testId = 'photo' }: Camera & Props) {
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
            aria-label={removeLabel}
            onClick={() => onChange?.(value.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Button
        icon={<CameraOutlined />}
        onClick={() => input.current?.click()}
        data-testid={`${testId}-button`}
      >
        {addLabel}
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          onChange?.([...value, ...Array.from(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </Flex>
  );
}
