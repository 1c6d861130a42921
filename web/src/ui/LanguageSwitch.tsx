import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.ts';

/** Toggles between zh-CN and en-US; the choice is remembered. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLanguage(english ? 'zh-CN' : 'en-US')}
      data-testid="lang-switch"
    >
      {english ? '中文' : 'English'}
    </Button>
  );
}
