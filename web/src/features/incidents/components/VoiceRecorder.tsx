import { AudioOutlined, DeleteOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The server takes two minutes of speech at most (2 MB). */
const MAX_SECONDS = 120;

export const canRecord = () => typeof MediaRecorder !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

interface Props {
  value?: Blob;
  onChange?(voice: Blob | undefined): void;
}

/** Records one voice message with the browser's MediaRecorder, plays it back and lets it be taken again. */
export function VoiceRecorder({ value, onChange }: Props) {
  const { t } = useTranslation();
  const recorder = useRef<MediaRecorder | null>(null);
  const [seconds, setSeconds] = useState<number | null>(null);
  const [denied, setDenied] = useState(false);
  const url = useMemo(() => (value ? URL.createObjectURL(value) : undefined), [value]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  useEffect(() => () => recorder.current?.stop(), []);
  useEffect(() => {
    if (seconds === null) return;
    if (seconds >= MAX_SECONDS) return void recorder.current?.stop();
    const tick = setTimeout(() => setSeconds((s) => (s === null ? null : s + 1)), 1000);
    return () => clearTimeout(tick);
  }, [seconds]);

  const start = async () => {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return setDenied(true);
    }
    const chunks: Blob[] = [];
    const rec = new MediaRecorder(stream);
    rec.ondataavailable = (e) => e.data.size && chunks.push(e.data);
    rec.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      setSeconds(null);
      // the container without its codec parameters, as the server names it
      const type = (rec.mimeType || chunks[0]?.type || 'audio/webm').split(';')[0];
      onChange?.(new Blob(chunks, { type }));
    };
    recorder.current = rec;
    rec.start(1000);
    setDenied(false);
    setSeconds(0);
  };

  if (!canRecord())
    return <Typography.Text type="secondary">{t('incidents.voice.unsupported')}</Typography.Text>;
  return (
    <Flex vertical gap={8} data-testid="voice">
      {seconds !== null ? (
        <Button
          size="large"
          danger
          icon={<PauseCircleOutlined />}
          onClick={() => recorder.current?.stop()}
          data-testid="voice-stop"
        >
          {t('incidents.voice.stop', { seconds })}
        </Button>
      ) : value ? (
        <Flex gap={8} align="center" wrap>
          <audio src={url} controls style={{ maxWidth: '100%' }} data-testid="voice-playback" />
          <Button icon={<DeleteOutlined />} onClick={() => onChange?.(undefined)} data-testid="voice-remove">
            {t('incidents.voice.remove')}
          </Button>
        </Flex>
      ) : (
        <Button size="large" icon={<AudioOutlined />} onClick={() => void start()} data-testid="voice-record">
          {t('incidents.voice.record')}
        </Button>
      )}
      {denied && <Typography.Text type="danger">{t('incidents.voice.denied')}</Typography.Text>}
    </Flex>
  );
}
