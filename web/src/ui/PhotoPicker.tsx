import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Spin, Upload, type UploadFile } from 'antd';
import type { RcFile } from 'antd/es/upload';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shrinkPhoto } from './shrinkPhoto.ts';

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

/**
 * Picks photos (the phone's camera or gallery) to send with a form, each shrunk on the phone to at
 * most 1600 px on its long side first; nothing is sent until the form is.
 */
export function PhotoPicker(props: Props) {
  return props.look === 'cards' ? <CardPicker {...props} /> : <CameraPicker {...props} />;
}

/** Shrinks picked photos one at a time (a phone holds one decoded camera photo at once), counting those left. */
function useShrink<T>(value: T[]) {
  const [left, setLeft] = useState(0);
  const latest = useRef(value);
  latest.current = value;
  const shrink = async (files: File[]) => {
    setLeft((n) => n + files.length);
    const out: File[] = [];
    for (const file of files) {
      out.push(await shrinkPhoto(file, MAX_PHOTO_BYTES, TYPES));
      setLeft((n) => n - 1);
    }
    return out;
  };
  return { left, latest, shrink };
}

function Shrinking({ left }: { left: number }) {
  const { t } = useTranslation();
  if (left === 0) return null;
  return (
    <Flex gap={8} align="center" data-testid="photo-shrinking">
      <Spin size="small" />
      {t('common.photoShrinking', { count: left })}
    </Flex>
  );
}

/** `file` as antd's picker holds it, under the `uid` of the photo it stands for. */
const asPicked = (file: File, uid: string) => Object.assign(file, { uid }) as RcFile;

function CardPicker({ value = [], onChange, addLabel, testId }: Cards & Props) {
  const { left, latest, shrink } = useShrink(value);
  const add = async (fileList: UploadFile[]) => {
    const known = new Set(latest.current.map((f) => f.uid));
    const fresh = fileList.filter((f) => !known.has(f.uid) && f.originFileObj);
    if (fresh.length === 0) return onChange?.(fileList.slice(0, MAX_PHOTOS));
    const shrunk = await shrink(fresh.map((f) => f.originFileObj as File));
    const ready = fresh.map((f, i) => {
      const file = shrunk[i] as File;
      if (file === f.originFileObj) return f;
      return {
        ...f,
        name: file.name,
        size: file.size,
        type: file.type,
        originFileObj: asPicked(file, f.uid),
      };
    });
    onChange?.([...latest.current, ...ready].slice(0, MAX_PHOTOS));
  };
  return (
    <Flex vertical gap={8}>
      <Upload
        listType="picture-card"
        accept={TYPES.join(',')}
        multiple
        fileList={value}
        beforeUpload={() => false}
        onChange={({ fileList }) => void add(fileList)}
        data-testid={testId}
      >
        {value.length < MAX_PHOTOS && (
          <div>
            <CameraOutlined />
            <div style={{ marginTop: 4 }}>{addLabel}</div>
          </div>
        )}
      </Upload>
      <Shrinking left={left} />
    </Flex>
  );
}

function CameraPicker({ value = [], onChange, addLabel, removeLabel, testId = 'photo' }: Camera & Props) {
  const input = useRef<HTMLInputElement>(null);
  const { left, latest, shrink } = useShrink(value);
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
        onChange={async (e) => {
          const picked = Array.from(e.target.files ?? []);
          e.target.value = '';
          const shrunk = await shrink(picked);
          onChange?.([...latest.current, ...shrunk]);
        }}
      />
      <Shrinking left={left} />
    </Flex>
  );
}
