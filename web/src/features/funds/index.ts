export { AccountsPage } from './pages/AccountsPage.tsx';
export { BudgetPage } from './pages/BudgetPage.tsx';
export { ApprovalsPage, JournalPage } from './pages/JournalPage.tsx';
