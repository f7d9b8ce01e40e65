export { MonitorScreen } from './MonitorScreen.tsx';
