import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionFieldsFragment } from '../../generated/graphql';

/** Device types the server's user-agent parser reports; anything else shows as unknown. */
const DEVICE_TYPES = [
  'desktop',
  'mobile',
  'tablet',
  'smarttv',
  'wearable',
  'console',
  'embedded',
] as const;

type DeviceType = (typeof DEVICE_TYPES)[number];

function isDeviceType(value: string | null): value is DeviceType {
  return DEVICE_TYPES.some((type) => type === value);
}

type DeviceFields = Pick<SessionFieldsFragment, 'browser' | 'os' | 'deviceType'>;

/** How a person recognises a device: "Chrome 131 on Windows 10", "Mobile". */
export function useDeviceLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      name({ browser, os }: DeviceFields): string {
        if (browser && os) return t('devices.deviceName', { browser, os });
        return browser ?? os ?? t('devices.unknownDevice');
      },
      type({ deviceType }: DeviceFields): string {
        return isDeviceType(deviceType)
          ? t(`devices.types.${deviceType}`)
          : t('devices.types.unknown');
      },
    }),
    [t],
  );
}
