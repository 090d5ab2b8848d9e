import { UAParser } from 'ua-parser-js';

export interface Device {
  deviceType: string | null;
  browser: string | null;
  os: string | null;
}

const KNOWN_DEVICE_TYPES = new Set([
  'mobile',
  'tablet',
  'smarttv',
  'wearable',
  'console',
  'embedded',
]);

/**
 * What a person recognises a session by: "desktop · Chrome 131 · Windows 10". A user agent
 * that names an OS but no device type is a desktop; one that names nothing is unknown (null).
 */
export function parseUserAgent(userAgent: string | null): Device {
  if (!userAgent) return { deviceType: null, browser: null, os: null };
  const result = new UAParser(userAgent).getResult();
  const browser = joinName(result.browser.name, result.browser.major);
  const os = joinName(result.os.name, result.os.version);
  const type = result.device.type;
  const deviceType = type && KNOWN_DEVICE_TYPES.has(type) ? type : os ? 'desktop' : null;
  return { deviceType, browser, os };
}

function joinName(name: string | undefined, version: string | undefined): string | null {
  if (!name) return null;
  return (version ? `${name} ${version}` : name).slice(0, 64);
}
