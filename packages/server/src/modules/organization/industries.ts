/** The industries an organization can say it is in; the SPA translates the codes. */
export const INDUSTRIES = [
  'AUTOMOTIVE',
  'DENTAL',
  'EDUCATION',
  'FINANCE',
  'HEALTHCARE',
  'HOME_SERVICES',
  'HOSPITALITY',
  'INSURANCE',
  'LEGAL',
  'MARKETING',
  'REAL_ESTATE',
  'RETAIL',
  'SOFTWARE',
  'OTHER',
] as const;
export type Industry = (typeof INDUSTRIES)[number];
