/** The hoax desk screen (`#/hoaxes`, `#/hoaxes/<cluster id>`). */
export { HoaxDeskScreen } from './HoaxDeskScreen.tsx';
// The shell's route table imported the placeholder under this name.
export { HoaxDeskScreen as HoaxesScreen } from './HoaxDeskScreen.tsx';
