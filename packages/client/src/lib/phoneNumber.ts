import { useEffect, useState } from 'react';

type Format = (e164: string) => string;

const asStored: Format = (e164) => e164;

let loaded: Format | null = null;
let loading: Promise<Format> | null = null;

/** libphonenumber-js and its metadata are ~35 KB gzipped: fetched when a number is shown. */
function loadFormat(): Promise<Format> {
  loading ??= import('libphonenumber-js').then(({ parsePhoneNumberFromString }) => {
    loaded = (e164) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
    return loaded;
  });
  return loading;
}

/**
 * Formats E.164 numbers as people read them, `+34 612 34 56 78` (anything unparseable as it
 * came). Until the formatter has loaded, numbers show as stored.
 */
export function usePhoneNumberFormat(): Format {
  const [format, setFormat] = useState<Format>(() => loaded ?? asStored);
  useEffect(() => {
    if (loaded) return;
    let current = true;
    void loadFormat().then((ready) => {
      if (current) setFormat(() => ready);
    });
    return () => {
      current = false;
    };
  }, []);
  return format;
}
