export { HeatmapScreen } from './HeatmapScreen.tsx';
export { RegionMap } from './RegionMap.tsx';
