import type { Localized } from './i18n';

export const PLATFORM_LABELS = {
  facebook: { da: 'Facebook', en: 'Facebook' },
  website: { da: 'Hjemmeside eller blog', en: 'Website or blog' },
  instagram: { da: 'Instagram', en: 'Instagram' },
  tiktok: { da: 'TikTok', en: 'TikTok' },
  x: { da: 'X (Twitter)', en: 'X (Twitter)' },
  youtube: { da: 'YouTube', en: 'YouTube' },
  other: { da: 'Andet', en: 'Other' },
} as const satisfies Record<string, Localized>;
