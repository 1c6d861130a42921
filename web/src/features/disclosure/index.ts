export { DisclosuresPage } from './pages/DisclosuresPage.tsx';
export { PublicPage } from './pages/PublicPage.tsx';
