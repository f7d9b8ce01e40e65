/**
 * The tray icon: a 32×32 PNG (white cross on a red disc), inlined so the main bundle needs
 * no asset files. Electron scales it down for 16 px trays.
 */
export const TRAY_ICON_DATA_URL =
  'data:image/png;base64,' +
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAA2ElEQVR42s2X3Q2FMAiFncAR2IBhXMFZXIEVnIVdmKGpL5g0vb2xfwpNzouxOZ8CLSwMuFiqdcPGgMSAzIDCgEEl+oz0nakAKwMeahIrJbpnHQXYG41LIHsvAA0Y56JWgHOi+a2zFuDxy/+tnj9Rinl8ESDmOZFnu3wAIGl1pABHbTwHAaJ6/QDIhwCSA2wtGT0BIN4nZlfNTwKgFIBrTXpXAYBTADEAkBQgGAAEVwDmITBPQvMyND+IzI9iF5eR+XVs3pC4aMlcNKUu2nIXg4mL0czFcPqqLnoVkqkQcyS/AAAAAElFTkSuQmCC';
